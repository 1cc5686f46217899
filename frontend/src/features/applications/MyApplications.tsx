import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { client, unwrap } from '../../api/client';
import { useMyApplications, useRole } from '../../api/queries';
import type { Application } from '../../api/types';
import { StageBadge } from '../../components/Badges';
import { Page } from '../../components/Page';
import { RequireAccount } from '../account/RequireAccount';
import { orgName, orgNameLang } from '../roles/roleText';
import { Empty, LoadError, Loading, Notice } from '../../components/Status';
import { useI18n } from '../../i18n/I18nProvider';

/** MyApplications lists the candidate's applications with their stages. */
export default function MyApplications() {
  return <RequireAccount kinds={['candidate']}>{() => <ApplicationsList />}</RequireAccount>;
}

function ApplicationsList() {
  const { t } = useI18n();
  const apps = useMyApplications();
  const profile = useQuery({ queryKey: ['profile'], queryFn: () => unwrap(client.GET('/api/v1/me/profile')) });
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
      {apps.isPending ? (
        <Loading />
      ) : apps.isError ? (
        <LoadError error={apps.error} retry={() => void apps.refetch()} />
      ) : apps.data.items.length === 0 ? (
        <Empty>
          <p>{t('web.applications.none')}</p>
          <Link className="button button--primary" to="/roles">
            {t('web.home.browse')}
          </Link>
        </Empty>
      ) : (
        <ul className="card-list">
          {apps.data.items.map((a) => (
            <li key={a.id}>
              <ApplicationRow app={a} />
            </li>
          ))}
        </ul>
      )}
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
