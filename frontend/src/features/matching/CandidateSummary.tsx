import type { ApplicantProfile } from '../../api/types';
import { useSkillLabels } from '../../api/matching';
import { useI18n } from '../../i18n/I18nProvider';

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
