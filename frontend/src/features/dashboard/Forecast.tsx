import type { GoalDashboard } from '../../api/dashboard';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDecimal, formatShare } from '../../i18n/numbers';
import { ChartPanel, ForecastChart } from './ChartPanel';
import { type Forecast as ForecastData, forecastSeries, rangeText, stepSource } from './data';
import { MonthTable } from './TrajectoryTable';

/** useRange writes a low–high range the language's way ("3 to 5", "3から5", "3 से 5"). */
export function useRange() {
  const { t } = useI18n();
  return (low: number, high: number, format: (n: number) => string) =>
    rangeText(low, high, format, (a, b) => t('web.dashboard.range', { Low: a, High: b }));
}

/**
 * Forecast is the pipeline forecast beside the run rate: how it is made, when
 * it reaches the target (with its range), the steps still ahead of a case and
 * the expected arrivals month by month.
 */
export function Forecast({ goal }: { goal: GoalDashboard }) {
  const { t, lang, day, int } = useI18n();
  const f = goal.forecast;
  const dec = (n: number) => formatDecimal(lang, n);
  const range = useRange();
  return (
    <section className="section forecast" aria-labelledby="forecast-title">
      <div className="section__head">
        <h2 id="forecast-title">{t('web.dashboard.forecast_title')}</h2>
      </div>
      <p className="forecast__method">{t('web.dashboard.forecast_method')}</p>
      <ul className="kpis">
        <li className="kpi">
          <p className="kpi__label">{t('web.dashboard.pipeline_date')}</p>
          <p className="kpi__value">{f.projected_date ? day(f.projected_date) : t('web.dashboard.not_by_deadline')}</p>
          <p className="kpi__note">
            <DateRange forecast={f} />
          </p>
        </li>
        <li className="kpi">
          <p className="kpi__label">{t('web.dashboard.run_rate_date')}</p>
          <p className="kpi__value">{goal.projected_date ? day(goal.projected_date) : t('web.dashboard.no_projection')}</p>
          <p className="kpi__note">{t('web.dashboard.run_rate_note')}</p>
        </li>
        <li className="kpi">
          <p className="kpi__label">{t('dashboard.figure.in_pipeline')}</p>
          <p className="kpi__value">{dec(f.in_pipeline)}</p>
          <p className="kpi__note">{t('web.dashboard.in_pipeline_note')}</p>
        </li>
      </ul>
      <section className="panel forecast__steps" aria-labelledby="forecast-steps">
        <h3 id="forecast-steps" className="panel__title">
          {t('web.dashboard.steps_title')}
        </h3>
        <div className="table-wrap" role="region" aria-labelledby="forecast-steps" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('web.dashboard.step')}</th>
                <th scope="col" className="num">{t('web.dashboard.step_conversion')}</th>
                <th scope="col" className="num">{t('web.dashboard.range_90')}</th>
                <th scope="col" className="num">{t('web.dashboard.step_days')}</th>
                <th scope="col" className="num">{t('web.dashboard.step_sample')}</th>
                <th scope="col">{t('web.dashboard.step_source')}</th>
              </tr>
            </thead>
            <tbody>
              {f.steps.map((s) => (
                <tr key={s.step}>
                  <th scope="row">{t(`web.dashboard.step_${s.step}` as MessageKey)}</th>
                  <td className="num">{formatShare(lang, s.conversion)}</td>
                  <td className="num">{range(s.conversion_low, s.conversion_high, (n) => formatShare(lang, n))}</td>
                  <td className="num">{int(s.median_days)}</td>
                  <td className="num">{int(s.sample)}</td>
                  <td>{t(`web.dashboard.source_${stepSource(s)}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">{t('web.dashboard.stalled_note')}</p>
      </section>
      <div className="section">
        <ChartPanel
          headingLevel={3}
          title={t('web.dashboard.forecast_monthly_title')}
          description={<p className="muted">{t('web.dashboard.forecast_monthly_lead', { Target: int(goal.target) })}</p>}
          chart={
            <ForecastChart
              data={forecastSeries(f, goal.monthly)}
              lang={lang}
              names={{ expected: t('web.dashboard.expected_total'), range: t('web.dashboard.range_90'), trajectory: t('dashboard.column.trajectory') }}
            />
          }
          table={
            <MonthTable
              caption={t('web.dashboard.forecast_monthly_title')}
              rows={f.monthly}
              columns={[
                { id: 'expected', label: t('web.dashboard.expected_arrivals'), cell: (m) => dec(m.expected) },
                { id: 'range', label: t('web.dashboard.range_90'), cell: (m) => range(m.low, m.high, dec) },
                { id: 'cumulative', label: t('web.dashboard.expected_total'), cell: (m) => dec(m.cumulative) },
                { id: 'cumulative_range', label: t('web.dashboard.total_range'), cell: (m) => range(m.cumulative_low, m.cumulative_high, dec) },
              ]}
            />
          }
        />
      </div>
    </section>
  );
}

/** DateRange says between which days the target is reached, at the high and the low end of the range. */
export function DateRange({ forecast }: { forecast: Pick<ForecastData, 'earliest_date' | 'latest_date'> }) {
  const { t, day } = useI18n();
  const { earliest_date: earliest, latest_date: latest } = forecast;
  if (!earliest) return <>{t('web.dashboard.range_none')}</>;
  if (!latest) return <>{t('web.dashboard.range_open', { Earliest: day(earliest) })}</>;
  return <>{t('web.dashboard.range_dates', { Range: day(earliest) === day(latest) ? day(earliest) : t('web.dashboard.range', { Low: day(earliest), High: day(latest) }) })}</>;
}
