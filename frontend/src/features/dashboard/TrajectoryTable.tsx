import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDecimal, formatMonth } from '../../i18n/numbers';

/** A column of a month-by-month table: its heading and what a row shows in it. */
export interface MonthColumn<R> {
  id: string;
  label: string;
  cell: (row: R) => ReactNode;
}

/** MonthTable is a month-by-month table of figures (what screen readers read beside a chart). */
export function MonthTable<R extends { month: string }>({ caption, rows, columns }: { caption: string; rows: readonly R[]; columns: readonly MonthColumn<R>[] }) {
  const { t, lang } = useI18n();
  return (
    <table className="table table--compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.column.month')}</th>
          {columns.map((c) => (
            <th scope="col" className="num" key={c.id}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.month}>
            <th scope="row">{formatMonth(lang, m.month)}</th>
            {columns.map((c) => (
              <td className="num" key={c.id}>
                {c.cell(m)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A column of the trajectory table besides the month: counts (a dash where none yet) or the trajectory. */
type Column = 'arrivals' | 'cumulative' | 'trajectory' | 'internship_arrivals' | 'internship_cumulative';

/** A month of the goal's series: the dashboard's has every column, the public page's the cumulative and the trajectory. */
type Row = { month: string; trajectory: number } & Partial<Record<Exclude<Column, 'trajectory'>, number | null>>;

/** TrajectoryTable is the month-by-month table beside the cumulative chart. */
export function TrajectoryTable({ rows, columns }: { rows: readonly Row[]; columns: readonly Column[] }) {
  const { t, lang, int } = useI18n();
  return (
    <MonthTable
      caption={t('web.dashboard.trajectory_title')}
      rows={rows}
      columns={columns.map((c) => ({
        id: c,
        label: t(`dashboard.column.${c}` as MessageKey),
        cell: (m: Row) => (c === 'trajectory' ? formatDecimal(lang, m.trajectory) : m[c] == null ? '—' : int(m[c])),
      }))}
    />
  );
}
