import { Link } from 'react-router';
import { useMe } from '../../api/auth';
import { useRoleSearch } from '../../api/roles';
import { homeFor } from '../account/session';
import { Page } from '../../components/Page';
import { RoleCard } from '../roles/RoleCard';
import { ProgressFigure } from '../dashboard/ProgressFigure';
import { QueryView } from '../../components/QueryView';
import { useI18n } from '../../i18n/I18nProvider';

const noFilters = {};

/**
 * Home says what Setubashi is, for whom, shows the live progress figure
 * toward the 2030 goal (linking to the open progress page) and the newest
 * open roles.
 */
export default function Home() {
  const { t } = useI18n();
  const me = useMe().data;
  const latest = useRoleSearch(noFilters, 3);
  const roles = latest.data?.pages[0]?.items ?? [];
  return (
    <Page
      wide
      title={t('web.home.title')}
      lead={
        <>
          <p>{t('web.home.lead')}</p>
          <p className="goal">{t('web.home.goal')}</p>
        </>
      }
      actions={
        <div className="actions">
          <Link to="/roles" className="button button--primary button--large">
            {t('web.home.browse')}
          </Link>
          {me ? (
            <Link to={homeFor(me.role)} className="button button--secondary button--large">
              {t('web.home.continue')}
            </Link>
          ) : (
            <Link to="/signup" className="button button--secondary button--large">
              {t('web.home.join')}
            </Link>
          )}
        </div>
      }
    >
      <ProgressFigure />

      <section className="audiences" aria-labelledby="audiences-title">
        <h2 id="audiences-title" className="visually-hidden">
          {t('web.home.audiences')}
        </h2>
        <div className="card">
          <h3>{t('web.home.candidates_title')}</h3>
          <p>{t('web.home.candidates_body')}</p>
        </div>
        <div className="card">
          <h3>{t('web.home.orgs_title')}</h3>
          <p>{t('web.home.orgs_body')}</p>
        </div>
        <div className="card">
          <h3>{t('web.home.ministries_title')}</h3>
          <p>{t('web.home.ministries_body')}</p>
        </div>
      </section>

      <section aria-labelledby="steps-title" className="section">
        <h2 id="steps-title">{t('web.home.steps_title')}</h2>
        <ol className="steps">
          <li>
            <strong>{t('web.home.step1_title')}</strong>
            <span>{t('web.home.step1_body')}</span>
          </li>
          <li>
            <strong>{t('web.home.step2_title')}</strong>
            <span>{t('web.home.step2_body')}</span>
          </li>
          <li>
            <strong>{t('web.home.step3_title')}</strong>
            <span>{t('web.home.step3_body')}</span>
          </li>
        </ol>
      </section>

      <section aria-labelledby="latest-title" className="section">
        <div className="section__head">
          <h2 id="latest-title">{t('web.home.latest_title')}</h2>
          <Link to="/roles">{t('web.home.all_roles')}</Link>
        </div>
        <QueryView query={latest} data={roles}>
          {(list) => (
            <ul className="role-grid">
              {list.map((r) => (
                <li key={r.id}>
                  <RoleCard role={r} headingLevel={3} />
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      </section>
    </Page>
  );
}
