import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useRoleRecommendations, useSkillLabels } from '../../api/matching';
import { useRole } from '../../api/roles';
import type { ApplicantProfile } from '../../api/types';
import { MatchExplain } from './MatchExplain';
import { Page } from '../../components/Page';
import { RequireAccount } from '../account/RequireAccount';
import { Empty, LoadError, Loading } from '../../components/Status';
import { useI18n } from '../../i18n/I18nProvider';
import NotFound from '../../components/NotFound';

/**
 * RoleCandidates shows an organisation the candidates who agreed to be
 * found, ranked for one of its roles, with the reasons for each score.
 */
export default function RoleCandidates() {
  return <RequireAccount kinds={['org_member', 'admin']}>{() => <CandidateList />}</RequireAccount>;
}

function CandidateList() {
  const { t, plural } = useI18n();
  const id = Number(useParams().id);
  const role = useRole(Number.isInteger(id) && id > 0 ? id : undefined);
  const recs = useRoleRecommendations(role.data?.id);
  if (role.error instanceof ApiError && role.error.status === 404) return <NotFound />;
  if (recs.error instanceof ApiError && recs.error.status === 404) return <NotFound />;
  if (role.isPending) return <Loading />;
  if (role.isError) return <LoadError error={role.error} retry={() => void role.refetch()} />;
  return (
    <Page
      wide
      title={t('web.candidates.title')}
      lead={
        <>
          <p>
            <Link to={`/roles/${role.data.id}`} lang={role.data.display.language}>
              {role.data.display.title}
            </Link>
          </p>
          <p>{t('web.candidates.lead')}</p>
        </>
      }
      actions={
        <Link className="button button--secondary" to={`/organization/roles/${role.data.id}/applicants`}>
          {t('web.role_tools.applicants')}
        </Link>
      }
    >
      {recs.isPending ? (
        <Loading />
      ) : recs.isError ? (
        <LoadError error={recs.error} retry={() => void recs.refetch()} />
      ) : recs.data.length === 0 ? (
        <Empty>
          <p>{t('web.candidates.none')}</p>
        </Empty>
      ) : (
        <>
          <p className="result-count" role="status">
            {plural('web.candidates.count', recs.data.length)}
          </p>
          <ol className="card-list">
            {recs.data.map((r) => (
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
    </Page>
  );
}

/** CandidateSummary is a candidate in a few lines: name, place, degree, languages, skills. */
export function CandidateSummary({ profile, headingLevel = 2 }: { profile: ApplicantProfile; headingLevel?: 2 | 3 }) {
  const { t, label, plural } = useI18n();
  const skillName = useSkillLabels(profile.skills.map((s) => s.skill));
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const top = [...profile.education].sort((a, b) => b.year - a.year)[0];
  const place = [profile.city, profile.indian_state ? label('state', profile.indian_state) : ''].filter(Boolean).join(', ');
  return (
    <div className="candidate">
      <H className="row-card__title">{profile.name}</H>
      <p className="row-card__meta">
        {[
          place,
          top ? `${label('education', top.level)} · ${top.institution}` : '',
          plural('web.applicant.years', profile.experience_years),
          `${t('web.profile.jlpt')}: ${label('jlpt', profile.jlpt_level)}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {profile.skills.length > 0 && (
        <ul className="chips chips--small" aria-label={t('web.applicant.skills')}>
          {profile.skills.slice(0, 8).map((s) => (
            <li className="chip" key={s.skill}>
              {skillName(s.skill)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
