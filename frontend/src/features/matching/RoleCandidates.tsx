import { Link } from 'react-router';
import { useRoleRecommendations } from '../../api/matching';
import { QueryView } from '../../components/QueryView';
import { useI18n } from '../../i18n/I18nProvider';
import { RequireAccount } from '../account/RequireAccount';
import { ForRole, useRoleInAddress } from '../roles/ForRole';
import { CandidateSummary } from './CandidateSummary';
import { MatchExplain } from './MatchExplain';

/**
 * RoleCandidates shows an organisation the candidates who agreed to be
 * found, ranked for one of its roles, with the reasons for each score.
 */
export default function RoleCandidates() {
  return <RequireAccount kinds={['org_member', 'admin']}>{() => <CandidateList />}</RequireAccount>;
}

function CandidateList() {
  const { t, plural } = useI18n();
  const role = useRoleInAddress();
  const recs = useRoleRecommendations(role.data?.id);
  return (
    <ForRole
      role={role}
      missing={recs.error}
      title={t('web.candidates.title')}
      lead={<p>{t('web.candidates.lead')}</p>}
      actions={(r) => (
        <Link className="button button--secondary" to={`/organization/roles/${r.id}/applicants`}>
          {t('web.role_tools.applicants')}
        </Link>
      )}
    >
      {() => (
        <QueryView query={recs} isEmpty={(d) => d.length === 0} empty={<p>{t('web.candidates.none')}</p>}>
          {(list) => (
            <>
              <p className="result-count" role="status">
                {plural('web.candidates.count', list.length)}
              </p>
              <ol className="card-list">
                {list.map((r) => (
                  <li key={r.candidate.user_id}>
                    <article className="row-card row-card--stack">
                      <CandidateSummary profile={r.candidate} />
                      <MatchExplain match={r.match} forOrganization />
                    </article>
                  </li>
                ))}
              </ol>
            </>
          )}
        </QueryView>
      )}
    </ForRole>
  );
}
