import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { User } from '../../api/types';
import { useForgetUser } from './session';
import { useAnnounce } from '../../components/Announcer';
import { CardList } from '../../components/CardList';
import { Page } from '../../components/Page';
import { RequireAccount } from './RequireAccount';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { type Session, useEndAllSessions, useEndSession, useSessions } from '../../api/account';
import { AccountNav } from './AccountNav';
import { Confirm } from '../../components/Confirm';
import { allKinds } from './kinds';
import './account.css';
import { QueryView } from '../../components/QueryView';

/** Sessions lists where the account is signed in, and ends one or all of them. */
export default function Sessions() {
  return <RequireAccount kinds={allKinds}>{(user) => <SessionsPage user={user} />}</RequireAccount>;
}

/** deviceName names a session's browser and system in words ("Chrome on Linux"). */
export function useDeviceName(): (s: Pick<Session, 'browser' | 'os'>) => string {
  const { t } = useI18n();
  return (s) => {
    if (s.browser && s.os) return t('web.sessions.browser_on', { Browser: s.browser, OS: s.os });
    return s.browser || s.os || t('web.sessions.unknown_device');
  };
}

function SessionsPage({ user }: { user: User }) {
  const { t } = useI18n();
  const sessions = useSessions();
  const list = useMemo(() => sessions.data?.pages.flatMap((p) => p.items) ?? [], [sessions.data]);
  return (
    <Page wide title={t('web.sessions.title')} lead={<p>{t('web.sessions.lead')}</p>}>
      <div className="account-layout">
        <AccountNav user={user} />
        <div className="account-layout__main">
          <section aria-labelledby="sessions-list-title">
            <h2 id="sessions-list-title" className="visually-hidden">
              {t('web.sessions.list')}
            </h2>
            <QueryView query={sessions} data={list}>
              {(items) => <CardList items={items} pager={sessions} render={(s) => <SessionRow session={s} />} />}
            </QueryView>
          </section>
          <Everywhere />
        </div>
      </div>
    </Page>
  );
}

function SessionRow({ session: s }: { session: Session }) {
  const { t, dateTime } = useI18n();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const forget = useForgetUser();
  const deviceName = useDeviceName();
  const form = useFormErrors();
  const name = deviceName(s);
  const revoke = useEndSession(s.id, s.current, {
    onSuccess: async () => {
      if (s.current) {
        await navigate('/signin', { replace: true });
        forget();
        return;
      }
      announce(t('web.sessions.ended', { Device: name }));
    },
    onError: form.report,
  });
  return (
    <article className="row-card" aria-labelledby={`session-${s.id}`}>
      <div className="row-card__main">
        <h3 className="row-card__title" id={`session-${s.id}`} tabIndex={-1}>
          {name}
        </h3>
        <p className="lead-line">
          {s.current && <span className="badge badge--info">{t('web.sessions.this_device')}</span>}
          {s.second_factor && <span className="badge badge--success">{t('web.sessions.with_code')}</span>}
        </p>
        <p className="row-card__meta">
          {t('web.sessions.started', { Time: dateTime(s.created_at) })} · {t('web.sessions.last_seen', { Time: dateTime(s.last_seen_at) })}
        </p>
        <p className="row-card__meta">
          {s.ip ? t('web.sessions.from', { IP: s.ip }) + ' · ' : ''}
          {t('web.sessions.ends', { Time: dateTime(s.expires_at) })}
        </p>
        <ErrorSummary form={form} />
      </div>
      <div className="row-card__side">
        <button
          type="button"
          className="button button--secondary"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate()}
          aria-label={s.current ? undefined : t('web.sessions.end_named', { Device: name, Time: dateTime(s.created_at) })}
        >
          {s.current ? t('web.sessions.end_this') : t('web.sessions.end')}
        </button>
      </div>
    </article>
  );
}

function Everywhere() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const forget = useForgetUser();
  const form = useFormErrors();
  const all = useEndAllSessions({
    onSuccess: async () => {
      // Leave the page first: forgetting the user here would send it to sign-in on its own.
      await navigate('/signin', { replace: true, state: { signedOutEverywhere: true } });
      forget();
    },
    onError: form.report,
  });
  return (
    <section className="panel danger-zone" aria-labelledby="everywhere-title">
      <h2 id="everywhere-title" className="panel__title">
        {t('web.sessions.everywhere_title')}
      </h2>
      <p>{t('web.sessions.everywhere_lead')}</p>
      <ErrorSummary form={form} />
      <Confirm
        label={t('web.sessions.everywhere')}
        question={t('web.sessions.everywhere_confirm')}
        yes={t('web.sessions.everywhere_yes')}
        pending={all.isPending}
        onYes={() => all.mutateAsync()}
        danger
      />
    </section>
  );
}
