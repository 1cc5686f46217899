import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useMyOrganizations } from '../../api/organizations';
import { useRole, useSaveRole } from '../../api/roles';
import { useSkillLabels } from '../../api/matching';
import {
  englishLevelValues,
  jLPTLevelValues,
  minEducationValues,
  prefectureValues,
  remoteOptionValues,
  requirementModeValues,
  roleTypeValues,
} from '../../api/schema.gen';
import type { Organization, Role } from '../../api/types';
import { useAnnounce } from '../../components/Announcer';
import { RoleStatusBadge } from '../../components/Badges';
import { Page } from '../../components/Page';
import { RequireAccount } from '../account/RequireAccount';
import { RoleTools } from './RoleTools';
import { SkillPicker } from '../../components/SkillPicker';
import { suggestionsOf } from '../../components/skills';
import { QueryView } from '../../components/QueryView';
import { Notice } from '../../components/Status';
import { type FieldErrors, fieldId } from '../../forms/errors';
import { CheckboxField, SelectField, TextArea, TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18nProvider';
import NotFound from '../../components/NotFound';
import { emptyRole, roleAliases, roleContentOf, type RoleDraft, roleDraftOf, type SkillRequirementDraft } from './roleDraft';
import { MutationForm } from '../../forms/MutationForm';

/** RoleEditor posts a new role or edits one, with Japanese and English text side by side. */
export default function RoleEditor() {
  return <RequireAccount kinds={['org_member']}>{() => <EditorLoader />}</RequireAccount>;
}

function EditorLoader() {
  const params = useParams();
  const orgs = useMyOrganizations();
  const editing = params.id !== undefined;
  const id = Number(params.id);
  const role = useRole(editing && Number.isInteger(id) && id > 0 ? id : undefined);
  if (editing && role.error instanceof ApiError && role.error.status === 404) return <NotFound />;
  return (
    <QueryView query={orgs}>
      {(mine) =>
        editing ? (
          <QueryView query={role}>
            {(r) => {
              const org = mine.find((o) => o.id === r.organization_id);
              return org ? <Editor key={r.id} org={org} role={r} /> : <NotFound />;
            }}
          </QueryView>
        ) : (
          <NewRole orgs={mine} />
        )
      }
    </QueryView>
  );
}

/** NewRole opens the editor for the organisation in the address, or the first verified one. */
function NewRole({ orgs }: { orgs: Organization[] }) {
  const [search] = useSearchParams();
  const { t } = useI18n();
  const wanted = Number(search.get('org'));
  const org = orgs.find((o) => o.id === wanted) ?? orgs.find((o) => o.verified);
  if (!org || !org.verified) {
    return (
      <Page title={t('web.editor.new_title')}>
        <Notice tone="warning">
          <p>{t('web.editor.org_first')}</p>
          <p>
            <Link to="/organization">{t('web.nav.organization')}</Link>
          </p>
        </Notice>
      </Page>
    );
  }
  return <Editor org={org} />;
}

function Editor({ org, role }: { org: Organization; role?: Role }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const navigate = useNavigate();
  const location = useLocation();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<RoleDraft>(() => (role ? roleDraftOf(role) : emptyRole));
  const [saved, setSaved] = useState(Boolean((location.state as { created?: boolean } | null)?.created));
  // "Created" is news once: forget it so that a reload does not repeat it.
  useEffect(() => {
    if ((location.state as { created?: boolean } | null)?.created) navigate(location.pathname, { replace: true, state: null });
  }, [location, navigate]);
  const form = useFormErrors(roleAliases);
  const [suggestions, setSuggestions] = useState<Record<string, string[]>>({});
  const save = useSaveRole(role ? { roleId: role.id } : { orgId: org.id }, {
    onSuccess: (r) => {
      form.clear();
      announce(t('web.editor.saved'));
      if (!role) navigate(`/organization/roles/${r.id}/edit`, { replace: true, state: { created: true } });
      else setSaved(true);
    },
    onError: (e) => {
      setSaved(false);
      setSuggestions(suggestionsOf(e));
      form.report(e);
    },
  });
  const set = <K extends keyof RoleDraft>(k: K, v: RoleDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const text = (k: 'title' | 'description', lang: 'en' | 'ja' | 'hi', v: string) =>
    setDraft((d) => ({ ...d, [k]: { ...d[k], [lang]: v } }));
  const err = (n: string) => form.fields[n];
  const internship = draft.type === 'internship';
  const opts = (set: string, values: readonly string[]) => values.map((v) => ({ value: v, label: label(set, v) }));

  return (
    <Page
      wide
      title={role ? t('web.editor.edit_title') : t('web.editor.new_title')}
      lead={
        <p>
          <span lang="ja">{org.name_ja}</span> · <span lang="en">{org.name_en}</span>
          {role && (
            <>
              {' '}
              <RoleStatusBadge status={role.status} />
            </>
          )}
        </p>
      }
    >
      {saved && role && !form.message && (
        <Notice tone="success" title={t('web.editor.saved')}>
          <p>{role.status === 'draft' ? t('web.editor.saved_draft') : t('web.editor.saved_live')}</p>
          <RoleTools role={role} compact editing />
        </Notice>
      )}
      <MutationForm className="form form--wide" form={form} onSubmit={() => save.mutate(roleContentOf(draft))}>

        <section className="section" aria-labelledby="texts-title">
          <h2 id="texts-title">{t('web.editor.texts')}</h2>
          <p className="muted">{t('web.editor.texts_hint')}</p>
          <TextPair name="title" legend={t('web.editor.role_title')} errors={form.fields}>
            {(lang) => (
              <TextField name={`title.${lang}`} lang={lang} label={t(`web.editor.in_${lang}` as MessageKey)} value={draft.title[lang]} onChange={(e) => text('title', lang, e.target.value)} error={err(`title.${lang}`)} maxLength={200} />
            )}
          </TextPair>
          <TextPair name="description" legend={t('web.editor.role_description')} errors={form.fields}>
            {(lang) => (
              <TextArea name={`description.${lang}`} lang={lang} label={t(`web.editor.in_${lang}` as MessageKey)} value={draft.description[lang]} onChange={(e) => text('description', lang, e.target.value)} error={err(`description.${lang}`)} rows={12} />
            )}
          </TextPair>
          <details className="disclosure" open={Boolean(draft.title.hi || draft.description.hi || err('title.hi') || err('description.hi'))}>
            <summary>{t('web.editor.add_hindi')}</summary>
            <TextField name="title.hi" lang="hi" label={t('web.editor.title_hi')} value={draft.title.hi} onChange={(e) => text('title', 'hi', e.target.value)} error={err('title.hi')} maxLength={200} />
            <TextArea name="description.hi" lang="hi" label={t('web.editor.description_hi')} value={draft.description.hi} onChange={(e) => text('description', 'hi', e.target.value)} error={err('description.hi')} rows={8} />
          </details>
        </section>

        <section className="section" aria-labelledby="basics-title">
          <h2 id="basics-title">{t('web.editor.basics')}</h2>
          <div className="grid-3">
            <SelectField name="type" label={t('web.role.type')} value={draft.type} onChange={(e) => set('type', e.target.value)} error={err('type')} options={opts('role_type', roleTypeValues)} />
            <SelectField name="prefecture" label={t('web.roles.prefecture')} value={draft.prefecture} onChange={(e) => set('prefecture', e.target.value)} error={err('prefecture')} options={[{ value: '', label: t('web.form.choose') }, ...opts('prefecture', prefectureValues)]} />
            <SelectField name="remote" label={t('web.editor.remote')} value={draft.remote} onChange={(e) => set('remote', e.target.value)} error={err('remote')} options={opts('remote', remoteOptionValues)} />
          </div>
          <div className="grid-3">
            <TextField name="openings" type="number" inputMode="numeric" label={t('web.role.openings')} value={draft.openings} onChange={(e) => set('openings', e.target.value)} error={err('openings')} />
            <TextField name="duration_months" type="number" inputMode="numeric" label={t('web.editor.duration')} optional={t('web.form.optional')} value={draft.duration_months} onChange={(e) => set('duration_months', e.target.value)} error={err('duration_months')} />
            <div className="field field--check">
              <CheckboxField name="visa_support" label={t('web.editor.visa_support')} checked={draft.visa_support} onChange={(v) => set('visa_support', v)} error={err('visa_support')} />
            </div>
          </div>
          <div className="grid-3">
            {internship ? (
              <TextField name="stipend_monthly_jpy" type="number" inputMode="numeric" label={t('web.editor.stipend')} hint={t('web.editor.yen_hint')} optional={t('web.form.optional')} value={draft.stipend_monthly_jpy} onChange={(e) => set('stipend_monthly_jpy', e.target.value)} error={err('stipend_monthly_jpy')} />
            ) : (
              <>
                <TextField name="salary_min_jpy" type="number" inputMode="numeric" label={t('web.editor.salary_min')} hint={t('web.editor.yen_hint')} optional={t('web.form.optional')} value={draft.salary_min_jpy} onChange={(e) => set('salary_min_jpy', e.target.value)} error={err('salary_min_jpy')} />
                <TextField name="salary_max_jpy" type="number" inputMode="numeric" label={t('web.editor.salary_max')} hint={t('web.editor.yen_hint')} optional={t('web.form.optional')} value={draft.salary_max_jpy} onChange={(e) => set('salary_max_jpy', e.target.value)} error={err('salary_max_jpy')} />
              </>
            )}
          </div>
          <div className="grid-3">
            <TextField name="start_date" type="date" label={t('web.role.start')} optional={t('web.form.optional')} value={draft.start_date} onChange={(e) => set('start_date', e.target.value)} error={err('start_date')} />
            <TextField name="deadline" type="date" label={t('web.role.deadline')} optional={t('web.form.optional')} value={draft.deadline} onChange={(e) => set('deadline', e.target.value)} error={err('deadline')} />
          </div>
        </section>

        <section className="section" aria-labelledby="reqs-title">
          <h2 id="reqs-title">{t('web.editor.requirements')}</h2>
          <div className="grid-3">
            <SelectField name="min_education" label={t('web.role.education')} value={draft.min_education} onChange={(e) => set('min_education', e.target.value)} error={err('min_education')} options={opts('education', minEducationValues)} />
            <TextField name="min_experience_years" type="number" inputMode="numeric" label={t('web.editor.min_experience')} value={draft.min_experience_years} onChange={(e) => set('min_experience_years', e.target.value)} error={err('min_experience_years')} />
            <SelectField name="english_level" label={t('web.editor.english')} value={draft.english_level} onChange={(e) => set('english_level', e.target.value)} error={err('english_level')} options={opts('english', englishLevelValues)} />
          </div>
          <div className="grid-3">
            <SelectField name="japanese.level" label={t('web.editor.japanese_level')} value={draft.japanese_level} onChange={(e) => set('japanese_level', e.target.value)} error={err('japanese.level')} options={opts('jlpt', jLPTLevelValues)} />
            <SelectField name="japanese.mode" label={t('web.editor.japanese_mode')} hint={t('web.editor.japanese_mode_hint')} value={draft.japanese_mode} onChange={(e) => set('japanese_mode', e.target.value)} error={err('japanese.mode')} options={opts('requirement_mode', requirementModeValues)} />
          </div>
          <SkillList name="required_skills" legend={t('web.role.required_skills')} items={draft.required_skills} onChange={(v) => set('required_skills', v)} errors={form.fields} suggestions={suggestions} />
          <SkillList name="preferred_skills" legend={t('web.role.preferred_skills')} items={draft.preferred_skills} onChange={(v) => set('preferred_skills', v)} errors={form.fields} suggestions={suggestions} />
        </section>

        <div className="form__submit">
          <button type="submit" className="button button--primary button--large" disabled={save.isPending}>
            {save.isPending ? t('web.common.saving') : role ? t('web.editor.save') : t('web.editor.create')}
          </button>
          {!role && <p className="muted">{t('web.editor.create_hint')}</p>}
        </div>
      </MutationForm>
    </Page>
  );
}

/** TextPair puts the Japanese and English versions of one text side by side. */
function TextPair(props: { name: string; legend: string; errors: FieldErrors; children: (lang: 'ja' | 'en') => React.ReactNode }) {
  const id = fieldId(props.name);
  const own = props.errors[props.name];
  return (
    <fieldset className={`fieldset pair${own ? ' field--error' : ''}`} id={id} tabIndex={-1} aria-describedby={own ? `${id}-error` : undefined}>
      <legend className="field__label" data-label-for={id}>
        {props.legend}
      </legend>
      {own && (
        <p id={`${id}-error`} className="field__error">
          {own}
        </p>
      )}
      <div className="pair__columns">
        {props.children('ja')}
        {props.children('en')}
      </div>
    </fieldset>
  );
}

function SkillList(props: {
  name: string;
  legend: string;
  items: SkillRequirementDraft[];
  onChange: (v: SkillRequirementDraft[]) => void;
  errors: FieldErrors;
  suggestions: Record<string, string[]>;
}) {
  const { t, int } = useI18n();
  const { name, items, onChange, errors, suggestions } = props;
  const skillName = useSkillLabels(items.map((s) => s.skill));
  const id = fieldId(name);
  const own = errors[name];
  return (
    <fieldset className={`fieldset${own ? ' field--error' : ''}`} id={id} tabIndex={-1}>
      <legend className="field__label" data-label-for={id}>
        {props.legend}
      </legend>
      <p className="field__hint">{t('web.profile.skills_hint')}</p>
      {own && <p className="field__error">{own}</p>}
      {items.map((s, i) => {
        const f = `${name}[${i}]`;
        const update = (patch: Partial<SkillRequirementDraft>) => onChange(items.map((x, j) => (j === i ? { ...x, ...patch } : x)));
        return (
          <div className="skill-row" key={i}>
            <SkillPicker name={`${f}.skill`} label={t('web.profile.skill_n', { N: int(i + 1) })} value={s.skill} onChange={(slug) => update({ skill: slug })} error={errors[`${f}.skill`]} suggestions={suggestions[`${f}.skill`]} />
            <SelectField
              name={`${f}.min_proficiency`}
              label={t('web.editor.min_level')}
              value={s.min_proficiency}
              onChange={(e) => update({ min_proficiency: e.target.value })}
              error={errors[`${f}.min_proficiency`]}
              options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`web.skill.level_${n}` as MessageKey) }))}
            />
            <button type="button" className="button button--quiet skill-row__remove" onClick={() => onChange(items.filter((_, j) => j !== i))}>
              {t('web.profile.remove_skill', { Skill: s.skill ? skillName(s.skill) : int(i + 1) })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          onChange([...items, { skill: '', min_proficiency: '3' }]);
          window.setTimeout(() => document.getElementById(fieldId(`${name}[${items.length}].skill`))?.focus(), 0);
        }}
      >
        {t('web.profile.add_skill')}
      </button>
    </fieldset>
  );
}
