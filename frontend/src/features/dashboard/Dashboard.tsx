import { Link } from 'react-router';
import { exportHref, useGoal } from '../../api/dashboard';
import type { User } from '../../api/types';
import { Page } from '../../components/Page';
import { QueryView } from '../../components/QueryView';
import { Loading } from '../../components/Status';
import { useI18n } from '../../i18n/I18nProvider';
import { RequireAccount } from '../account/RequireAccount';
import { Breakdowns } from './Breakdowns';
import { Forecast } from './Forecast';
import { Funnel, Trajectory } from './GoalCharts';
import { GoalDefinitionForm } from './GoalDefinitionForm';
import { Kpis } from './Kpis';
import { Milestones } from './Milestones';

/** Dashboard is the goal dashboard: where ministry viewers land, and administrators too can read. */
export default function Dashboard() {
  return <RequireAccount kinds={['ministry', 'admin']}>{(me) => <DashboardView me={me} />}</RequireAccount>;
}

function DashboardView({ me }: { me: User }) {
  const { t, lang } = useI18n();
  const goal = useGoal();
  return (
    <Page
      wide
      title={t('web.ministry.title')}
      lead={<p>{t('web.dashboard.lead')}</p>}
      actions={
        <div className="actions">
          <a className="button button--primary" href={exportHref({ format: 'xlsx', lang })} download>
            {t('web.dashboard.export_all')}
          </a>
          <Link className="button button--secondary" to="/progress">
            {t('web.dashboard.public_page')}
          </Link>
        </div>
      }
    >
      {goal.isPending ? (
        <GoalSkeleton />
      ) : (
        <QueryView query={goal}>
          {(g) => (
            <>
              <Kpis goal={g} />
              <Trajectory goal={g} />
              <Forecast goal={g} />
              <Milestones goal={g} />
              <Funnel goal={g} />
            </>
          )}
        </QueryView>
      )}
      <Breakdowns />
      {me.role === 'admin' && <GoalDefinitionForm />}
    </Page>
  );
}

/** GoalSkeleton holds the place of the tiles, the chart and the forecast while the figures load, so nothing below jumps. */
function GoalSkeleton() {
  return (
    <div className="skeleton" aria-busy="true">
      <Loading />
      <ul className="kpis" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <li key={i} className="kpi skeleton__tile" />
        ))}
      </ul>
      <div className="skeleton__block skeleton__block--chart" aria-hidden="true" />
      <div className="skeleton__block skeleton__block--forecast" aria-hidden="true" />
    </div>
  );
}
