import { exportHref, type GoalDashboard } from '../../api/dashboard';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDecimal, formatShare } from '../../i18n/numbers';
import { BarsChart, ChartPanel, CumulativeChart } from './ChartPanel';
import { cumulativeSeries, funnelBars } from './data';
import { TrajectoryTable } from './TrajectoryTable';

/** Trajectory is the cumulative chart against the trajectory, with its table. */
export function Trajectory({ goal }: { goal: GoalDashboard }) {
  const { t, lang, int } = useI18n();
  const data = cumulativeSeries(goal.monthly);
  return (
    <div className="section">
      <ChartPanel
        title={t('web.dashboard.trajectory_title')}
        description={<p className="muted">{t('web.dashboard.trajectory_lead', { Target: int(goal.target) })}</p>}
        chart={
          <CumulativeChart
            data={data}
            lang={lang}
            names={{ cumulative: t('dashboard.column.cumulative'), trajectory: t('dashboard.column.trajectory'), interns: t('dashboard.column.internship_cumulative') }}
          />
        }
        table={
          <TrajectoryTable rows={goal.monthly} columns={['arrivals', 'cumulative', 'trajectory', 'internship_arrivals', 'internship_cumulative']} />
        }
        actions={
          <a href={exportHref({ format: 'csv', tables: ['monthly'], lang })} download>
            {t('web.dashboard.csv_monthly')}
          </a>
        }
      />
    </div>
  );
}

/** Funnel is how far applications got, stage by stage, with its table. */
export function Funnel({ goal }: { goal: GoalDashboard }) {
  const { t, lang, int } = useI18n();
  const dash = '—';
  return (
    <div className="section">
      <ChartPanel
        title={t('web.dashboard.funnel_title')}
        description={<p className="muted">{t('web.dashboard.funnel_lead')}</p>}
        chart={<BarsChart data={funnelBars(goal.funnel)} lang={lang} name={t('dashboard.column.reached')} />}
        table={
          <table className="table">
            <caption>{t('web.dashboard.funnel_title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.column.stage')}</th>
                <th scope="col" className="num">{t('dashboard.column.reached')}</th>
                <th scope="col" className="num">{t('web.dashboard.conversion')}</th>
                <th scope="col" className="num">{t('dashboard.column.median_days')}</th>
                <th scope="col" className="num">{t('dashboard.column.left')}</th>
              </tr>
            </thead>
            <tbody>
              {goal.funnel.map((f) => (
                <tr key={f.stage}>
                  <th scope="row">{f.label}</th>
                  <td className="num">{int(f.reached)}</td>
                  <td className="num">{f.conversion == null ? dash : formatShare(lang, f.conversion)}</td>
                  <td className="num">{f.median_days == null ? dash : formatDecimal(lang, f.median_days)}</td>
                  <td className="num">{int(f.left)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
        actions={
          <a href={exportHref({ format: 'csv', tables: ['funnel'], lang })} download>
            {t('web.dashboard.csv_funnel')}
          </a>
        }
      />
    </div>
  );
}
