import { educationLevelValues } from '../../api/schema.gen';
import { useSkillLabels } from '../../api/matching';
import { SkillPicker } from '../../components/SkillPicker';
import { fieldId } from '../../forms/errors';
import { SelectField, TextField } from '../../forms/fields';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18nProvider';
import type { ProfileDraft } from './profileDraft';

const maxEducation = 10;
const maxSkills = 50;

/** What a step of the profile editor gets: the draft, a setter, and each field's error. */
interface StepProps {
  draft: ProfileDraft;
  set: <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => void;
  err: (name: string) => string | undefined;
}

/** EducationStep lists the candidate's degrees, each removable, and adds one (onAdd runs first). */
export function EducationStep({ draft, set, err, onAdd }: StepProps & { onAdd: () => void }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  return (
    <>
      <p className="muted">{t('web.profile.education_hint')}</p>
      {draft.education.length === 0 && <p>{t('web.profile.education_none')}</p>}
      {draft.education.map((e, i) => {
        const f = `education[${i}]`;
        const update = (patch: Partial<typeof e>) =>
          set('education', draft.education.map((x, j) => (j === i ? { ...x, ...patch } : x)));
        return (
          <fieldset className="entry" key={i}>
            <legend>{t('web.profile.degree_n', { N: i18n.int(i + 1) })}</legend>
            <div className="grid-2">
              <SelectField
                name={`${f}.level`}
                label={t('web.profile.degree_level')}
                value={e.level}
                onChange={(ev) => update({ level: ev.target.value })}
                error={err(`${f}.level`)}
                options={[{ value: '', label: t('web.form.choose') }, ...educationLevelValues.map((v) => ({ value: v, label: label('education', v) }))]}
              />
              <TextField name={`${f}.year`} type="number" inputMode="numeric" label={t('web.profile.degree_year')} hint={t('web.profile.degree_year_hint')} value={e.year} onChange={(ev) => update({ year: ev.target.value })} error={err(`${f}.year`)} />
            </div>
            <TextField name={`${f}.institution`} label={t('web.profile.institution')} value={e.institution} onChange={(ev) => update({ institution: ev.target.value })} error={err(`${f}.institution`)} />
            <TextField name={`${f}.field`} label={t('web.profile.field_of_study')} value={e.field} onChange={(ev) => update({ field: ev.target.value })} error={err(`${f}.field`)} />
            <button type="button" className="button button--quiet" onClick={() => set('education', draft.education.filter((_, j) => j !== i))}>
              {t('web.profile.remove_degree', { N: i18n.int(i + 1) })}
            </button>
          </fieldset>
        );
      })}
      {err('education') && <p className="field__error">{err('education')}</p>}
      {draft.education.length < maxEducation && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            onAdd();
            set('education', [...draft.education, { level: '', institution: '', field: '', year: '' }]);
            window.setTimeout(() => document.getElementById(fieldId(`education[${draft.education.length}].level`))?.focus(), 0);
          }}
        >
          {t('web.profile.add_degree')}
        </button>
      )}
    </>
  );
}

/** SkillsStep lists the candidate's skills with their levels, then experience and research. */
export function SkillsStep({ draft, set, err, suggestions }: StepProps & { suggestions: Record<string, string[]> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const skillName = useSkillLabels(draft.skills.map((s) => s.skill));
  return (
    <>
      <p className="muted">{t('web.profile.skills_hint')}</p>
      {draft.skills.map((s, i) => {
        const f = `skills[${i}]`;
        const update = (patch: Partial<typeof s>) => set('skills', draft.skills.map((x, j) => (j === i ? { ...x, ...patch } : x)));
        return (
          <div className="skill-row" key={i}>
            <SkillPicker
              name={`${f}.skill`}
              label={t('web.profile.skill_n', { N: i18n.int(i + 1) })}
              value={s.skill}
              onChange={(slug) => update({ skill: slug })}
              error={err(`${f}.skill`)}
              suggestions={suggestions[`${f}.skill`]}
            />
            <SelectField
              name={`${f}.proficiency`}
              label={t('web.profile.proficiency')}
              value={s.proficiency}
              onChange={(ev) => update({ proficiency: ev.target.value })}
              error={err(`${f}.proficiency`)}
              options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`web.skill.level_${n}` as MessageKey) }))}
            />
            <button type="button" className="button button--quiet skill-row__remove" onClick={() => set('skills', draft.skills.filter((_, j) => j !== i))}>
              {t('web.profile.remove_skill', { Skill: s.skill ? skillName(s.skill) : i18n.int(i + 1) })}
            </button>
          </div>
        );
      })}
      {err('skills') && <p className="field__error">{err('skills')}</p>}
      {draft.skills.length < maxSkills && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            set('skills', [...draft.skills, { skill: '', proficiency: '3' }]);
            window.setTimeout(() => document.getElementById(fieldId(`skills[${draft.skills.length}].skill`))?.focus(), 0);
          }}
        >
          {t('web.profile.add_skill')}
        </button>
      )}
      <div className="grid-3 section">
        <TextField name="experience_years" type="number" inputMode="numeric" label={t('web.profile.experience_years')} value={draft.experience_years} onChange={(e) => set('experience_years', e.target.value)} error={err('experience_years')} />
        <TextField name="research.papers" type="number" inputMode="numeric" label={t('web.profile.papers')} value={draft.papers} onChange={(e) => set('papers', e.target.value)} error={err('research.papers')} />
        <TextField name="research.patents" type="number" inputMode="numeric" label={t('web.profile.patents')} value={draft.patents} onChange={(e) => set('patents', e.target.value)} error={err('research.patents')} />
      </div>
    </>
  );
}
