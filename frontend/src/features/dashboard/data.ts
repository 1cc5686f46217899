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
