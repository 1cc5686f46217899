import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Application, Offer } from '../../api/types';
import { jsonResponse, renderWith } from '../../test/render';
import { candidateOffer, offerDraft, offerRequestOf, organizationOffer, plainMoves, revisionState } from './offerLogic';
import { OfferSection } from './OfferSection';

afterEach(() => vi.unstubAllGlobals());

const offer = (revision: number, over: Partial<Offer> = {}): Offer => ({
  id: 10 + revision,
  application_id: 7,
  revision,
  kind: 'job',
  annual_salary_jpy: 7_200_000,
  start_date: '2027-04-01',
  term_months: 0,
  planned_status: 'hsp_1b',
  respond_by: '2027-01-15',
  text_en: `Welcome to the team (revision ${revision}).`,
  text_ja: '',
  text: { language: 'en', fallback: false, body: `Welcome to the team (revision ${revision}).` },
  university_agreement: false,
  created_at: '2026-12-08T09:00:00Z',
  answer: '',
  answered_at: null,
  ...over,
});

describe('which offer form the organisation gets', () => {
  it('makes the first offer when offer is a next stage, gives the terms of a round\'s offer, revises an unanswered one', () => {
    expect(organizationOffer({ stage: 'interview', next_stages: ['offer', 'rejected'] }, undefined)).toBe('make');
    expect(organizationOffer({ stage: 'offer', next_stages: ['rejected'] }, [])).toBe('terms');
    expect(organizationOffer({ stage: 'offer', next_stages: ['rejected'] }, [offer(1), offer(2)])).toBe('revise');
  });
  it('offers no form once answered, before the offers are loaded, or at another stage', () => {
    expect(organizationOffer({ stage: 'accepted', next_stages: [] }, [offer(1, { answer: 'accepted' })])).toBeNull();
    expect(organizationOffer({ stage: 'offer', next_stages: ['rejected'] }, [offer(1, { answer: 'declined' })])).toBeNull();
    expect(organizationOffer({ stage: 'offer', next_stages: ['rejected'] }, undefined)).toBeNull();
    expect(organizationOffer({ stage: 'submitted', next_stages: ['screening', 'rejected'] }, undefined)).toBeNull();
  });
  it('leaves offer out of the stage moves', () => {
    expect(plainMoves(['interview', 'offer', 'rejected'])).toEqual(['interview', 'rejected']);
    expect(plainMoves(undefined)).toEqual([]);
  });
});

describe('what the candidate sees of the offer', () => {
  const atOffer = { stage: 'offer', next_stages: ['accepted', 'declined', 'withdrawn'] } as const;
  it('answers the latest revision, or waits for the terms of a round\'s offer', () => {
    expect(candidateOffer({ ...atOffer, next_stages: [...atOffer.next_stages] }, [offer(1), offer(2)])).toEqual({ kind: 'answer', offer: offer(2) });
    expect(candidateOffer({ ...atOffer, next_stages: [...atOffer.next_stages] }, [])).toEqual({ kind: 'awaiting' });
  });
  it('has nothing to answer away from offer, when answered, or without the moves', () => {
    expect(candidateOffer({ stage: 'accepted', next_stages: ['withdrawn'] }, [offer(1, { answer: 'accepted' })]).kind).toBe('none');
    expect(candidateOffer({ stage: 'offer', next_stages: ['withdrawn'] }, [offer(1)]).kind).toBe('none');
    expect(candidateOffer({ stage: 'offer', next_stages: ['accepted'] }, undefined).kind).toBe('none');
  });
  it('says how each revision stands', () => {
    expect(revisionState(offer(1), false, 'offer')).toBe('replaced');
    expect(revisionState(offer(2), true, 'offer')).toBe('awaiting');
    expect(revisionState(offer(2), true, 'rejected')).toBe('unanswered');
    expect(revisionState(offer(2, { answer: 'declined' }), true, 'declined')).toBe('declined');
  });
});

describe('the offer form as sent', () => {
  it('starts from the role\'s kind, or from the latest revision', () => {
    expect(offerDraft('research').kind).toBe('research');
    const d = offerDraft('job', offer(2, { term_months: 12 }));
    expect(d).toMatchObject({ annual_salary_jpy: '7200000', term_months: '12', planned_status: 'hsp_1b', respond_by: '2027-01-15' });
  });
  it('sends an empty salary for the API to name, no term as 0, leaves out empty dates, and the agreement only for internships', () => {
    const body = offerRequestOf({ ...offerDraft('job'), university_agreement: true, text_en: 'Hi' });
    expect(body).toEqual({ kind: 'job', annual_salary_jpy: '', term_months: 0, text_en: 'Hi', text_ja: '', university_agreement: false });
    const intern = offerRequestOf({ ...offerDraft('internship'), annual_salary_jpy: '0', term_months: '3', start_date: '2027-06-01', respond_by: '2027-03-01', planned_status: 'designated_internship', university_agreement: true });
    expect(intern).toMatchObject({ annual_salary_jpy: 0, term_months: 3, start_date: '2027-06-01', respond_by: '2027-03-01', planned_status: 'designated_internship', university_agreement: true });
  });
});

const app: Application = {
  id: 7,
  role_id: 3,
  candidate_id: 5,
  stage: 'offer',
  cover_note: '',
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-12-08T09:00:00Z',
  next_stages: ['accepted', 'declined', 'withdrawn'],
};

describe('the candidate\'s offer card', () => {
  it('shows the terms in Hindi with the letter\'s language, and after a revision crossed the answer shows the new one', async () => {
    let revisions = [offer(1, { text: { language: 'en', fallback: true, body: 'Welcome to the team (revision 1).' } })];
    const answers: unknown[] = [];
    vi.stubGlobal('fetch', async (req: Request) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/applications/7/offers') return jsonResponse(200, { items: revisions });
      if (path === '/api/v1/applications/7/accept') {
        answers.push(await req.json());
        revisions = [...revisions, offer(2, { annual_salary_jpy: 7_500_000, text: { language: 'en', fallback: true, body: 'Welcome to the team (revision 2).' } })];
        return jsonResponse(409, { type: 't', title: 'Conflict', status: 409, detail: 'प्रस्ताव बदल गया है।', code: 'offer_revised' }, 'application/problem+json');
      }
      return jsonResponse(404, { type: 't', title: 'x', status: 404, detail: 'x', code: 'not_found' }, 'application/problem+json');
    });
    await renderWith(<OfferSection app={app} viewer="candidate" />, { lang: 'hi' });
    const card = await screen.findByRole('region', { name: 'आपका प्रस्ताव' });
    expect(within(card).getByText('¥72,00,000 प्रति वर्ष')).toBeTruthy();
    expect(within(card).getByText('अत्यधिक कुशल पेशेवर (i)(b)')).toBeTruthy();
    expect(within(card).getByText('कोई निश्चित अवधि नहीं')).toBeTruthy();
    expect(within(card).getByText('आपकी भाषा में उपलब्ध नहीं है, इसलिए अंग्रेज़ी में दिखाया गया है।')).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'प्रस्ताव स्वीकार करें' }));
    await act(async () => {
      fireEvent.click(within(card).getByRole('button', { name: 'हाँ, स्वीकार करें' }));
    });
    expect(answers).toEqual([{ revision: 1 }]);
    expect((await screen.findByRole('alert')).textContent).toContain('प्रस्ताव बदल गया है।');
    await screen.findByText('Welcome to the team (revision 2).');
    expect(screen.getByText('¥75,00,000 प्रति वर्ष')).toBeTruthy();
  });

  it('says the terms will come when a matching round made the offer', async () => {
    vi.stubGlobal('fetch', async () => jsonResponse(200, { items: [] }));
    await renderWith(<OfferSection app={app} viewer="candidate" />);
    await screen.findByText(/will send its terms here/);
    expect(screen.queryByRole('button', { name: 'Accept the offer' })).toBeNull();
  });
});
