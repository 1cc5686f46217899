import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { retryAfterSeconds } from '../../api/hsp';
import { jsonResponse, renderWith } from '../../test/render';
import HspCalculator, { emptyHsp, hspInputOf } from './HspCalculator';
import { Breakdown, Lifts, PointsFigure, Verdicts } from './HspResultView';

afterEach(() => vi.unstubAllGlobals());

describe('hspInputOf', () => {
  it('leaves out what was not given, sends ticked boxes and numbers, and bad numbers as typed', () => {
    expect(hspInputOf(emptyHsp)).toEqual({ category: 'specialised_technical', jlpt: 'none' });
    const input = hspInputOf({ ...emptyHsp, degree: 'master', age: '29', annual_salary_jpy: '8,000,000', employer_sme: true, savings_jpy: 'lots' });
    expect(input).toEqual({ category: 'specialised_technical', degree: 'master', age: 29, annual_salary_jpy: 8000000, employer_sme: true, jlpt: 'none', savings_jpy: 'lots' });
  });
  it('sends the (i)(a) table, the kinds of research achievement (0 too) and JICA training', () => {
    const input = hspInputOf({ ...emptyHsp, category: 'academic_research', research_achievements: true, research_achievement_kinds: '0', jica_training: true });
    expect(input).toEqual({ category: 'academic_research', jlpt: 'none', research_achievements: true, research_achievement_kinds: 0, jica_training: true });
  });
});

describe('retryAfterSeconds', () => {
  it('reads seconds or an HTTP date, at least one second', () => {
    expect(retryAfterSeconds('7')).toBe(7);
    expect(retryAfterSeconds(null)).toBe(1);
    expect(retryAfterSeconds(new Date(10_000).toUTCString(), 0)).toBe(10);
    expect(retryAfterSeconds('0')).toBe(1);
  });
});

const result = {
  category: 'specialised_technical',
  points: 75,
  breakdown: [
    { item: 'degree_master', points: 20 },
    { item: 'age_under_30', points: 15 },
    { item: 'annual_salary', points: 30 },
    { item: 'jlpt_n2', points: 10 },
  ],
  eligible: true,
  fast_track: false,
  j_skip: false,
  j_find: false,
  reasons: ['Total: 75 points'],
} as const;

describe('HSP result', () => {
  it('shows the points, what they mean, and the items in Hindi', async () => {
    await renderWith(
      <>
        <PointsFigure result={{ ...result, breakdown: [...result.breakdown], reasons: [...result.reasons] }} />
        <Verdicts result={{ ...result, breakdown: [...result.breakdown], reasons: [...result.reasons] }} />
        <Breakdown result={{ ...result, breakdown: [...result.breakdown], reasons: [...result.reasons] }} caption="अंक" />
        <Lifts lifts={[{ change: 'jlpt_n1', points: 5, total: 80, reaches: 80, text: 'N1 पास करने से 5 अंक जुड़ेंगे' }]} />
      </>,
      { lang: 'hi' },
    );
    expect(screen.getByText('75 अंक')).toBeTruthy();
    expect(screen.getByText('70 या अधिक: अत्यधिक कुशल पेशेवर दर्जे के लिए पर्याप्त')).toBeTruthy();
    expect(screen.getByText('स्थायी निवास का तेज़ रास्ता नहीं (80 अंक चाहिए)')).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'JLPT N2 (या BJT 400+)' })).toBeTruthy();
    expect(screen.getByText('80 तक पहुँचता है')).toBeTruthy();
  });
});

describe('HspCalculator', () => {
  it('explains a 429 with the wait, and keeps the button off until then', async () => {
    vi.stubGlobal('fetch', async (req: Request) =>
      new URL(req.url).pathname === '/api/v1/hsp/assessments'
        ? new Response(
            JSON.stringify({ type: 't', title: 'Too many requests', status: 429, detail: 'Too many requests from your network. Please wait a little.', code: 'rate_limited' }),
            { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '7' } },
          )
        : jsonResponse(401, { type: 't', title: 'x', status: 401, detail: 'Please sign in.', code: 'unauthenticated' }, 'application/problem+json'),
    );
    await renderWith(<HspCalculator />);
    fireEvent.change(screen.getByLabelText('Age'), { target: { value: '29' } });
    const submit = screen.getByRole('button', { name: 'Calculate points' });
    await act(async () => {
      fireEvent.click(submit);
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Too many requests from your network.');
    expect(alert.textContent).toContain('You can calculate again in 7 s.');
    expect((screen.getByRole('button', { name: 'Calculate points' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByLabelText('Age') as HTMLInputElement).value).toBe('29');
  });
});
