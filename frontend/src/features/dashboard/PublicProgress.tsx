import { type PublicBreakdown, usePublicProgress } from '../../api/dashboard';
import { Page } from '../../components/Page';
import { QueryView } from '../../components/QueryView';
import { useI18n } from '../../i18n/I18nProvider';
import { formatPercent } from '../../i18n/numbers';
import { TrajectoryTable } from './TrajectoryTable';
import { ChartPanel, CumulativeChart } from './ChartPanel';
import { cumulativeSeries, type PublicCount } from './data';

/**
 * PublicProgress is the open page on progress toward the goal: anyone may
 * read it, and it holds no personal data (small groups are hidden by the API).
 */
export default function PublicProgress() {
  const { t, int, day, lang } = useI18n();
  const progress = usePublicProgress();
  return (
    <Page wide title={t('web.progress.title')} lead={<p>{t('web.home.goal')}</p>}>
      <QueryView query={progress}>
        {(p) => (
          <>
            <section className="section" aria-labelledby="progress-now">
              <h2 id="progress-now" className="visually-hidden">
                {t('web.progress.now')}
              </h2>
              <ul className="kpis">
                <li className="kpi">
                  <p className="kpi__label">{t('dashboard.figure.counted')}</p>
                  <p className="kpi__value">{t('web.dashboard.counted_of', { Counted: int(p.counted), Target: int(p.target) })}</p>
                  <div className="goal-bar" aria-hidden="true">
                    <span className="goal-bar__done" style={{ inlineSize: `${Math.min(100, p.percent)}%` }} />
                  </div>
                </li>
                <li className="kpi">
                  <p className="kpi__label">{t('dashboard.figure.percent')}</p>
                  <p className="kpi__value">{formatPercent(lang, p.percent)}</p>
                </li>
                <li className="kpi">
                  <p className="kpi__label">{t('dashboard.figure.deadline')}</p>
                  <p className="kpi__value">{day(p.deadline)}</p>
                </li>
              </ul>
              <p className="muted">{t('web.progress.counting_rule')}</p>
              <p className="published-through">{t('web.progress.published_through', { Date: day(p.published_through) })}</p>
            </section>
            <div className="section">
              <ChartPanel
                title={t('web.dashboard.trajectory_title')}
                chart={
                  <CumulativeChart
                    data={cumulativeSeries(p.monthly)}
                    lang={lang}
                    names={{ cumulative: t('dashboard.column.cumulative'), trajectory: t('dashboard.column.trajectory') }}
                  />
                }
                table={<TrajectoryTable rows={p.monthly} columns={['cumulative', 'trajectory']} />}
              />
            </div>
            <div className="grid-2 section">
              <Groups title={t('web.progress.by_prefecture')} column={t('dashboard.dimension.prefecture')} data={p.by_prefecture} />
              <Groups title={t('web.progress.by_state')} column={t('dashboard.dimension.indian_state')} data={p.by_indian_state} />
            </div>
            <p className="muted">{t('web.progress.privacy', { N: int(p.threshold) })}</p>
          </>
        )}
      </QueryView>
    </Page>
  );
}

/** CountText writes a public count: a number, or the hidden small-group forms in words. */
export function CountText({ count }: { count: PublicCount }) {
  const { t, int } = useI18n();
  if (typeof count === 'number') return <>{int(count)}</>;
  return <>{count === '<5' ? t('web.progress.under_5') : t('web.progress.hidden_5')}</>;
}

function Groups({ title, column, data }: { title: string; column: string; data: PublicBreakdown }) {
  const { t } = useI18n();
  return (
    <section aria-label={title} className="panel">
      <h2 className="panel__title">{title}</h2>
      {data.withheld ? (
        <p>{t('web.progress.withheld')}</p>
      ) : data.groups.length === 0 ? (
        <p>{t('web.progress.no_groups')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{column}</th>
                <th scope="col" className="num">
                  {t('web.progress.people')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.groups.map((g) => (
                <tr key={g.code}>
                  <th scope="row">{g.label}</th>
                  <td className="num">
                    <CountText count={g.count} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
