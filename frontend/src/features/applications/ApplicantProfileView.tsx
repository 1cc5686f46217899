import { useSkillLabels } from '../../api/matching';
import type { ApplicantProfile } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { skillLevelKey } from '../roles/roleText';

/** ApplicantProfileView shows a candidate's profile as the hiring organisation sees it. */
export function ApplicantProfileView({ profile }: { profile: ApplicantProfile }) {
  const { t, label, plural, yen, day } = useI18n();
  const skillName = useSkillLabels(profile.skills.map((s) => s.skill));
  const place = [profile.city, profile.indian_state ? label('state', profile.indian_state) : ''].filter(Boolean).join(', ');
  return (
    <div className="profile-view">
      <dl className="details">
        <div>
          <dt>{t('web.account.name')}</dt>
          <dd>{profile.name}</dd>
        </div>
        {place && (
          <div>
            <dt>{t('web.applicant.from')}</dt>
            <dd>{place}</dd>
          </div>
        )}
        <div>
          <dt>{t('web.profile.experience_years')}</dt>
          <dd>{plural('web.applicant.years', profile.experience_years)}</dd>
        </div>
        <div>
          <dt>{t('web.applicant.research')}</dt>
          <dd>{t('web.applicant.research_counts', { Papers: profile.research.papers, Patents: profile.research.patents })}</dd>
        </div>
        <div>
          <dt>{t('web.profile.jlpt')}</dt>
          <dd>{label('jlpt', profile.jlpt_level)}</dd>
        </div>
        <div>
          <dt>{t('web.profile.english')}</dt>
          <dd>{label('english', profile.english_level)}</dd>
        </div>
        {profile.wanted_role_types.length > 0 && (
          <div>
            <dt>{t('web.applicant.wanted')}</dt>
            <dd>{profile.wanted_role_types.map((v) => label('role_type', v)).join(' · ')}</dd>
          </div>
        )}
        {profile.earliest_start && (
          <div>
            <dt>{t('web.profile.earliest_start')}</dt>
            <dd>{day(profile.earliest_start)}</dd>
          </div>
        )}
        {profile.salary_expectation_jpy != null && (
          <div>
            <dt>{t('web.applicant.salary')}</dt>
            <dd>{yen(profile.salary_expectation_jpy)}</dd>
          </div>
        )}
        {profile.preferred_prefectures.length > 0 && (
          <div>
            <dt>{t('web.profile.prefectures')}</dt>
            <dd>{profile.preferred_prefectures.map((v) => label('prefecture', v)).join(' · ')}</dd>
          </div>
        )}
        <div>
          <dt>{t('web.applicant.remote')}</dt>
          <dd>{profile.remote_ok ? t('web.common.yes') : t('web.common.no')}</dd>
        </div>
      </dl>
      {profile.education.length > 0 && (
        <>
          <h3>{t('web.profile.step_education')}</h3>
          <ul className="plain-list">
            {profile.education.map((e, i) => (
              <li key={i}>
                <strong>{label('education', e.level)}</strong> · {e.field} · {e.institution} ({e.year})
              </li>
            ))}
          </ul>
        </>
      )}
      {profile.skills.length > 0 && (
        <>
          <h3>{t('web.applicant.skills')}</h3>
          <ul className="chips">
            {profile.skills.map((s) => (
              <li className="chip" key={s.skill}>
                {t('web.applicant.skill', { Skill: skillName(s.skill), Level: t(skillLevelKey(s.proficiency)) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
