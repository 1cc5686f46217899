import { Link } from 'react-router';
import { exportHref, useGoal } from '../../api/dashboard';
import type { User } from '../../api/types';
import { Page } from '../../components/Page';
import { QueryView } from '../../components/QueryView';
import { useI18n } from '../../i18n/I18nProvider';
import { RequireAccount } from '../account/RequireAccount';
import { Breakdowns } from './Breakdowns';
import { Funnel, Trajectory } from './GoalCharts';
import { GoalDefinitionForm } from './GoalDefinitionForm';
import { Kpis } from './Kpis';

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
      <QueryView query={goal}>
        {(g) => (
          <>
            <Kpis goal={g} />
            <Trajectory goal={g} />
            <Funnel goal={g} />
          </>
        )}
      </QueryView>
      <Breakdowns />
      {me.role === 'admin' && <GoalDefinitionForm />}
    </Page>
  );
}
