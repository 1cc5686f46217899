import type { GoalDashboard } from '../../api/dashboard';
import { useI18n } from '../../i18n/I18nProvider';
import { milestoneStanding } from './data';

/** Milestones is how many people the target needs by the end of each year, and where the count stands against them. */
export function Milestones({ goal }: { goal: GoalDashboard }) {
  const { t, day, int } = useI18n();
  return (
    <section className="section" aria-labelledby="milestones-title">
      <div className="section__head">
        <h2 id="milestones-title">{t('web.dashboard.milestones_title')}</h2>
      </div>
      <p className="muted">{t('web.dashboard.milestones_lead', { Target: int(goal.target) })}</p>
      <div className="panel milestones">
        <div className="table-wrap" role="region" aria-labelledby="milestones-title" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('web.dashboard.year')}</th>
                <th scope="col">{t('web.dashboard.needed_by')}</th>
                <th scope="col" className="num">{t('web.dashboard.people_needed')}</th>
                <th scope="col">{t('web.dashboard.standing')}</th>
              </tr>
            </thead>
            <tbody>
              {goal.milestones.map((m) => {
                const s = milestoneStanding(m, goal);
                return (
                  <tr key={m.year} aria-current={s.when === 'current' ? 'date' : undefined}>
                    <th scope="row">{m.year}</th>
                    <td>{day(m.by)}</td>
                    <td className="num">{int(m.target)}</td>
                    <td>
                      {s.when === 'future' ? (
                        t('web.dashboard.standing_ahead')
                      ) : (
                        <>
                          {s.when === 'current' ? t('web.dashboard.standing_now', { N: int(s.count) }) : int(s.count)}{' '}
                          {(s.when === 'past' || s.count >= m.target) && (
                            <span className={`badge badge--${s.count >= m.target ? 'success' : 'danger'}`}>
                              {s.count >= m.target ? t('web.dashboard.milestone_met') : t('web.dashboard.milestone_missed')}
                            </span>
                          )}
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
