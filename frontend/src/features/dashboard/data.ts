// Pure helpers that turn the dashboard's answers into chart series and
// table rows (the same numbers for both), and read the public counts.
import type { BreakdownCounts, GoalDashboard, Measure, PublicBreakdown, PublicProgress } from '../../api/dashboard';

/** One point of the cumulative chart; null where there is no figure yet (future months). */
export interface CumulativePoint {
  month: string;
  cumulative: number | null;
  trajectory: number;
  interns: number | null;
}

/** cumulativeSeries is the goal's monthly series for the chart: people counted so far against the trajectory. */
export function cumulativeSeries(monthly: GoalDashboard['monthly'] | PublicProgress['monthly']): CumulativePoint[] {
  return monthly.map((m) => ({
    month: m.month,
    cumulative: m.cumulative ?? null,
    trajectory: m.trajectory,
    interns: 'internship_cumulative' in m ? (m.internship_cumulative ?? null) : null,
  }));
}

/** One bar: a group's label and its number. */
export interface Bar {
  key: string;
  label: string;
  value: number;
}

/** breakdownBars picks one measure of a breakdown's rows for a bar chart (rows without it are left out). */
export function breakdownBars(rows: BreakdownCounts[], measure: Measure): Bar[] {
  const out: Bar[] = [];
  for (const r of rows) {
    const v = r[measure];
    if (typeof v === 'number') out.push({ key: r.code || '-', label: r.label, value: v });
  }
  return out;
}

/** funnelBars is the funnel as bars: applications that reached each stage. */
export function funnelBars(funnel: GoalDashboard['funnel']): Bar[] {
  return funnel.map((f) => ({ key: f.stage, label: f.label, value: f.reached }));
}

/** A public count: a number, or a hidden small group ("<5", "5+"). */
export type PublicCount = PublicBreakdown['groups'][number]['count'];

/** publicBars keeps the groups whose count is shown exactly (hidden ones are in the table only). */
export function publicBars(b: PublicBreakdown): Bar[] {
  return b.groups.filter((g) => typeof g.count === 'number').map((g) => ({ key: g.code, label: g.label, value: g.count as number }));
}

/** monthOf is the month (YYYY-MM) of a day (YYYY-MM-DD). */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** shorten cuts a long label for a chart axis (the table has it whole). */
export function shorten(label: string, max = 22): string {
  const chars = [...label];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : label;
}

/** isDay checks a YYYY-MM-DD value (or empty, for no bound). */
export function isDay(s: string): boolean {
  return s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s);
}

/** A forecast, its steps and its months, as the goal dashboard has them. */
export type Forecast = GoalDashboard['forecast'];
export type ForecastStep = Forecast['steps'][number];

/** One point of the forecast chart: the expected total with its 90% range, and the trajectory that month. */
export interface ForecastPoint {
  month: string;
  expected: number;
  range: [number, number];
  trajectory: number | null;
}

/** forecastSeries is the forecast's cumulative totals for the chart, beside the trajectory of the same months. */
export function forecastSeries(forecast: Forecast, monthly: GoalDashboard['monthly']): ForecastPoint[] {
  const trajectory = new Map(monthly.map((m) => [m.month, m.trajectory]));
  return forecast.monthly.map((m) => ({
    month: m.month,
    expected: m.cumulative,
    range: [m.cumulative_low, m.cumulative_high],
    trajectory: trajectory.get(m.month) ?? null,
  }));
}

/** Where a step's figures come from: the platform's own cases, the typical figure, or its conversion observed but not yet its days. */
export type StepSource = 'observed' | 'typical' | 'mixed';

/** stepSource says where a forecast step's conversion and median days come from. */
export function stepSource(s: Pick<ForecastStep, 'observed' | 'days_observed'>): StepSource {
  if (s.observed && s.days_observed) return 'observed';
  if (!s.observed && !s.days_observed) return 'typical';
  return 'mixed';
}

/**
 * rangeText writes a low–high range with `format` and `join` (the language's
 * way of writing "a to b"); a range whose ends read the same is one figure.
 */
export function rangeText(low: number, high: number, format: (n: number) => string, join: (low: string, high: string) => string): string {
  const a = format(low);
  const b = format(high);
  return a === b ? a : join(a, b);
}

/** How the count stands against a milestone: past (with whether it was met), the current year's, or later. */
export type MilestoneStanding = { when: 'past'; count: number; met: boolean } | { when: 'current'; count: number } | { when: 'future' };

/**
 * milestoneStanding compares the count with a milestone: a year already over
 * reads the cumulative count at its last month, the current year the count so far.
 */
export function milestoneStanding(
  m: GoalDashboard['milestones'][number],
  goal: Pick<GoalDashboard, 'as_of' | 'counted' | 'monthly'>,
): MilestoneStanding {
  if (goal.as_of > m.by) {
    let count = 0;
    for (const row of goal.monthly) if (row.month <= monthOf(m.by) && row.cumulative != null) count = row.cumulative;
    return { when: 'past', count, met: count >= m.target };
  }
  if (goal.as_of.slice(0, 4) === String(m.year)) return { when: 'current', count: goal.counted };
  return { when: 'future' };
}
