import { useState } from 'react';
import { type GoalDefinition, useGoalDefinition, useSaveGoalDefinition } from '../../api/dashboard';
import { roleTypeValues } from '../../api/schema.gen';
import { useAnnounce } from '../../components/Announcer';
import { QueryView } from '../../components/QueryView';
import { Notice } from '../../components/Status';
import { errorsUnder } from '../../forms/errors';
import { CheckboxGroup, TextField } from '../../forms/fields';
import { MutationForm } from '../../forms/MutationForm';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';

/** GoalDefinitionForm lets administrators change what the goal counts. */
export function GoalDefinitionForm() {
  const { t } = useI18n();
  const def = useGoalDefinition();
  return (
    <section className="section panel" aria-labelledby="goal-def-title">
      <h2 id="goal-def-title" className="panel__title">
        {t('web.dashboard.definition_title')}
      </h2>
      <p className="muted">{t('web.dashboard.definition_lead')}</p>
      <QueryView query={def}>{(d) => <GoalDefinitionEditor def={d} />}</QueryView>
    </section>
  );
}

function GoalDefinitionEditor({ def }: { def: GoalDefinition }) {
  const { t, label, dateTime } = useI18n();
  const announce = useAnnounce();
  const form = useFormErrors();
  const [draft, setDraft] = useState({
    target: String(def.target),
    window_start: def.window_start,
    deadline: def.deadline,
    counted_types: [...def.counted_types] as string[],
  });
  const [saved, setSaved] = useState(false);
  const save = useSaveGoalDefinition({
    onSuccess: () => {
      form.clear();
      setSaved(true);
      announce(t('web.dashboard.definition_saved'));
    },
    onError: (e) => {
      setSaved(false);
      form.report(e);
    },
  });
  return (
    <MutationForm
      className="form"
      form={form}
      onSubmit={() => {
        const n = Number(draft.target.trim());
        save.mutate({
          target: (Number.isInteger(n) && draft.target.trim() !== '' ? n : draft.target) as number,
          window_start: draft.window_start,
          deadline: draft.deadline,
          counted_types: draft.counted_types as GoalDefinition['counted_types'],
        });
      }}
    >
      {saved && !form.message && <Notice tone="success">{t('web.dashboard.definition_saved')}</Notice>}
      <div className="grid-3">
        <TextField name="target" type="number" inputMode="numeric" label={t('dashboard.figure.target')} value={draft.target} onChange={(e) => setDraft((d) => ({ ...d, target: e.target.value }))} error={form.fields.target} />
        <TextField name="window_start" type="date" label={t('dashboard.figure.window_start')} value={draft.window_start} onChange={(e) => setDraft((d) => ({ ...d, window_start: e.target.value }))} error={form.fields.window_start} />
        <TextField name="deadline" type="date" label={t('dashboard.figure.deadline')} value={draft.deadline} onChange={(e) => setDraft((d) => ({ ...d, deadline: e.target.value }))} error={form.fields.deadline} />
      </div>
      <CheckboxGroup
        name="counted_types"
        legend={t('dashboard.figure.counted_types')}
        value={draft.counted_types}
        onChange={(v) => setDraft((d) => ({ ...d, counted_types: v }))}
        error={errorsUnder(form.fields, 'counted_types')[0]}
        options={roleTypeValues.map((v) => ({ value: v, label: label('role_type', v) }))}
      />
      {def.updated_at && <p className="muted">{t('web.dashboard.definition_changed', { Date: dateTime(def.updated_at) })}</p>}
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {save.isPending ? t('web.common.saving') : t('web.dashboard.definition_save')}
      </button>
    </MutationForm>
  );
}
