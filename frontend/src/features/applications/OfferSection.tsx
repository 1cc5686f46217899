import { useRef, useState } from 'react';
import { useAnswerOffer, useOffers } from '../../api/offers';
import type { Application, Offer } from '../../api/types';
import { useAnnounce } from '../../components/Announcer';
import { Confirm } from '../../components/Confirm';
import { LoadError, Loading, Notice } from '../../components/Status';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { reportingTo } from '../../forms/MutationForm';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { OfferForm } from './OfferForm';
import { candidateOffer, latest, mayHaveOffers, organizationOffer } from './offerLogic';
import { OfferHistory, OfferTerms } from './OfferTerms';

/**
 * OfferSection is the offer on an application page: for the organisation,
 * every revision and the form to make, complete or revise the offer; for
 * the candidate, the offer to answer, or the terms still to come, or the
 * revisions once answered.
 */
export function OfferSection({ app, viewer }: { app: Application; viewer: 'candidate' | 'organization' | 'other' }) {
  const { t } = useI18n();
  const offerPossible = (app.next_stages ?? []).includes('offer');
  const offers = useOffers(app.id, mayHaveOffers(app.stage));
  if (!offerPossible && !mayHaveOffers(app.stage)) return null;
  if (offers.isError) return <LoadError error={offers.error} retry={() => void offers.refetch()} />;
  if (offers.isLoading) return <Loading />;
  const list = offers.data ?? [];
  if (viewer === 'candidate') {
    const view = candidateOffer(app, offers.data);
    if (view.kind === 'answer') return <OfferCard app={app} offer={view.offer} />;
    if (view.kind === 'awaiting') return <Notice>{t('web.offer.awaiting_terms')}</Notice>;
  }
  const action = viewer === 'organization' ? organizationOffer(app, offers.data) : null;
  if (list.length === 0 && !action) return null;
  return (
    <section className="section" aria-labelledby="offer-title">
      <h2 id="offer-title">{t('web.offer.title')}</h2>
      {list.length > 0 && <OfferHistory offers={list} stage={app.stage} />}
      {action && <OfferAction app={app} mode={action} from={latest(list)} />}
    </section>
  );
}

const openers = { make: 'web.offer.make_open', terms: 'web.offer.terms_open', revise: 'web.offer.revise_open' } as const;

/** OfferAction is the button that opens the organisation's offer form (focus goes back to it when the form closes). */
function OfferAction({ app, mode, from }: { app: Application; mode: 'make' | 'terms' | 'revise'; from?: Offer }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  if (open) {
    return (
      <OfferForm
        app={app}
        mode={mode}
        from={mode === 'revise' ? from : undefined}
        onClose={() => {
          setOpen(false);
          window.setTimeout(() => opener.current?.focus(), 0);
        }}
      />
    );
  }
  return (
    <button ref={opener} type="button" className="button button--primary" onClick={() => setOpen(true)}>
      {t(openers[mode])}
    </button>
  );
}

/**
 * OfferCard is the offer the candidate answers: its terms and text, and
 * Accept or Decline (each asking first), naming the revision shown. When the
 * organisation revised it meanwhile, the API says so and the new revision
 * is fetched and shown.
 */
function OfferCard({ app, offer }: { app: Application; offer: Offer }) {
  const { t, label, date } = useI18n();
  const announce = useAnnounce();
  const form = useFormErrors();
  const answer = useAnswerOffer(app.id, reportingTo(form, { onSuccess: (a) => announce(t('web.application.now_stage', { Stage: label('stage', a.stage) })) }));
  const next = app.next_stages ?? [];
  return (
    <section className="section panel offer-card" aria-labelledby="offer-title">
      <h2 id="offer-title" className="panel__title">
        {t('web.offer.yours')}
      </h2>
      <p className="offer-card__meta">{t('web.offer.revision_sent', { N: offer.revision, Date: date(offer.created_at) })}</p>
      <OfferTerms offer={offer} />
      <ErrorSummary form={form} />
      <div className="actions offer-card__actions">
        {next.includes('accepted') && (
          <Confirm
            label={t('web.application.accept')}
            triggerClass="button--primary"
            question={t('web.offer.accept_confirm')}
            yes={t('web.offer.accept_yes')}
            pending={answer.isPending}
            onYes={() => answer.mutateAsync({ accept: true, revision: offer.revision })}
          />
        )}
        {next.includes('declined') && (
          <Confirm
            label={t('web.offer.decline')}
            question={t('web.offer.decline_confirm')}
            yes={t('web.offer.decline_yes')}
            pending={answer.isPending}
            danger
            onYes={() => answer.mutateAsync({ accept: false, revision: offer.revision })}
          />
        )}
      </div>
    </section>
  );
}
