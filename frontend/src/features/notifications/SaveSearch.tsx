import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { client, unwrap } from '../../api/client';
import { searchFiltersOf, type Frequency } from '../../api/notifications';
import type { RoleFilters } from '../../api/queries';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { RadioGroup, TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { useAnnounce } from '../../components/Announcer';
import { useFiltersSummary } from './searchSummary';
import './saveSearch.css';

/** The longest name the API accepts for a saved search. */
const maxName = 100;

/**
 * SaveSearch is the role search's "Save this search" for candidates: a
 * button opening a small form (a name, written from the filters until
 * changed, and daily or weekly) that saves the filters in force.
 */
export function SaveSearch({ filters }: { filters: RoleFilters }) {
  const { t } = useI18n();
  const qc = useQueryClient();
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
  const save = useMutation({
    mutationFn: () => unwrap(client.POST('/api/v1/me/saved-searches', { body: { name: name.trim(), frequency, filters: typed } })),
    onSuccess: () => {
      form.clear();
      setOpen(false);
      setSaved(true);
      announce(t('web.save_search.saved'));
      void qc.invalidateQueries({ queryKey: ['saved-searches'] });
    },
    onError: form.report,
  });
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
        <form
          id={formId}
          className="subform save-search__form"
          noValidate
          aria-label={t('web.save_search.open')}
          onSubmit={(e) => {
            e.preventDefault();
            if (!save.isPending) save.mutate();
          }}
        >
          <p className="muted">{t('web.save_search.lead')}</p>
          <ErrorSummary form={form} />
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
        </form>
      )}
    </div>
  );
}
