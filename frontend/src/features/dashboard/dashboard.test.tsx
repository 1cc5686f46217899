import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { exportHref } from '../../api/dashboard';
import { formatDecimal, formatMonth, formatPercent, formatShare } from '../../i18n/numbers';
import { renderWith } from '../../test/render';
import { ChartPanel } from './ChartPanel';
import { breakdownBars, cumulativeSeries, funnelBars, isDay, publicBars, shorten } from './data';
import { CountText } from './PublicProgress';

describe('numbers', () => {
  it('group digits the Indian way in Hindi and in threes otherwise', () => {
    expect(formatDecimal('hi', 1234567.25)).toBe('12,34,567.3');
    expect(formatDecimal('en', 1234567.25)).toBe('1,234,567.3');
    expect(formatDecimal('ja', 9.79)).toBe('9.8');
  });
  it('write percentages, shares and months per language', () => {
    expect(formatPercent('en', 3.8)).toBe('3.8%');
    expect(formatShare('hi', 0.6224)).toBe('62.2%');
    expect(formatMonth('ja', '2026-07')).toBe('2026年7月');
    expect(formatMonth('en', '2026-07')).toBe('Jul 2026');
    expect(formatMonth('hi', '2026-07')).toContain('2026');
  });
});

describe('dashboard data', () => {
  it('turn the monthly series into chart points, future months empty', () => {
    const points = cumulativeSeries([
      { month: '2026-07', arrivals: 2, cumulative: 2, trajectory: 9.1, internship_arrivals: 3, internship_cumulative: 3 },
      { month: '2026-08', arrivals: null, cumulative: null, trajectory: 18.6, internship_arrivals: null, internship_cumulative: null },
    ]);
    expect(points).toEqual([
      { month: '2026-07', cumulative: 2, trajectory: 9.1, interns: 3 },
      { month: '2026-08', cumulative: null, trajectory: 18.6, interns: null },
    ]);
    expect(cumulativeSeries([{ month: '2026-07', cumulative: 2, trajectory: 9.1 }])[0]!.interns).toBeNull();
  });

  it('pick one measure of a breakdown, leaving out groups without it', () => {
    const rows = [
      { code: 'tokyo', label: 'Tokyo', candidates: null, applications: null, offers: null, placements: 3, arrivals: 2 },
      { code: '', label: 'Not stated', candidates: null, applications: null, offers: null, placements: null, arrivals: null },
    ];
    expect(breakdownBars(rows, 'arrivals')).toEqual([{ key: 'tokyo', label: 'Tokyo', value: 2 }]);
    expect(funnelBars([{ stage: 'offer', label: 'Offer', reached: 179, conversion: 0.38, median_days: 4.6, left: 150 }])).toEqual([
      { key: 'offer', label: 'Offer', value: 179 },
    ]);
  });

  it('chart only exact public counts; hidden groups stay in the table', () => {
    expect(
      publicBars({
        withheld: false,
        groups: [
          { code: 'tokyo', label: 'Tokyo', count: 7 },
          { code: 'nara', label: 'Nara', count: '<5' },
        ],
      }),
    ).toEqual([{ key: 'tokyo', label: 'Tokyo', value: 7 }]);
  });

  it('shorten long axis labels, check days', () => {
    expect(shorten('Engineer/Specialist in Humanities/International Services')).toHaveLength(22);
    expect(shorten('Tokyo')).toBe('Tokyo');
    expect(isDay('2026-07-01')).toBe(true);
    expect(isDay('')).toBe(true);
    expect(isDay('July')).toBe(false);
  });

  it('build export addresses with repeated tables and dimensions', () => {
    expect(exportHref({ format: 'xlsx', tables: ['breakdown'], by: ['prefecture', 'indian_state'], period: { from: '2026-07-01', to: '' }, lang: 'ja' })).toBe(
      '/api/v1/dashboard/export?format=xlsx&table=breakdown&by=prefecture&by=indian_state&from=2026-07-01&lang=ja',
    );
  });
});

describe('CountText', () => {
  it('says hidden small groups in words', async () => {
    await renderWith(
      <ul>
        <li>
          <CountText count="<5" />
        </li>
        <li>
          <CountText count={12345} />
        </li>
      </ul>,
      { lang: 'ja' },
    );
    expect(screen.getByText('5人未満')).toBeTruthy();
    expect(screen.getByText('12,345')).toBeTruthy();
  });
});

describe('ChartPanel', () => {
  it('keeps the table for screen readers under the chart, and shows it on request', async () => {
    await renderWith(<ChartPanel title="Funnel" chart={<p>drawing</p>} table={<table><caption>Funnel</caption><tbody><tr><td>179</td></tr></tbody></table>} />);
    const chart = screen.getByRole('button', { name: 'Chart' });
    const table = screen.getByRole('button', { name: 'Table' });
    expect(chart.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('179').closest('.visually-hidden')).not.toBeNull();
    expect(screen.getByRole('group', { name: 'Show Funnel as' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(table);
    });
    expect(table.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('179').closest('.visually-hidden')).toBeNull();
    expect(screen.getByRole('region', { name: 'Funnel · Table' }).getAttribute('tabindex')).toBe('0');
    expect(screen.queryByText('drawing')).toBeNull();
  });
});
