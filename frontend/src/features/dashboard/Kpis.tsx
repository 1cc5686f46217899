import { exportHref, type GoalDashboard } from '../../api/dashboard';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDecimal, formatMonth, formatPercent } from '../../i18n/numbers';

const statusTone: Record<GoalDashboard['status'], string> = { on_track: 'success', at_risk: 'warning', off_track: 'danger' };

/** Kpis are the goal's tiles: counted so far, the share, the status and pace, the projected date. */
export function Kpis({ goal }: { goal: GoalDashboard }) {
  const { t, int, day, lang, plural } = useI18n();
  const pace = goal.actual_pace;
  const dec = (n: number) => formatDecimal(lang, n);
  return (
    <section className="section" aria-labelledby="kpi-title">
      <div className="section__head">
        <h2 id="kpi-title">{t('web.dashboard.kpi_title')}</h2>
        <p className="muted">{t('web.dashboard.as_of', { Date: day(goal.as_of) })}</p>
      </div>
      <ul className="kpis">
        <li className="kpi">
          <p className="kpi__label">{t('dashboard.figure.counted')}</p>
          <p className="kpi__value">{t('web.dashboard.counted_of', { Counted: int(goal.counted), Target: int(goal.target) })}</p>
          <p className="kpi__note">{plural('web.dashboard.remaining', goal.remaining)}</p>
        </li>
        <li className="kpi">
          <p className="kpi__label">{t('dashboard.figure.percent')}</p>
          <p className="kpi__value">{formatPercent(lang, goal.percent)}</p>
          <div className="goal-bar" aria-hidden="true">
            <span className="goal-bar__done" style={{ inlineSize: `${Math.min(100, goal.percent)}%` }} />
            <span className="goal-bar__expected" style={{ insetInlineStart: `${Math.min(100, (goal.expected_today / goal.target) * 100)}%` }} />
          </div>
          <p className="kpi__note">{t('web.dashboard.expected_today', { N: dec(goal.expected_today) })}</p>
        </li>
        <li className="kpi">
          <p className="kpi__label">{t('dashboard.figure.status')}</p>
          <p className="kpi__value">
            <span className={`badge badge--${statusTone[goal.status]} badge--large`}>{goal.status_label}</span>
          </p>
          <p className="kpi__note">
            {goal.required_per_month != null && t('web.dashboard.needed_pace', { N: dec(goal.required_per_month) })}
            {goal.required_per_month != null && pace && ' · '}
            {pace &&
              t('web.dashboard.actual_pace', {
                N: dec(pace.per_month),
                From: formatMonth(lang, pace.from.slice(0, 7)),
                To: formatMonth(lang, pace.to.slice(0, 7)),
              })}
          </p>
        </li>
        <li className="kpi">
          <p className="kpi__label">{t('dashboard.figure.projected_date')}</p>
          <p className="kpi__value">{goal.projected_date ? day(goal.projected_date) : t('web.dashboard.no_projection')}</p>
          <p className="kpi__note">
            {t('web.dashboard.deadline', { Date: day(goal.definition.deadline) })} · {plural('web.dashboard.days_left', goal.days_left)}
          </p>
        </li>
      </ul>
      <p className="muted">
        {goal.internships.counted_in_goal
          ? plural('web.dashboard.interns_in_goal', goal.internships.counted)
          : plural('web.dashboard.interns_beside', goal.internships.counted)}{' '}
        {t('web.dashboard.status_rule')}
      </p>
      <p>
        <a href={exportHref({ format: 'csv', tables: ['summary'], lang })} download>
          {t('web.dashboard.csv_summary')}
        </a>
      </p>
    </section>
  );
}
