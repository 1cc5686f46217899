import { useState } from 'react';
import { Link } from 'react-router';
import type { User } from '../../api/types';
import { useAnnounce } from '../../components/Announcer';
import { Page } from '../../components/Page';
import { RequireAccount } from './RequireAccount';
import { Notice } from '../../components/Status';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { useFormErrors } from '../../forms/useFormErrors';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18nProvider';
import { type ConsentEvent, type ConsentPurpose, type Consents, type PurposeConsent, useConsents, useDecideConsent } from '../../api/account';
import { AccountNav } from './AccountNav';
import './account.css';
import { QueryView } from '../../components/QueryView';

/**
 * Privacy is the candidate's consent page: each purpose in the API's own
 * wording (in the reader's language, with its version), what it means in
 * practice, and one button to give or withdraw it, which takes effect at
 * once; then what organisations can do now, and the ledger of decisions.
 */
export default function Privacy() {
  return <RequireAccount kinds={['candidate']}>{(user) => <PrivacyPage user={user} />}</RequireAccount>;
}

/** What withdrawing each purpose does, in plain words (shown before and after). */
const withdrawEffect: Record<ConsentPurpose, MessageKey> = {
  share_with_applied: 'web.privacy.effect_share',
  discoverable: 'web.privacy.effect_discoverable',
  transfer_to_japan: 'web.privacy.effect_transfer',
};

/** consentState names where one purpose stands. */
export function consentState(p: PurposeConsent): 'effective' | 'dormant' | 'withdrawn' | 'never' {
  if (p.granted) return p.effective ? 'effective' : 'dormant';
  return p.decided_at ? 'withdrawn' : 'never';
}

function PrivacyPage({ user }: { user: User }) {
  const { t } = useI18n();
  const consents = useConsents();
  return (
    <Page wide title={t('web.privacy.title')} lead={<p>{t('web.privacy.lead')}</p>}>
      <div className="account-layout">
        <AccountNav user={user} />
        <div className="account-layout__main">
          <QueryView query={consents}>
            {(data) => (
              <>
                <NowSummary consents={data} />
                {data.purposes.map((p) => (
                  <PurposeCard key={p.purpose} consent={p} all={data.purposes} />
                ))}
                <History consents={data} />
                <p className="muted">
                  {t('web.privacy.more')} <Link to="/account/data">{t('web.menu.data')}</Link>
                </p>
              </>
            )}
          </QueryView>
        </div>
      </div>
    </Page>
  );
}

/** NowSummary says what organisations can do with the profile right now. */
function NowSummary({ consents }: { consents: Consents }) {
  const { t } = useI18n();
  const effective = (purpose: ConsentPurpose) => consents.purposes.find((p) => p.purpose === purpose)?.effective ?? false;
  const share = effective('share_with_applied');
  const discover = effective('discoverable');
  return (
    <section className="panel now" aria-labelledby="now-title" data-testid="consent-now">
      <h2 id="now-title" className="panel__title">
        {t('web.privacy.now_title')}
      </h2>
      <ul className="now__list">
        <li className={share ? 'now__item now__item--yes' : 'now__item now__item--no'}>
          <span className="now__mark" aria-hidden="true">
            {share ? '✓' : '✕'}
          </span>
          {share ? t('web.privacy.now_share_yes') : t('web.privacy.now_share_no')}
        </li>
        <li className={discover ? 'now__item now__item--yes' : 'now__item now__item--no'}>
          <span className="now__mark" aria-hidden="true">
            {discover ? '✓' : '✕'}
          </span>
          {discover ? t('web.privacy.now_discover_yes') : t('web.privacy.now_discover_no')}
        </li>
      </ul>
      <p className="muted">{t('web.privacy.never_shared')}</p>
    </section>
  );
}

function StateBadge({ consent }: { consent: PurposeConsent }) {
  const { t } = useI18n();
  switch (consentState(consent)) {
    case 'effective':
      return <span className="badge badge--success">{t('web.privacy.state_effective')}</span>;
    case 'dormant':
      return <span className="badge badge--warning">{t('web.privacy.state_dormant')}</span>;
    case 'withdrawn':
      return <span className="badge badge--muted">{t('web.privacy.state_withdrawn')}</span>;
    default:
      return <span className="badge badge--neutral">{t('web.privacy.state_never')}</span>;
  }
}

function PurposeCard({ consent: c, all }: { consent: PurposeConsent; all: PurposeConsent[] }) {
  const { t, dateTime, day, label } = useI18n();
  const announce = useAnnounce();
  const form = useFormErrors();
  const [outcome, setOutcome] = useState<'granted' | 'withdrawn' | null>(null);
  const w = c.wording;
  const titleId = `consent-${c.purpose}-title`;
  const missing = c.requires.map((r) => all.find((p) => p.purpose === r)).filter((p): p is PurposeConsent => !!p && !p.granted);
  const outdated = c.granted && c.wording_version !== null && c.wording_version !== w.version;
  const decide = useDecideConsent(c.purpose, w.version, {
    onSuccess: (_answer, granted) => {
      setOutcome(granted ? 'granted' : 'withdrawn');
      announce(granted ? t('web.privacy.granted_now', { Title: w.title }) : t('web.privacy.withdrawn_now', { Title: w.title }));
    },
    // A wording changed since it was read is read again, and the new one shown.
    onError: form.report,
  });
  return (
    <article className="panel consent-card" aria-labelledby={titleId} data-purpose={c.purpose}>
      <div className="consent-card__head">
        <h2 id={titleId} className="panel__title" lang={w.language}>
          {w.title}
        </h2>
        <StateBadge consent={c} />
      </div>
      <p className="consent-card__decided">
        {c.decided_at
          ? c.granted
            ? t('web.privacy.given_on', { Date: dateTime(c.decided_at), Version: c.wording_version ?? w.version })
            : t('web.privacy.withdrawn_on', { Date: dateTime(c.decided_at) })
          : t('web.privacy.not_decided')}
      </p>
      <div className="prose consent-card__text" lang={w.language}>
        {w.text}
      </div>
      {w.recipient && (
        <dl className="details consent-card__recipient" lang={w.language}>
          <div>
            <dt>{t('web.privacy.country')}</dt>
            <dd>{w.recipient.country_name}</dd>
          </div>
          <div>
            <dt>{t('web.privacy.regime')}</dt>
            <dd>{w.recipient.regime}</dd>
          </div>
          <div>
            <dt>{t('web.privacy.safeguards')}</dt>
            <dd>{w.recipient.safeguards}</dd>
          </div>
        </dl>
      )}
      <p className="consent-card__version muted">
        {t('web.privacy.version', { Version: w.version, Date: day(w.effective_from), Language: label('language', w.language) })}
      </p>
      {c.granted && !c.effective && missing.length > 0 && (
        <Notice tone="warning">
          <p>{t('web.privacy.needs', { Titles: missing.map((m) => m.wording.title).join(' / ') })}</p>
        </Notice>
      )}
      {outdated && (
        <Notice tone="warning">
          <p>{t('web.privacy.outdated', { Old: c.wording_version ?? '', New: w.version })}</p>
        </Notice>
      )}
      {outcome && (
        <Notice tone="success">
          <p className="notice__title">{outcome === 'granted' ? t('web.privacy.granted_title') : t('web.privacy.withdrawn_title')}</p>
          <p>{outcome === 'granted' ? (c.effective ? t('web.privacy.granted_effect') : t('web.privacy.granted_dormant')) : t(withdrawEffect[c.purpose])}</p>
        </Notice>
      )}
      <ErrorSummary form={form} />
      <div className="consent-card__actions">
        {c.granted ? (
          <>
            <p className="muted consent-card__if">
              <strong>{t('web.privacy.if_withdraw')}</strong> {t(withdrawEffect[c.purpose])}
            </p>
            <div className="actions">
              {outdated && (
                <button type="button" className="button button--primary" disabled={decide.isPending} onClick={() => decide.mutate(true)} aria-describedby={titleId}>
                  {t('web.privacy.agree_new', { Version: w.version })}
                </button>
              )}
              <button type="button" className="button button--secondary" disabled={decide.isPending} onClick={() => decide.mutate(false)} aria-describedby={titleId}>
                {decide.isPending ? t('web.common.saving') : t('web.privacy.withdraw')}
              </button>
            </div>
          </>
        ) : (
          <>
            <p className="muted consent-card__if">{t('web.privacy.give_hint')}</p>
            <div className="actions">
              <button type="button" className="button button--primary" disabled={decide.isPending} onClick={() => decide.mutate(true)} aria-describedby={titleId}>
                {decide.isPending ? t('web.common.saving') : t('web.privacy.give')}
              </button>
            </div>
          </>
        )}
      </div>
    </article>
  );
}

const sources: Record<ConsentEvent['source'], MessageKey> = {
  consents: 'web.privacy.source_consents',
  profile: 'web.privacy.source_profile',
  seed: 'web.privacy.source_seed',
  erasure: 'web.privacy.source_erasure',
};

function History({ consents }: { consents: Consents }) {
  const { t, dateTime, label } = useI18n();
  const title = (purpose: ConsentPurpose) => consents.purposes.find((p) => p.purpose === purpose)?.wording.title ?? purpose;
  if (consents.history.length === 0) return null;
  return (
    <section className="section" aria-labelledby="history-title">
      <h2 id="history-title">{t('web.privacy.history')}</h2>
      <p className="muted">{consents.history_complete ? t('web.privacy.history_lead') : t('web.privacy.history_partial')}</p>
      <div className="table-wrap" role="region" aria-labelledby="history-title" tabIndex={0}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('web.privacy.col_when')}</th>
              <th scope="col">{t('web.privacy.col_consent')}</th>
              <th scope="col">{t('web.privacy.col_decision')}</th>
              <th scope="col">{t('web.privacy.col_version')}</th>
              <th scope="col">{t('web.privacy.col_how')}</th>
            </tr>
          </thead>
          <tbody>
            {consents.history.map((e, i) => (
              <tr key={`${e.at}-${e.purpose}-${i}`}>
                <td>{dateTime(e.at)}</td>
                <td>{title(e.purpose)}</td>
                <td>{e.granted ? t('web.privacy.decision_given') : t('web.privacy.decision_withdrawn')}</td>
                <td>
                  {e.wording_version} · {label('language', e.language)}
                </td>
                <td>{t(sources[e.source])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
