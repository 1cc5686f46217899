import { useEffect, useState } from 'react';
import { ApiError, RetryLater } from '../../api/client';
import type { User } from '../../api/types';
import { useAnnounce } from '../../components/Announcer';
import { fieldId } from '../../forms/errors';
import { TextField } from '../../forms/fields';
import { MutationForm } from '../../forms/MutationForm';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { type SecondFactorChallenge, useSecondStep } from '../../api/auth';
import { useWait } from './useWait';
import { WaitNotice } from './WaitNotice';

/**
 * SecondStep finishes a sign-in whose password was right: a code from the
 * authenticator app, or one of the recovery codes. A pending sign-in that
 * ended (five minutes, or five wrong codes) goes back to the first step.
 */
export function SecondStep(props: {
  challenge: SecondFactorChallenge;
  onSignedIn: (user: User) => void | Promise<void>;
  onRestart: (message: string | null) => void;
}) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const form = useFormErrors();
  const [code, setCode] = useState('');
  const recoveryAllowed = props.challenge.methods.includes('recovery_code');
  const [recovery, setRecovery] = useState(!props.challenge.methods.includes('totp'));
  const { left, wait } = useWait(() => announce(t('web.wait.ready')));
  useEffect(() => {
    document.getElementById(fieldId('code'))?.focus();
  }, [recovery]);
  const finish = useSecondStep({
    onSuccess: props.onSignedIn,
    onError: (e) => {
      if (e instanceof ApiError && e.status === 401) {
        props.onRestart(e.problem?.detail ?? null);
        return;
      }
      if (e instanceof RetryLater) wait(e.retryAfter);
      form.report(e);
    },
  });
  const busy = finish.isPending || left > 0;
  return (
    <MutationForm
      className="form form--narrow"
      aria-labelledby="second-step-title"
      form={form}
      onSubmit={() => {
        if (!busy) finish.mutate(code.trim());
      }}
      before={
        <>
          <h2 id="second-step-title">{t('web.second_step.title')}</h2>
          <p>{recovery ? t('web.second_step.lead_recovery') : t('web.second_step.lead')}</p>
        </>
      }
    >
      <TextField
        key={recovery ? 'recovery' : 'totp'}
        name="code"
        label={recovery ? t('web.second_step.recovery_label') : t('web.second_step.code_label')}
        hint={recovery ? t('web.second_step.recovery_hint') : t('web.second_step.code_hint')}
        inputMode={recovery ? 'text' : 'numeric'}
        autoComplete={recovery ? 'off' : 'one-time-code'}
        autoCapitalize="none"
        spellCheck={false}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={form.fields.code}
        required
        className="field--code"
      />
      <WaitNotice left={left} />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {finish.isPending ? t('web.common.sending') : t('web.second_step.submit')}
      </button>
      <div className="form__after stack">
        {recoveryAllowed && props.challenge.methods.includes('totp') && (
          <p>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setRecovery((r) => !r);
                setCode('');
                form.clear();
              }}
            >
              {recovery ? t('web.second_step.use_app') : t('web.second_step.use_recovery')}
            </button>
          </p>
        )}
        <p>
          <button type="button" className="button button--quiet" onClick={() => props.onRestart(null)}>
            {t('web.second_step.restart')}
          </button>
        </p>
      </div>
    </MutationForm>
  );
}
