import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { Page } from '../../components/Page';
import { Notice } from '../../components/Status';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import './notifications.css';
import { useUnsubscribe } from '../../api/notifications';

/**
 * Unsubscribe is where an e-mail's "unsubscribe" link leads, signed in or
 * not: it says what the link does and turns that kind of e-mail off only
 * when the reader presses the button (mail scanners that open links change
 * nothing), then names the kind turned off.
 */
export default function Unsubscribe() {
  const { t, label } = useI18n();
  const token = useSearchParams()[0].get('token') ?? '';
  const form = useFormErrors();
  const outcome = useRef<HTMLDivElement>(null);
  const off = useUnsubscribe(token, {
    onError: (e) => {
      if (!isInvalid(e)) form.report(e);
    },
  });
  const invalid = token === '' || isInvalid(off.error);
  // After the button, the outcome takes focus (the button is gone), so it is read out.
  const answered = off.isSuccess || (off.isError && invalid);
  useEffect(() => {
    if (answered) outcome.current?.focus();
  }, [answered]);
  return (
    <Page title={t('web.unsubscribe.title')}>
      <div className="unsubscribe stack" ref={outcome} tabIndex={-1}>
        {invalid ? (
          <Notice tone="error" title={t('web.unsubscribe.invalid_title')}>
            <p>{t('web.unsubscribe.invalid_body')}</p>
          </Notice>
        ) : off.isSuccess ? (
          <Notice tone="success" title={t('web.unsubscribe.done_title')}>
            <p>{t('web.unsubscribe.done_body', { Kind: label('web.notify_kind', off.data.kind) })}</p>
            <p>{t('web.unsubscribe.still')}</p>
          </Notice>
        ) : (
          <>
            <p>{t('web.unsubscribe.lead')}</p>
            <ErrorSummary form={form} />
            <p>
              <button type="button" className="button button--primary" disabled={off.isPending} onClick={() => off.mutate()}>
                {off.isPending ? t('web.common.sending') : t('web.unsubscribe.submit')}
              </button>
            </p>
          </>
        )}
        {(invalid || off.isSuccess) && (
          <p>
            <Link to="/account/notifications">{t('web.unsubscribe.settings')}</Link>
          </p>
        )}
      </div>
    </Page>
  );
}

/** isInvalid tells a link the server did not sign (404) or a malformed one (400) from other failures. */
function isInvalid(e: unknown): boolean {
  return e instanceof ApiError && (e.status === 404 || e.status === 400);
}
