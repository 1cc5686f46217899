import { useState } from 'react';
import { useMakeOffer } from '../../api/offers';
import { roleTypeValues, visaStatusValues } from '../../api/schema.gen';
import type { Application, Offer, RoleType } from '../../api/types';
import { useAnnounce } from '../../components/Announcer';
import { CheckboxField, SelectField, TextArea, TextField } from '../../forms/fields';
import { MutationForm, reportingTo } from '../../forms/MutationForm';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { type OfferDraft, offerDraft, offerRequestOf, type OrganizationOffer } from './offerLogic';

const titles = { make: 'web.offer.make_title', terms: 'web.offer.terms_title', revise: 'web.offer.revise_title' } as const;
const bodies = { make: 'web.offer.make_body', terms: 'web.offer.terms_body', revise: 'web.offer.revise_body' } as const;

/**
 * OfferForm is the organisation's offer with its terms: the first offer,
 * the terms of a matching round's offer, or a revision (starting from the
 * latest one). The API checks every term, the planned status of residence
 * against the kind, pay and term too, and names each bad field.
 */
export function OfferForm(props: { app: Application; mode: Exclude<OrganizationOffer, null>; from?: Offer; onClose: () => void }) {
  const { app, mode, from, onClose } = props;
  const { t, label } = useI18n();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<OfferDraft>(() => offerDraft(app.role?.type ?? 'job', from));
  const set = <K extends keyof OfferDraft>(key: K, value: OfferDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const form = useFormErrors();
  const err = (name: string) => form.fields[name];
  const make = useMakeOffer(
    app.id,
    reportingTo(form, {
      onSuccess: () => {
        announce(t(mode === 'revise' ? 'web.offer.revised' : 'web.offer.sent'));
        onClose();
      },
    }),
  );
  return (
    <MutationForm
      className="stack offer-form"
      aria-labelledby="offer-form-title"
      form={form}
      onSubmit={() => make.mutate(offerRequestOf(draft))}
      before={
        <>
          <h3 id="offer-form-title">{t(titles[mode])}</h3>
          <p>{t(bodies[mode])}</p>
        </>
      }
    >
      <div className="grid-2">
        <SelectField
          name="kind"
          label={t('web.offer.kind')}
          value={draft.kind}
          onChange={(e) => set('kind', e.target.value as RoleType)}
          error={err('kind')}
          options={roleTypeValues.map((v) => ({ value: v, label: label('role_type', v) }))}
        />
        <TextField name="annual_salary_jpy" inputMode="numeric" label={t('web.offer.salary')} hint={t('web.offer.salary_hint')} value={draft.annual_salary_jpy} onChange={(e) => set('annual_salary_jpy', e.target.value)} error={err('annual_salary_jpy')} />
        <TextField name="start_date" type="date" label={t('web.offer.start')} value={draft.start_date} onChange={(e) => set('start_date', e.target.value)} error={err('start_date')} />
        <TextField name="term_months" inputMode="numeric" label={t('web.offer.term_months')} optional={t('web.form.optional')} hint={t('web.offer.term_hint')} value={draft.term_months} onChange={(e) => set('term_months', e.target.value)} error={err('term_months')} />
      </div>
      <SelectField
        name="planned_status"
        label={t('web.offer.status')}
        hint={t('web.offer.status_hint')}
        value={draft.planned_status}
        onChange={(e) => set('planned_status', e.target.value)}
        error={err('planned_status')}
        options={[{ value: '', label: t('web.form.choose') }, ...visaStatusValues.map((v) => ({ value: v, label: label('visa', v) }))]}
      />
      {draft.kind === 'internship' && (
        <CheckboxField
          name="university_agreement"
          label={t('web.offer.agreement')}
          hint={<p>{t('web.offer.agreement_hint')}</p>}
          checked={draft.university_agreement}
          onChange={(v) => set('university_agreement', v)}
          error={err('university_agreement')}
        />
      )}
      <TextField name="respond_by" type="date" label={t('web.offer.respond_by')} hint={t('web.offer.respond_by_hint')} value={draft.respond_by} onChange={(e) => set('respond_by', e.target.value)} error={err('respond_by')} />
      <p className="field__hint">{t('web.offer.text_hint')}</p>
      <div className="grid-2">
        <TextArea name="text_en" lang="en" label={t('web.offer.text_en')} value={draft.text_en} onChange={(e) => set('text_en', e.target.value)} error={err('text_en')} rows={6} maxLength={10000} />
        <TextArea name="text_ja" lang="ja" label={t('web.offer.text_ja')} value={draft.text_ja} onChange={(e) => set('text_ja', e.target.value)} error={err('text_ja')} rows={6} maxLength={10000} />
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={make.isPending}>
          {make.isPending ? t('web.common.sending') : t(mode === 'revise' ? 'web.offer.send_revision' : 'web.offer.send')}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('web.common.cancel')}
        </button>
      </div>
    </MutationForm>
  );
}
