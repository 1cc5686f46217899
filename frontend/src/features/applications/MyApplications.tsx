import { Link } from 'react-router';
import type { Application } from '../../api/types';
import { StageBadge } from '../../components/Badges';
import { Page } from '../../components/Page';
import { RequireAccount } from '../account/RequireAccount';
import { orgName, orgNameLang } from '../roles/roleText';
import { Notice } from '../../components/Status';
import { useI18n } from '../../i18n/I18nProvider';
import { useMyApplications } from '../../api/applications';
import { useProfile } from '../../api/profile';
import { useRole } from '../../api/roles';
import { QueryView } from '../../components/QueryView';

/** MyApplications lists the candidate's applications with their stages. */
export default function MyApplications() {
  return <RequireAccount kinds={['candidate']}>{() => <ApplicationsList />}</RequireAccount>;
}

function ApplicationsList() {
  const { t } = useI18n();
  const apps = useMyApplications();
  const profile = useProfile();
  const needsProfile = profile.data && (!profile.data.updated_at || !profile.data.consent_share_with_applied);
  return (
    <Page title={t('web.applications.title')} lead={<p>{t('web.applications.lead')}</p>}>
      {needsProfile && (
        <Notice tone="warning" title={t('web.applications.profile_title')}>
          <p>{t('web.applications.profile_body')}</p>
          <p>
            <Link className="button button--primary" to="/profile">
              {t('web.applications.profile_action')}
            </Link>
          </p>
        </Notice>
      )}
      <QueryView
        query={apps}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <>
            <p>{t('web.applications.none')}</p>
            <Link className="button button--primary" to="/roles">
              {t('web.home.browse')}
            </Link>
          </>
        }
      >
        {(d) => (
          <ul className="card-list">
            {d.items.map((a) => (
              <li key={a.id}>
                <ApplicationRow app={a} />
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </Page>
  );
}

/** ApplicationRow loads its role for the title: the list API gives only role_id. */
function ApplicationRow({ app }: { app: Application }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const role = useRole(app.role_id);
  const title = role.data?.display.title ?? t('web.applications.role_n', { N: app.role_id });
  return (
    <article className="row-card">
      <div className="row-card__main">
        <h2 className="row-card__title">
          <Link to={`/applications/${app.id}`} lang={role.data?.display.language}>
            {title}
          </Link>
        </h2>
        {role.data?.organization && (
          <p className="row-card__sub" lang={orgNameLang(i18n, role.data.organization)}>
            {orgName(i18n, role.data.organization)}
          </p>
        )}
        <p className="row-card__meta">
          {t('web.applications.applied_on', { Date: date(app.created_at) })} · {t('web.applications.updated_on', { Date: date(app.updated_at) })}
        </p>
      </div>
      <div className="row-card__side">
        <StageBadge stage={app.stage} />
      </div>
    </article>
  );
}
