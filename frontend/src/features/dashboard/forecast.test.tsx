import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GoalDashboard, PublicProgress as PublicProgressData } from '../../api/dashboard';
import { formatDecimal } from '../../i18n/numbers';
import { jsonResponse, renderWith } from '../../test/render';
import { forecastSeries, milestoneStanding, rangeText, stepSource } from './data';
import { DateRange, Forecast } from './Forecast';
import { Milestones } from './Milestones';
import PublicProgress from './PublicProgress';

const forecast: GoalDashboard['forecast'] = {
  method: 'pipeline',
  in_pipeline: 23.4,
  projected_date: '2029-11-30',
  earliest_date: '2029-06-30',
  latest_date: null,
  steps: [
    { step: 'placed', conversion: 0.95, conversion_low: 0.9, conversion_high: 1, median_days: 21, sample: 4, observed: false, days_observed: false, stalled_after_days: 42 },
    { step: 'arrived', conversion: 0.875, conversion_low: 0.74, conversion_high: 0.95, median_days: 88, sample: 16, observed: true, days_observed: true, stalled_after_days: 176 },
  ],
  monthly: [
    { month: '2026-08', expected: 3.2, low: 1, high: 5.6, cumulative: 31.2, cumulative_low: 29, cumulative_high: 33.6 },
    { month: '2026-09', expected: 4, low: 4, high: 4, cumulative: 35.2, cumulative_low: 33, cumulative_high: 37.6 },
  ],
};

const goal = {
  as_of: '2026-08-10',
  counted: 28,
  target: 500,
  projected_date: null,
  monthly: [
    { month: '2025-12', arrivals: 4, cumulative: 10, trajectory: 12.5, internship_arrivals: 0, internship_cumulative: 0 },
    { month: '2026-07', arrivals: 3, cumulative: 26, trajectory: 60, internship_arrivals: 0, internship_cumulative: 0 },
    { month: '2026-08', arrivals: 2, cumulative: 28, trajectory: 70, internship_arrivals: 0, internship_cumulative: 0 },
    { month: '2026-09', arrivals: null, cumulative: null, trajectory: 80, internship_arrivals: null, internship_cumulative: null },
  ],
  milestones: [
    { year: 2025, by: '2025-12-31', target: 13 },
    { year: 2026, by: '2026-12-31', target: 110 },
    { year: 2027, by: '2027-12-31', target: 210 },
  ],
  forecast,
} as unknown as GoalDashboard;

describe('forecast data', () => {
  it('writes a range, one figure when both ends read the same', () => {
    const dec = (n: number) => formatDecimal('en', n);
    const join = (a: string, b: string) => `${a}–${b}`;
    expect(rangeText(1, 5.64, dec, join)).toBe('1–5.6');
    expect(rangeText(4, 4.01, dec, join)).toBe('4');
    expect(rangeText(1200, 3400, (n) => formatDecimal('hi', n), (a, b) => `${a}〜${b}`)).toBe('1,200〜3,400');
  });

  it('says where a step’s figures come from', () => {
    expect(stepSource({ observed: true, days_observed: true })).toBe('observed');
    expect(stepSource({ observed: false, days_observed: false })).toBe('typical');
    expect(stepSource({ observed: true, days_observed: false })).toBe('mixed');
  });

  it('lays the expected totals and their range beside the trajectory of the same month', () => {
    expect(forecastSeries(forecast, goal.monthly)).toEqual([
      { month: '2026-08', expected: 31.2, range: [29, 33.6], trajectory: 70 },
      { month: '2026-09', expected: 35.2, range: [33, 37.6], trajectory: 80 },
    ]);
    expect(forecastSeries(forecast, [])[0]!.trajectory).toBeNull();
  });

  it('reads a past year at its last month, the current year as counted so far, later years as not yet due', () => {
    const [y25, y26, y27] = goal.milestones;
    expect(milestoneStanding(y25!, goal)).toEqual({ when: 'past', count: 10, met: false });
    expect(milestoneStanding(y26!, goal)).toEqual({ when: 'current', count: 28 });
    expect(milestoneStanding(y27!, goal)).toEqual({ when: 'future' });
  });
});

describe('Forecast', () => {
  it('shows the pipeline date with its range, the run rate, the steps and the months', async () => {
    await renderWith(<Forecast goal={goal} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Forecast' })).toBeTruthy();
    expect(screen.getByText('30 Nov 2029')).toBeTruthy();
    expect(screen.getByText('Range: from 30 Jun 2029; at the low end, not by the deadline')).toBeTruthy();
    expect(screen.getByText('Not enough arrivals yet to project')).toBeTruthy();
    expect(screen.getByText('23.4')).toBeTruthy();
    const placed = screen.getByRole('row', { name: /Placement \(after an accepted offer\)/ });
    expect(within(placed).getByText('95%')).toBeTruthy();
    expect(within(placed).getByText('90% to 100%')).toBeTruthy();
    expect(within(placed).getByText('Typical figure (too few cases yet)')).toBeTruthy();
    const arrived = screen.getByRole('row', { name: /Arrival in Japan/ });
    expect(within(arrived).getByText('Observed')).toBeTruthy();
    expect(within(arrived).getByText('87.5%')).toBeTruthy();
    // The monthly table (read by screen readers under the chart): one figure where the range has none.
    const sep = screen.getByRole('row', { name: /Sept? 2026/ });
    expect(within(sep).getAllByText('4')).toHaveLength(2);
    expect(within(sep).getByText('33 to 37.6')).toBeTruthy();
  });

  it('writes the range of days in Japanese', async () => {
    await renderWith(<DateRange forecast={{ earliest_date: '2029-06-30', latest_date: '2030-03-31' }} />, { lang: 'ja' });
    expect(screen.getByText('範囲：2029年6月30日から2030年3月31日')).toBeTruthy();
  });

  it('says when even the high end misses the deadline', async () => {
    await renderWith(<DateRange forecast={{ earliest_date: null, latest_date: null }} />, { lang: 'en' });
    expect(screen.getByText('Not by the deadline even at the high end of the range')).toBeTruthy();
  });
});

describe('Milestones', () => {
  it('lists each year with what it needs and where the count stands', async () => {
    await renderWith(<Milestones goal={goal} />, { lang: 'hi' });
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[1]!).getByText('चूक गया')).toBeTruthy();
    expect(rows[2]!.getAttribute('aria-current')).toBe('date');
    expect(within(rows[2]!).getByText('अब तक 28')).toBeTruthy();
    expect(within(rows[3]!).getByText('अभी देय नहीं')).toBeTruthy();
  });
});

describe('PublicProgress', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says how far the open figures run, when months appear and that small groups are hidden', async () => {
    const body: PublicProgressData = {
      as_of: '2026-08-10',
      published_through: '2026-06-30',
      counted: 26,
      target: 500,
      percent: 5.2,
      deadline: '2030-12-31',
      monthly: [{ month: '2026-06', cumulative: 26, trajectory: 50 }],
      by_prefecture: { withheld: true, groups: [] },
      by_indian_state: { withheld: false, groups: [{ code: 'KA', label: 'Karnataka', count: '<5' }] },
      threshold: 5,
    };
    vi.stubGlobal('fetch', async () => jsonResponse(200, body));
    await renderWith(<PublicProgress />, { lang: 'en' });
    expect(
      await screen.findByText('The figures run to 30 Jun 2026. Each month appears 7 days after it ends, and groups of fewer than 5 people are hidden so that no one can be recognised.'),
    ).toBeTruthy();
  });
});
