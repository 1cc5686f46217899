import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HSPResult, MyHSP } from '../../api/hsp';
import { renderWith } from '../../test/render';
import { hspEnds } from './hspEnds';
import { MyHspView } from './MyHspView';
import { Verdicts } from './HspResultView';

const result = (points: number, category: HSPResult['category'] = 'specialised_technical'): HSPResult => ({
  category,
  points,
  breakdown: [{ item: 'degree_master', points: 20 }],
  eligible: points >= 70,
  fast_track: points >= 80,
  j_skip: false,
  j_find: false,
  reasons: [],
});

const range: MyHSP = { role_id: 3, basis: 'range', category: 'specialised_technical', salary_jpy: 9_000_000, assessment: result(80), low_salary_jpy: 6_000_000, low: result(70), lifts: [] };

describe('hspEnds', () => {
  it('shows both ends of a range, bottom first, never the top alone', () => {
    expect(hspEnds(range).map((e) => [e.at, e.salary, e.result.points])).toEqual([
      ['bottom', 6_000_000, 70],
      ['top', 9_000_000, 80],
    ]);
    expect(hspEnds({ ...range, low: null })).toEqual([]);
  });
  it('shows one figure for one salary: an offer, or a role with a single figure of pay', () => {
    expect(hspEnds({ ...range, basis: 'offer', salary_jpy: 7_000_000, low_salary_jpy: 7_000_000, assessment: result(75), low: result(75) }).map((e) => e.at)).toEqual(['offer']);
    expect(hspEnds({ ...range, low_salary_jpy: 9_000_000 }).map((e) => e.at)).toEqual(['pay']);
  });
  it('shows no points for an internship', () => {
    expect(hspEnds({ ...range, basis: 'not_applicable', assessment: null, low: null })).toEqual([]);
  });
});

describe('MyHspView', () => {
  it('shows the points at the bottom and the top of the range', async () => {
    await renderWith(<MyHspView hsp={range} />);
    expect(screen.getByRole('heading', { name: 'At the bottom of the range, ¥6,000,000' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'At the top of the range, ¥9,000,000' })).toBeTruthy();
    expect(screen.getByText('70 points')).toBeTruthy();
    expect(screen.getByText('80 points')).toBeTruthy();
  });
  it('says in Japanese that an internship is not an HSP activity', async () => {
    await renderWith(<MyHspView hsp={{ ...range, basis: 'not_applicable', assessment: null, low: null }} />, { lang: 'ja' });
    expect(screen.getByText(/インターンシップは高度専門職の活動に当たらない/)).toBeTruthy();
    expect(screen.queryByText(/点$/)).toBeNull();
  });
});

describe('Verdicts', () => {
  it('names (i)(a) when the academic table was used', async () => {
    await renderWith(<Verdicts result={result(72, 'academic_research')} />);
    expect(screen.getByText('Eligible for Highly Skilled Professional (i)(a)')).toBeTruthy();
    expect(screen.queryByText(/\(i\)\(b\)/)).toBeNull();
  });
});
