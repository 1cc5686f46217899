import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { type Frequency, searchFiltersOf, useSaveSearch } from '../../api/savedSearches';
import type { RoleFilters } from '../../api/roles';
import { RadioGroup, TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { useAnnounce } from '../../components/Announcer';
import { useFiltersSummary } from './searchSummary';
import './saveSearch.css';
import { MutationForm, reportingTo } from '../../forms/MutationForm';

/** The longest name the API accepts for a saved search. */
const maxName = 100;

/**
 * SaveSearch is the role search's "Save this search" for candidates: a
 * button opening a small form (a name, written from the filters until
 * changed, and daily or weekly) that saves the filters in force.
 */
export function SaveSearch({ filters }: { filters: RoleFilters }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const summary = useFiltersSummary();
  const typed = useMemo(() => searchFiltersOf(filters), [filters]);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [frequency, setFrequency] = useState<Frequency>('daily');
  const [saved, setSaved] = useState(false);
  const form = useFormErrors();
  const formId = useId();
  const done = useRef<HTMLDivElement>(null);
  const save = useSaveSearch(
    reportingTo(form, {
      onSuccess: () => {
        setOpen(false);
        setSaved(true);
        announce(t('web.save_search.saved'));
      },
    }),
  );
  useEffect(() => {
    if (saved) done.current?.focus();
  }, [saved]);

  if (saved) {
    return (
      <div className="notice notice--success save-search" ref={done} tabIndex={-1}>
        <p>{t('web.save_search.saved')}</p>
        <p>
          <Link to="/account/searches">{t('web.save_search.see_all')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="save-search">
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        onClick={() => {
          if (!open) setName(summary(typed).slice(0, maxName));
          form.clear();
          setOpen((o) => !o);
        }}
      >
        {t('web.save_search.open')}
      </button>
      {open && (
        <MutationForm
          id={formId}
          className="subform save-search__form"
          aria-label={t('web.save_search.open')}
          form={form}
          onSubmit={() => {
            if (!save.isPending) save.mutate({ name: name.trim(), frequency, filters: typed });
          }}
          before={<p className="muted">{t('web.save_search.lead')}</p>}
        >
          <TextField
            name="name"
            label={t('web.save_search.name')}
            hint={t('web.save_search.name_hint')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={form.fields.name}
            maxLength={maxName}
            required
            autoFocus
          />
          <RadioGroup
            name="frequency"
            legend={t('web.save_search.frequency')}
            value={frequency}
            onChange={(v) => setFrequency(v as Frequency)}
            error={form.fields.frequency}
            options={[
              { value: 'daily', label: t('web.save_search.daily') },
              { value: 'weekly', label: t('web.save_search.weekly') },
            ]}
          />
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? t('web.common.saving') : t('web.save_search.submit')}
          </button>
        </MutationForm>
      )}
    </div>
  );
}
