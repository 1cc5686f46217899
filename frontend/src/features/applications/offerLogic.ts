// What the application page shows about the offer, decided from the
// application (its stage and the moves the API lists for the reader) and the
// offer's revisions; and the organisation's offer form as typed.
import type { Application, Offer, OfferRequest, RoleType, Stage, VisaStatus } from '../../api/types';
import { toInt } from '../profile/profileDraft';

/** latest is the newest revision of an offer (revisions come first first). */
export function latest(offers: readonly Offer[] | undefined): Offer | undefined {
  return offers && offers.length > 0 ? offers[offers.length - 1] : undefined;
}

/**
 * The organisation's offer form: `make` the first offer (offer is among the
 * next stages), give the `terms` of an offer a matching round made (at offer
 * with no revision yet), `revise` the offer while the candidate has not
 * answered, or none.
 */
export type OrganizationOffer = 'make' | 'terms' | 'revise' | null;

export function organizationOffer(app: Pick<Application, 'stage' | 'next_stages'>, offers: readonly Offer[] | undefined): OrganizationOffer {
  if ((app.next_stages ?? []).includes('offer')) return 'make';
  if (app.stage !== 'offer' || offers === undefined) return null;
  const last = latest(offers);
  if (!last) return 'terms';
  return last.answer === '' ? 'revise' : null;
}

/** The stages the organisation moves to with the stage form: an offer is made with its terms, never by a bare move. */
export function plainMoves(next: readonly Stage[] | undefined): Stage[] {
  return (next ?? []).filter((s) => s !== 'offer');
}

/**
 * What the candidate sees of the offer: the latest revision to `answer`,
 * `awaiting` its terms (at offer with no revision yet, as after a matching
 * round), or `none` (not at offer, or nothing to answer).
 */
export type CandidateOffer = { kind: 'answer'; offer: Offer } | { kind: 'awaiting' } | { kind: 'none' };

export function candidateOffer(app: Pick<Application, 'stage' | 'next_stages'>, offers: readonly Offer[] | undefined): CandidateOffer {
  if (app.stage !== 'offer' || offers === undefined) return { kind: 'none' };
  const last = latest(offers);
  if (!last) return { kind: 'awaiting' };
  const next = app.next_stages ?? [];
  if (last.answer !== '' || !(next.includes('accepted') || next.includes('declined'))) return { kind: 'none' };
  return { kind: 'answer', offer: last };
}

/** How a revision stands: answered, awaiting the answer (the latest, at offer), replaced by a later one, or never answered. */
export type RevisionState = 'accepted' | 'declined' | 'awaiting' | 'replaced' | 'unanswered';

export function revisionState(offer: Offer, isLatest: boolean, stage: Stage): RevisionState {
  if (offer.answer !== '') return offer.answer;
  if (!isLatest) return 'replaced';
  return stage === 'offer' ? 'awaiting' : 'unanswered';
}

/** Whether an application may have offer revisions worth loading (none before the offer stage). */
export function mayHaveOffers(stage: Stage): boolean {
  return stage !== 'submitted' && stage !== 'screening' && stage !== 'interview';
}

/** The offer form, as typed. */
export interface OfferDraft {
  kind: RoleType;
  annual_salary_jpy: string;
  start_date: string;
  term_months: string;
  planned_status: string;
  respond_by: string;
  text_en: string;
  text_ja: string;
  university_agreement: boolean;
}

/** offerDraft starts the form: from the latest revision when revising, else empty with the role's kind. */
export function offerDraft(roleType: RoleType, from?: Offer): OfferDraft {
  if (!from) {
    return { kind: roleType, annual_salary_jpy: '', start_date: '', term_months: '', planned_status: '', respond_by: '', text_en: '', text_ja: '', university_agreement: false };
  }
  return {
    kind: from.kind,
    annual_salary_jpy: String(from.annual_salary_jpy),
    start_date: from.start_date,
    term_months: from.term_months > 0 ? String(from.term_months) : '',
    planned_status: from.planned_status,
    respond_by: from.respond_by,
    text_en: from.text_en,
    text_ja: from.text_ja,
    university_agreement: from.university_agreement,
  };
}

/**
 * offerRequestOf turns the form into the request. An empty salary is sent
 * empty (the API names it; left out it would mean an unpaid post), an empty
 * term as 0 (no fixed term); numbers typed wrongly go as typed, so the API
 * says beside the field what they must be; empty dates and an unchosen
 * status are left out (the API says they are required). The agreement
 * counts only for internships.
 */
export function offerRequestOf(d: OfferDraft): OfferRequest {
  const body: Record<string, unknown> = {
    kind: d.kind,
    annual_salary_jpy: toInt(d.annual_salary_jpy, ''),
    term_months: toInt(d.term_months, 0),
    text_en: d.text_en,
    text_ja: d.text_ja,
    university_agreement: d.kind === 'internship' && d.university_agreement,
  };
  if (d.start_date) body.start_date = d.start_date;
  if (d.planned_status) body.planned_status = d.planned_status as VisaStatus;
  if (d.respond_by) body.respond_by = d.respond_by;
  return body as unknown as OfferRequest;
}
