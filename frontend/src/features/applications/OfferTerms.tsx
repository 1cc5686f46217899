import type { Offer, Stage } from '../../api/types';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18nProvider';
import { FallbackNote } from '../roles/RoleCard';
import { revisionState } from './offerLogic';
import './offers.css';

/** OfferTerms lists one revision's terms and its text in the reader's language (saying so when it falls back to another). */
export function OfferTerms({ offer }: { offer: Offer }) {
  const { t, label, yen, day, plural } = useI18n();
  const row = (term: string, value: string) => (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <>
      <dl className="details offer-terms">
        {row(t('web.offer.kind'), label('role_type', offer.kind))}
        {row(t('web.offer.salary_term'), offer.annual_salary_jpy > 0 ? t('web.offer.per_year', { Amount: yen(offer.annual_salary_jpy) }) : t('web.offer.unpaid'))}
        {row(t('web.offer.start'), day(offer.start_date))}
        {row(t('web.offer.term'), offer.term_months > 0 ? plural('web.offer.months', offer.term_months) : t('web.offer.no_term'))}
        {row(t('web.offer.status'), label('visa', offer.planned_status))}
        {offer.kind === 'internship' && row(t('web.offer.agreement_term'), t(offer.university_agreement ? 'web.common.yes' : 'web.common.no'))}
        {row(t('web.offer.respond_by'), day(offer.respond_by))}
      </dl>
      {offer.text.body && (
        <div className="offer-text">
          <h3 className="offer-text__title">{t('web.offer.letter')}</h3>
          <FallbackNote display={offer.text} />
          <div className="prose quote" lang={offer.text.language}>
            {offer.text.body.split(/\n{2,}/).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        </div>
      )}
    </>
  );
}

const stateTone = { accepted: 'success', declined: 'muted', awaiting: 'info', replaced: 'muted', unanswered: 'muted' } as const;

/** OfferHistory is every revision of the offer, newest first (it open), each with how it stands. */
export function OfferHistory({ offers, stage }: { offers: Offer[]; stage: Stage }) {
  const { t, date } = useI18n();
  const last = offers.length - 1;
  return (
    <ol className="offer-history">
      {offers
        .map((o, i) => ({ o, state: revisionState(o, i === last, stage), latest: i === last }))
        .reverse()
        .map(({ o, state, latest }) => (
          <li key={o.id}>
            <details className="offer-revision" open={latest}>
              <summary>
                <span className="offer-revision__name">{t('web.offer.revision_n', { N: o.revision })}</span>{' '}
                <span className="offer-revision__meta">{t('web.offer.sent_on', { Date: date(o.created_at) })}</span>{' '}
                <span className={`badge badge--${stateTone[state]}`}>{t(`web.offer.state_${state}` as MessageKey)}</span>
              </summary>
              <OfferTerms offer={o} />
            </details>
          </li>
        ))}
    </ol>
  );
}
