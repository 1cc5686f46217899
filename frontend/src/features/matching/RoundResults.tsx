import { Link } from 'react-router';
import { useApplication } from '../../api/applications';
import { useRolesById } from '../../api/roles';
import { type Round, useRoundResults } from '../../api/rounds';
import type { User } from '../../api/types';
import { QueryView } from '../../components/QueryView';
import { Notice } from '../../components/Status';
import { useI18n } from '../../i18n/I18nProvider';
import { RoleLink } from './roundParts';

/** RoundResults shows a candidate or an organisation their matches in a completed round. */
export function RoundResults({ round, me }: { round: Round; me: User }) {
  const { t } = useI18n();
  const results = useRoundResults(round.id, true);
  const matches = results.data?.matches ?? [];
  const roles = useRolesById([...new Set(matches.map((m) => m.role_id))]);
  return (
    <section className="section" aria-labelledby="results-title">
      <h2 id="results-title">{t('web.rounds.results_title')}</h2>
      <QueryView query={results}>
        {() => matches.length === 0 ? (
        <Notice>{me.role === 'candidate' ? t('web.rounds.no_match_candidate') : me.role === 'org_member' ? t('web.rounds.no_match_org') : t('web.rounds.no_matches')}</Notice>
      ) : (
        <ul className="card-list">
          {matches.map((m) => (
            <li key={`${m.candidate_id}-${m.role_id}`}>
              <article className="row-card">
                <div className="row-card__main">
                  <h3 className="row-card__title">
                    <RoleLink id={m.role_id} role={roles.get(m.role_id)} />
                  </h3>
                  {me.role === 'candidate' ? (
                    <p>{t('web.rounds.matched_candidate')}</p>
                  ) : (
                    <MatchedCandidate applicationId={m.application_id} candidateId={m.candidate_id} />
                  )}
                </div>
                <div className="row-card__side">
                  <Link className="button button--primary" to={`/applications/${m.application_id}`}>
                    {me.role === 'candidate' ? t('web.rounds.see_offer') : t('web.rounds.open_application')}
                  </Link>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      </QueryView>
    </section>
  );
}

function MatchedCandidate({ applicationId, candidateId }: { applicationId: number; candidateId: number }) {
  const { t } = useI18n();
  const app = useApplication(applicationId);
  return <p>{t('web.rounds.matched_org', { Name: app.data?.candidate?.name ?? t('web.application.candidate_n', { N: String(candidateId) }) })}</p>;
}
