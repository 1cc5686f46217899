import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { OwnProfile } from '../../api/types';
import {
  englishLevelValues,
  indianStateValues,
  jLPTLevelValues,
  prefectureValues,
  roleTypeValues,
} from '../../api/schema.gen';
import { useAnnounce } from '../../components/Announcer';
import { Page } from '../../components/Page';
import { RequireAccount } from '../account/RequireAccount';
import { suggestionsOf } from '../../components/skills';
import { Notice } from '../../components/Status';
import { errorsUnder, fieldId } from '../../forms/errors';
import { CheckboxField, CheckboxGroup, SelectField, TextField } from '../../forms/fields';
import { MutationForm, reportingTo } from '../../forms/MutationForm';
import { useFormErrors } from '../../forms/useFormErrors';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18nProvider';
import { draftOf, profileAliases, type ProfileDraft, profileSteps, requestOf, type StepId, stepOf } from './profileDraft';
import { useProfile, useSaveProfile } from '../../api/profile';
import { QueryView } from '../../components/QueryView';
import { EducationStep, SkillsStep } from './ProfileSteps';


/** Profile is the candidate's guided profile editor. */
export default function Profile() {
  return <RequireAccount kinds={['candidate']}>{() => <ProfileLoader />}</RequireAccount>;
}

function ProfileLoader() {
  return <QueryView query={useProfile()}>{(p) => <ProfileEditor profile={p} />}</QueryView>;
}

const stepTitle: Record<StepId, MessageKey> = {
  about: 'web.profile.step_about',
  education: 'web.profile.step_education',
  skills: 'web.profile.step_skills',
  languages: 'web.profile.step_languages',
  preferences: 'web.profile.step_preferences',
  consent: 'web.profile.step_consent',
};

function ProfileEditor({ profile }: { profile: OwnProfile }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const requested = params.get('step');
  const initialStep = profileSteps.findIndex((s) => s.id === requested);
  const [step, setStep] = useState(initialStep >= 0 ? initialStep : 0);
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(profile));
  const [saved, setSaved] = useState<'step' | 'done' | null>(null);
  const form = useFormErrors(profileAliases);
  const [suggestions, setSuggestions] = useState<Record<string, string[]>>({});
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const focusStep = useRef(false);
  const pendingFocus = useRef<string | null>(null);

  const current = profileSteps[step]!;
  const isLast = step === profileSteps.length - 1;

  useEffect(() => {
    if (focusStep.current) {
      focusStep.current = false;
      stepHeading.current?.focus();
    }
    if (pendingFocus.current) {
      document.getElementById(fieldId(pendingFocus.current))?.focus();
      pendingFocus.current = null;
    }
  }, [step]);

  const goTo = (i: number, focus = true) => {
    focusStep.current = focus;
    setSaved(null);
    setStep(i);
    setParams((p) => {
      p.set('step', profileSteps[i]!.id);
      return p;
    }, { replace: true });
  };

  const save = useSaveProfile(
    reportingTo(form, {
      onSuccess: () => {
        if (isLast) {
          setSaved('done');
          announce(t('web.profile.saved'));
        } else {
          announce(t('web.profile.saved'));
          goTo(step + 1);
          setSaved('step');
        }
      },
      onError: (e) => setSuggestions(suggestionsOf(e)),
    }),
  );

  // After a failed save, open the step with the first bad field unless the
  // current step has one; the summary lists them all.
  useEffect(() => {
    const names = Object.keys(form.fields);
    if (names.length === 0) return;
    const target = profileSteps.findIndex((s) => s.id === stepOf(names[0]!));
    if (target >= 0 && !names.some((n) => stepOf(n) === current.id)) {
      setStep(target);
    }
  }, [form.seq]); // only after each report

  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const err = (name: string) => form.fields[name];
  const stepErrors = (id: StepId) =>
    profileSteps.find((s) => s.id === id)!.fields.some((f) => errorsUnder(form.fields, f).length > 0);

  return (
    <Page
      title={t('web.profile.title')}
      lead={<p>{profile.updated_at ? t('web.profile.lead_saved', { Date: i18n.date(profile.updated_at) }) : t('web.profile.lead_new')}</p>}
    >
      <div className="wizard">
        <nav className="stepper" aria-label={t('web.profile.steps')}>
          <ol>
            {profileSteps.map((s, i) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="stepper__step"
                  aria-current={i === step ? 'step' : undefined}
                  onClick={() => goTo(i)}
                >
                  <span className="stepper__n" aria-hidden="true">
                    {i18n.int(i + 1)}
                  </span>
                  <span className="stepper__label">{t(stepTitle[s.id])}</span>
                  {stepErrors(s.id) && <span className="stepper__error">{t('web.profile.step_has_errors')}</span>}
                </button>
              </li>
            ))}
          </ol>
        </nav>

        <MutationForm
          className="form wizard__body"
          form={form}
          onSubmit={() => save.mutate(requestOf(draft))}
          onGoTo={(name) => {
            pendingFocus.current = name;
            goTo(profileSteps.findIndex((s) => s.id === stepOf(name)), false);
          }}
        >
          {saved === 'step' && !form.message && (
            <Notice tone="success">{t('web.profile.saved')}</Notice>
          )}
          {saved === 'done' && !form.message && (
            <Notice tone="success" title={t('web.profile.saved')}>
              <p>
                {draft.consent_share_with_applied ? t('web.profile.done_ready') : t('web.profile.done_no_consent')}
              </p>
              <p className="actions">
                <Link className="button button--primary" to="/roles">
                  {t('web.home.browse')}
                </Link>
                <Link className="button button--secondary" to="/applications">
                  {t('web.nav.applications')}
                </Link>
              </p>
            </Notice>
          )}

          <h2 className="wizard__title" tabIndex={-1} ref={stepHeading}>
            <span className="wizard__count">{t('web.profile.step_of', { N: i18n.int(step + 1), Total: i18n.int(profileSteps.length) })}</span>
            {t(stepTitle[current.id])}
          </h2>

          {current.id === 'about' && (
            <>
              <TextField name="name" label={t('web.account.name')} autoComplete="name" value={draft.name} onChange={(e) => set('name', e.target.value)} error={err('name')} />
              <SelectField
                name="indian_state"
                label={t('web.profile.indian_state')}
                optional={t('web.form.optional')}
                value={draft.indian_state}
                onChange={(e) => set('indian_state', e.target.value)}
                error={err('indian_state')}
                options={[{ value: '', label: t('web.form.choose') }, ...indianStateValues.map((v) => ({ value: v, label: label('state', v) }))]}
              />
              <TextField name="city" label={t('web.profile.city')} optional={t('web.form.optional')} autoComplete="address-level2" value={draft.city} onChange={(e) => set('city', e.target.value)} error={err('city')} />
              <TextField
                name="date_of_birth"
                type="date"
                label={t('web.profile.date_of_birth')}
                hint={t('web.profile.date_of_birth_hint')}
                optional={t('web.form.optional')}
                autoComplete="bday"
                value={draft.date_of_birth}
                onChange={(e) => set('date_of_birth', e.target.value)}
                error={err('date_of_birth')}
              />
            </>
          )}

          {current.id === 'education' && <EducationStep draft={draft} set={set} err={err} onAdd={() => (pendingFocus.current = null)} />}

          {current.id === 'skills' && <SkillsStep draft={draft} set={set} err={err} suggestions={suggestions} />}

          {current.id === 'languages' && (
            <>
              <SelectField
                name="jlpt_level"
                label={t('web.profile.jlpt')}
                hint={t('web.profile.jlpt_hint')}
                value={draft.jlpt_level}
                onChange={(e) => set('jlpt_level', e.target.value)}
                error={err('jlpt_level')}
                options={jLPTLevelValues.map((v) => ({ value: v, label: label('jlpt', v) }))}
              />
              <SelectField
                name="english_level"
                label={t('web.profile.english')}
                value={draft.english_level}
                onChange={(e) => set('english_level', e.target.value)}
                error={err('english_level')}
                options={englishLevelValues.map((v) => ({ value: v, label: label('english', v) }))}
              />
            </>
          )}

          {current.id === 'preferences' && (
            <>
              <CheckboxGroup
                name="wanted_role_types"
                legend={t('web.profile.wanted_types')}
                value={draft.wanted_role_types}
                onChange={(v) => set('wanted_role_types', v)}
                error={errorsUnder(form.fields, 'wanted_role_types')[0]}
                options={roleTypeValues.map((v) => ({ value: v, label: label('role_type', v) }))}
              />
              <div className="grid-2">
                <TextField name="earliest_start" type="date" label={t('web.profile.earliest_start')} optional={t('web.form.optional')} value={draft.earliest_start} onChange={(e) => set('earliest_start', e.target.value)} error={err('earliest_start')} />
                <TextField
                  name="salary_expectation_jpy"
                  type="number"
                  inputMode="numeric"
                  label={t('web.profile.salary')}
                  hint={t('web.profile.salary_hint')}
                  optional={t('web.form.optional')}
                  value={draft.salary_expectation_jpy}
                  onChange={(e) => set('salary_expectation_jpy', e.target.value)}
                  error={err('salary_expectation_jpy')}
                />
              </div>
              <CheckboxGroup
                name="preferred_prefectures"
                legend={t('web.profile.prefectures')}
                hint={t('web.profile.prefectures_hint')}
                columns
                value={draft.preferred_prefectures}
                onChange={(v) => set('preferred_prefectures', v)}
                error={errorsUnder(form.fields, 'preferred_prefectures')[0]}
                options={prefectureValues.map((v) => ({ value: v, label: label('prefecture', v) }))}
              />
              <CheckboxField name="remote_ok" label={t('web.profile.remote_ok')} checked={draft.remote_ok} onChange={(v) => set('remote_ok', v)} error={err('remote_ok')} />
            </>
          )}

          {current.id === 'consent' && (
            <>
              <p>{t('web.consent.intro')}</p>
              <CheckboxField
                name="consent_share_with_applied"
                label={t('web.consent.share_label')}
                checked={draft.consent_share_with_applied}
                onChange={(v) => set('consent_share_with_applied', v)}
                error={err('consent_share_with_applied')}
                hint={
                  <dl className="consent">
                    <dt>{t('web.consent.who')}</dt>
                    <dd>{t('web.consent.share_who')}</dd>
                    <dt>{t('web.consent.what')}</dt>
                    <dd>{t('web.consent.share_what')}</dd>
                    <dt>{t('web.consent.where')}</dt>
                    <dd>{t('web.consent.share_where')}</dd>
                    <dt>{t('web.consent.why')}</dt>
                    <dd>{t('web.consent.share_why')}</dd>
                    <dt>{t('web.consent.withdraw')}</dt>
                    <dd>{t('web.consent.share_withdraw')}</dd>
                  </dl>
                }
              />
              <CheckboxField
                name="consent_discoverable"
                label={t('web.consent.discoverable_label')}
                checked={draft.consent_discoverable}
                onChange={(v) => set('consent_discoverable', v)}
                error={err('consent_discoverable')}
                hint={<p>{t('web.consent.discoverable_hint')}</p>}
              />
              <p className="muted">{t('web.consent.private')}</p>
            </>
          )}

          <div className="wizard__nav">
            {step > 0 && (
              <button type="button" className="button button--quiet" onClick={() => goTo(step - 1)}>
                {t('web.profile.back')}
              </button>
            )}
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {save.isPending ? t('web.common.saving') : isLast ? t('web.profile.save') : t('web.profile.save_next')}
            </button>
          </div>
        </MutationForm>
      </div>
    </Page>
  );
}
