// The charts of the dashboard and the public progress page (recharts, SVG).
// Loaded lazily: only these pages import this module, through React.lazy,
// so the library never weighs on the first visit. The charts are pictures
// for sighted readers; each sits beside a table with the same numbers, which
// is what screen readers read (the chart is aria-hidden, with no tab stops).
import { Area, Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Lang } from '../../i18n/catalog';
import { formatDecimal, formatMonth } from '../../i18n/numbers';
import { type Bar as BarDatum, type CumulativePoint, type ForecastPoint, shorten } from './data';

const colors = { band: '#c9d3ef', brand: '#1d3b8b', accent: '#b93a0a', muted: '#6b7280', grid: '#d5d8df', text: '#1b1f29' };
const tick = { fill: colors.text, fontSize: 12 };

export interface CumulativeChartProps {
  data: CumulativePoint[];
  lang: Lang;
  names: { cumulative: string; trajectory: string; interns?: string };
}

/** CumulativeChart draws people counted so far against the straight line the target needs. */
export function CumulativeChart({ data, lang, names }: CumulativeChartProps) {
  const n = (v: number) => formatDecimal(lang, v, 0);
  return (
    <LineChart data={data} responsive style={{ width: '100%', height: 320 }} accessibilityLayer={false} margin={{ top: 10, right: 16, bottom: 5, left: 0 }}>
      <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
      <XAxis dataKey="month" tick={tick} tickFormatter={(m: string) => formatMonth(lang, m, true)} minTickGap={24} />
      <YAxis tick={tick} tickFormatter={n} width={48} allowDecimals={false} />
      <Tooltip
        labelFormatter={(m) => formatMonth(lang, String(m))}
        formatter={(v) => (typeof v === 'number' ? formatDecimal(lang, v) : String(v ?? ''))}
      />
      <Legend />
      <Line type="monotone" dataKey="trajectory" name={names.trajectory} stroke={colors.accent} strokeDasharray="6 4" strokeWidth={2} dot={false} isAnimationActive={false} />
      <Line type="monotone" dataKey="cumulative" name={names.cumulative} stroke={colors.brand} strokeWidth={3} dot={false} connectNulls={false} isAnimationActive={false} />
      {names.interns && (
        <Line type="monotone" dataKey="interns" name={names.interns} stroke={colors.muted} strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
      )}
    </LineChart>
  );
}

export interface BarsChartProps {
  data: BarDatum[];
  lang: Lang;
  name: string;
}

/** BarsChart draws one number per group as horizontal bars, long labels shortened (the table has them whole). */
export function BarsChart({ data, lang, name }: BarsChartProps) {
  const height = Math.max(120, data.length * 30 + 50);
  return (
    <BarChart data={data} layout="vertical" responsive style={{ width: '100%', height }} accessibilityLayer={false} margin={{ top: 5, right: 24, bottom: 5, left: 0 }}>
      <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" tick={tick} tickFormatter={(v: number) => formatDecimal(lang, v, 0)} allowDecimals={false} />
      <YAxis type="category" dataKey="label" tick={tick} width={150} interval={0} tickFormatter={(l: string) => shorten(l)} />
      <Tooltip formatter={(v) => (typeof v === 'number' ? formatDecimal(lang, v) : String(v ?? ''))} />
      <Bar dataKey="value" name={name} fill={colors.brand} isAnimationActive={false} />
    </BarChart>
  );
}

export interface ForecastChartProps {
  data: ForecastPoint[];
  lang: Lang;
  names: { expected: string; range: string; trajectory: string };
}

/** ForecastChart draws the expected total month by month, its 90% range as a band, against the trajectory. */
export function ForecastChart({ data, lang, names }: ForecastChartProps) {
  const n = (v: number) => formatDecimal(lang, v, 0);
  return (
    <ComposedChart data={data} responsive style={{ width: '100%', height: 320 }} accessibilityLayer={false} margin={{ top: 10, right: 16, bottom: 5, left: 0 }}>
      <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
      <XAxis dataKey="month" tick={tick} tickFormatter={(m: string) => formatMonth(lang, m, true)} minTickGap={24} />
      <YAxis tick={tick} tickFormatter={n} width={48} allowDecimals={false} />
      <Tooltip
        labelFormatter={(m) => formatMonth(lang, String(m))}
        itemStyle={{ color: colors.text }}
        formatter={(v) =>
          Array.isArray(v) ? v.map((x) => formatDecimal(lang, Number(x))).join('–') : typeof v === 'number' ? formatDecimal(lang, v) : String(v ?? '')
        }
      />
      <Legend />
      <Area type="monotone" dataKey="range" name={names.range} stroke="none" fill={colors.band} fillOpacity={1} isAnimationActive={false} />
      <Line type="monotone" dataKey="trajectory" name={names.trajectory} stroke={colors.accent} strokeDasharray="6 4" strokeWidth={2} dot={false} isAnimationActive={false} />
      <Line type="monotone" dataKey="expected" name={names.expected} stroke={colors.brand} strokeWidth={3} dot={false} isAnimationActive={false} />
    </ComposedChart>
  );
}
