import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDecimal, formatMonth } from '../../i18n/numbers';

/** A column of the trajectory table besides the month: counts (a dash where none yet) or the trajectory. */
type Column = 'arrivals' | 'cumulative' | 'trajectory' | 'internship_arrivals' | 'internship_cumulative';

/** A month of the goal's series: the dashboard's has every column, the public page's the cumulative and the trajectory. */
type Row = { month: string; trajectory: number } & Partial<Record<Exclude<Column, 'trajectory'>, number | null>>;

/** TrajectoryTable is the month-by-month table beside the cumulative chart (what screen readers read). */
export function TrajectoryTable({ rows, columns }: { rows: readonly Row[]; columns: readonly Column[] }) {
  const { t, lang, int } = useI18n();
  const dash = '—';
  return (
    <table className="table table--compact">
      <caption>{t('web.dashboard.trajectory_title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.column.month')}</th>
          {columns.map((c) => (
            <th scope="col" className="num" key={c}>
              {t(`dashboard.column.${c}` as MessageKey)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.month}>
            <th scope="row">{formatMonth(lang, m.month)}</th>
            {columns.map((c) => {
              const v = m[c];
              return (
                <td className="num" key={c}>
                  {c === 'trajectory' ? formatDecimal(lang, m.trajectory) : v == null ? dash : int(v)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
