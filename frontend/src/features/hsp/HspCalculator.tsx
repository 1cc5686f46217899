import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { hSPInputCategoryValues, hSPInputDegreeValues, hSPInputJlptValues } from '../../api/schema.gen';
import { useAnnounce } from '../../components/Announcer';
import { Page } from '../../components/Page';
import { Notice } from '../../components/Status';
import { CheckboxField, RadioGroup, SelectField, TextField } from '../../forms/fields';
import { MutationForm, reportingTo } from '../../forms/MutationForm';
import { useFormErrors } from '../../forms/useFormErrors';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18nProvider';
import { toInt } from '../profile/profileDraft';
import { Breakdown, PointsFigure, TableUsed, Verdicts } from './HspResultView';
import { type HSPResult, useAssessHSP } from '../../api/hsp';
import { RetryLater } from '../../api/client';

/** The calculator's form, as typed. */
export interface HspDraft {
  category: string;
  degree: string;
  multiple_degrees: boolean;
  experience_years: string;
  age: string;
  annual_salary_jpy: string;
  research_achievements: boolean;
  research_achievement_kinds: string;
  jica_training: boolean;
  qualifications: string;
  employer_innovation_support: boolean;
  employer_sme: boolean;
  sme_rd_over_3_percent: boolean;
  foreign_qualification: boolean;
  japanese_university_degree: boolean;
  jlpt: string;
  growth_field_project: boolean;
  top_university: boolean;
  university_top100_rankings: string;
  years_since_graduation: string;
  savings_jpy: string;
}

export const emptyHsp: HspDraft = {
  category: 'specialised_technical',
  degree: '',
  multiple_degrees: false,
  experience_years: '',
  age: '',
  annual_salary_jpy: '',
  research_achievements: false,
  research_achievement_kinds: '',
  jica_training: false,
  qualifications: '',
  employer_innovation_support: false,
  employer_sme: false,
  sme_rd_over_3_percent: false,
  foreign_qualification: false,
  japanese_university_degree: false,
  jlpt: 'none',
  growth_field_project: false,
  top_university: false,
  university_top100_rankings: '',
  years_since_graduation: '',
  savings_jpy: '',
};

/**
 * hspInputOf turns the form into the calculator's input: empty fields are
 * left out (the API names a missing degree, age or salary), unticked boxes
 * too (they count as false), and numbers typed wrongly are sent as typed so
 * that the API says, beside the field, what it must be.
 */
export function hspInputOf(d: HspDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(d)) {
    if (typeof value === 'boolean') {
      if (value) out[key] = true;
    } else if (key === 'category' || key === 'degree' || key === 'jlpt') {
      if (value) out[key] = value;
    } else {
      const n = toInt(value, null);
      if (n !== null) out[key] = n;
    }
  }
  return out;
}

/** HspCalculator is the public Highly Skilled Professional points calculator (no sign-in). */
export default function HspCalculator() {
  const { t, label, int } = useI18n();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<HspDraft>(emptyHsp);
  const [result, setResult] = useState<HSPResult | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const form = useFormErrors();
  const resultRef = useRef<HTMLHeadingElement>(null);
  const set = <K extends keyof HspDraft>(key: K, value: HspDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const err = (name: string) => form.fields[name];

  const waiting = Math.max(0, Math.ceil((waitUntil - now) / 1000));
  useEffect(() => {
    if (waitUntil <= Date.now()) return;
    const timer = window.setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= waitUntil) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [waitUntil]);

  const assess = useAssessHSP(
    reportingTo(form, {
      onSuccess: (r) => {
        setResult(r);
        announce(t('web.hsp.result_announce', { Points: int(r.points) }));
        window.setTimeout(() => resultRef.current?.focus(), 0);
      },
      onError: (e) => {
        if (e instanceof RetryLater) {
          setWaitUntil(Date.now() + e.retryAfter * 1000);
          setNow(Date.now());
        }
      },
    }),
  );

  const yesNo = (key: keyof HspDraft, msg: MessageKey, hint?: MessageKey) => (
    <CheckboxField
      name={key}
      label={t(msg)}
      hint={hint ? <p>{t(hint)}</p> : undefined}
      checked={draft[key] as boolean}
      onChange={(v) => set(key, v as never)}
      error={err(key)}
    />
  );

  return (
    <Page wide title={t('web.hsp.title')} lead={<p>{t('web.hsp.lead')}</p>}>
      <div className="hsp-layout">
        <MutationForm
          className="form"
          form={form}
          onSubmit={() => {
            if (waiting === 0) assess.mutate(hspInputOf(draft));
          }}
          summary={form.code === 'rate_limited' && waiting > 0 && <p>{t('web.hsp.wait', { Seconds: int(waiting) })}</p>}
        >
          <RadioGroup
            name="category"
            legend={t('web.hsp.category')}
            value={draft.category}
            onChange={(v) => set('category', v)}
            error={err('category')}
            options={hSPInputCategoryValues.map((v) => ({ value: v, label: t(`web.hsp.category_${v}` as MessageKey), hint: t(`web.hsp.category_${v}_hint` as MessageKey) }))}
          />
          <section className="section" aria-labelledby="hsp-you">
            <h2 id="hsp-you">{t('web.hsp.about_you')}</h2>
            <div className="grid-2">
              <TextField name="age" type="number" inputMode="numeric" label={t('web.hsp.age')} value={draft.age} onChange={(e) => set('age', e.target.value)} error={err('age')} />
              <SelectField
                name="degree"
                label={t('web.hsp.degree')}
                value={draft.degree}
                onChange={(e) => set('degree', e.target.value)}
                error={err('degree')}
                options={[{ value: '', label: t('web.form.choose') }, ...hSPInputDegreeValues.map((v) => ({ value: v, label: t(`web.hsp.degree_${v}` as MessageKey) }))]}
              />
              <TextField name="experience_years" type="number" inputMode="numeric" label={t('web.hsp.experience')} optional={t('web.form.optional')} value={draft.experience_years} onChange={(e) => set('experience_years', e.target.value)} error={err('experience_years')} />
              <SelectField
                name="jlpt"
                label={t('web.profile.jlpt')}
                value={draft.jlpt}
                onChange={(e) => set('jlpt', e.target.value)}
                error={err('jlpt')}
                options={[...hSPInputJlptValues].reverse().map((v) => ({ value: v, label: label('jlpt', v) }))}
              />
              <TextField name="qualifications" type="number" inputMode="numeric" label={t('web.hsp.qualifications')} optional={t('web.form.optional')} value={draft.qualifications} onChange={(e) => set('qualifications', e.target.value)} error={err('qualifications')} />
            </div>
            {yesNo('multiple_degrees', 'web.hsp.multiple_degrees')}
            {yesNo('research_achievements', 'web.hsp.research', 'web.hsp.research_hint')}
            <SelectField
              name="research_achievement_kinds"
              label={t('web.hsp.research_kinds')}
              hint={t('web.hsp.research_kinds_hint')}
              optional={t('web.form.optional')}
              value={draft.research_achievement_kinds}
              onChange={(e) => set('research_achievement_kinds', e.target.value)}
              error={err('research_achievement_kinds')}
              options={['', '0', '1', '2', '3', '4'].map((v) => ({ value: v, label: v === '' ? t('web.form.choose') : int(Number(v)) }))}
            />
            {yesNo('jica_training', 'web.hsp.jica')}
            {yesNo('foreign_qualification', 'web.hsp.foreign_qualification')}
            {yesNo('japanese_university_degree', 'web.hsp.japanese_university')}
            {yesNo('top_university', 'web.hsp.top_university')}
          </section>
          <section className="section" aria-labelledby="hsp-job">
            <h2 id="hsp-job">{t('web.hsp.about_job')}</h2>
            <TextField name="annual_salary_jpy" type="number" inputMode="numeric" label={t('web.hsp.salary')} hint={t('web.hsp.salary_hint')} value={draft.annual_salary_jpy} onChange={(e) => set('annual_salary_jpy', e.target.value)} error={err('annual_salary_jpy')} />
            {yesNo('employer_innovation_support', 'web.hsp.innovation')}
            {yesNo('employer_sme', 'web.hsp.sme')}
            {yesNo('sme_rd_over_3_percent', 'web.hsp.sme_rd')}
            {yesNo('growth_field_project', 'web.hsp.growth')}
          </section>
          <details className="disclosure">
            <summary>{t('web.hsp.jfind_title')}</summary>
            <p className="muted">{t('web.hsp.jfind_hint')}</p>
            <div className="grid-3">
              <SelectField
                name="university_top100_rankings"
                label={t('web.hsp.rankings')}
                value={draft.university_top100_rankings}
                onChange={(e) => set('university_top100_rankings', e.target.value)}
                error={err('university_top100_rankings')}
                options={['', '0', '1', '2', '3'].map((v) => ({ value: v, label: v === '' ? t('web.form.choose') : int(Number(v)) }))}
              />
              <TextField name="years_since_graduation" type="number" inputMode="numeric" label={t('web.hsp.years_since')} optional={t('web.form.optional')} value={draft.years_since_graduation} onChange={(e) => set('years_since_graduation', e.target.value)} error={err('years_since_graduation')} />
              <TextField name="savings_jpy" type="number" inputMode="numeric" label={t('web.hsp.savings')} optional={t('web.form.optional')} value={draft.savings_jpy} onChange={(e) => set('savings_jpy', e.target.value)} error={err('savings_jpy')} />
            </div>
          </details>
          <div className="form__submit">
            <button type="submit" className="button button--primary button--large" disabled={assess.isPending || waiting > 0} aria-describedby={waiting > 0 ? 'hsp-wait' : undefined}>
              {assess.isPending ? t('web.common.sending') : t('web.hsp.submit')}
            </button>
            {waiting > 0 && (
              <p id="hsp-wait" className="muted">
                {t('web.hsp.wait', { Seconds: int(waiting) })}
              </p>
            )}
          </div>
        </MutationForm>
        <section className="hsp-layout__result panel" aria-labelledby="hsp-result">
          <h2 id="hsp-result" tabIndex={-1} ref={resultRef} className="panel__title">
            {t('web.hsp.result_title')}
          </h2>
          {result ? (
            <>
              <PointsFigure result={result} />
              <Verdicts result={result} />
              <TableUsed result={result} />
              <Breakdown result={result} caption={t('web.hsp.breakdown')} />
              <details className="disclosure">
                <summary>{t('web.hsp.reasons')}</summary>
                <ul className="plain-list">
                  {result.reasons.map((r, i) => (
                    <li key={i}>{r}</li>
                  ))}
                </ul>
              </details>
            </>
          ) : (
            <p className="muted">{t('web.hsp.result_empty')}</p>
          )}
          <Notice>
            <p>{t('web.hsp.disclaimer')}</p>
            <p>
              <Link to="/roles">{t('web.home.browse')}</Link>
            </p>
          </Notice>
        </section>
      </div>
    </Page>
  );
}
