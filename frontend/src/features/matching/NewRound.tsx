import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useRoleSearch } from '../../api/roles';
import type { Role } from '../../api/types';
import { useAnnounce } from '../../components/Announcer';
import { Page } from '../../components/Page';
import { RequireAccount } from '../account/RequireAccount';
import { orgName } from '../roles/roleText';
import { QueryView } from '../../components/QueryView';
import { errorsUnder, fieldId } from '../../forms/errors';
import { TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { useCreateRound } from '../../api/rounds';
import { MutationForm } from '../../forms/MutationForm';

/** localInput writes an instant as a datetime-local value (the reader's time zone, to the minute). */
export function localInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** deadlineOf turns a datetime-local value into RFC 3339 (what was typed, if it is no date). */
export function deadlineOf(value: string): string {
  const d = new Date(value);
  return value && !Number.isNaN(d.getTime()) ? d.toISOString() : value;
}

/** NewRound lets an administrator draft a matching round: a name, a deadline for rank lists, open roles. */
export default function NewRound() {
  return <RequireAccount kinds={['admin']}>{() => <RoundForm />}</RequireAccount>;
}

function RoundForm() {
  const i18n = useI18n();
  const { t, plural, label } = i18n;
  const navigate = useNavigate();
  const announce = useAnnounce();
  const form = useFormErrors();
  const [name, setName] = useState('');
  const [deadline, setDeadline] = useState(() => localInput(new Date(Date.now() + 14 * 86_400_000)));
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Map<number, Role>>(new Map());
  const filters = useMemo(() => (query ? { q: query } : {}), [query]);
  const search = useRoleSearch(filters, 20);
  const found = search.data?.pages.flatMap((p) => p.items) ?? [];
  const create = useCreateRound({
    onSuccess: (r) => {
      announce(t('web.rounds.created'));
      navigate(`/rounds/${r.id}`);
    },
    onError: form.report,
  });
  const toggle = (role: Role, on: boolean) =>
    setChosen((m) => {
      const next = new Map(m);
      if (on) next.set(role.id, role);
      else next.delete(role.id);
      return next;
    });
  const roleErrors = errorsUnder(form.fields, 'role_ids');
  const rolesId = fieldId('role_ids');
  return (
    <Page title={t('web.rounds.new_title')} lead={<p>{t('web.rounds.new_lead')}</p>}>
      <MutationForm
        className="form"
        form={form}
        onSubmit={() => create.mutate({ name, role_ids: [...chosen.keys()], ranking_deadline: deadlineOf(deadline) })}
      >
        <TextField name="name" label={t('web.rounds.name')} value={name} onChange={(e) => setName(e.target.value)} error={form.fields.name} maxLength={200} />
        <TextField
          name="ranking_deadline"
          type="datetime-local"
          label={t('web.rounds.deadline')}
          hint={t('web.rounds.deadline_hint')}
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
          error={form.fields.ranking_deadline}
        />
        <fieldset className={`fieldset${roleErrors.length ? ' field--error' : ''}`} id={rolesId} tabIndex={-1} aria-describedby={roleErrors.length ? `${rolesId}-error` : undefined}>
          <legend className="field__label" data-label-for={rolesId}>
            {t('web.rounds.roles_title')}
          </legend>
          {roleErrors.length > 0 && (
            <p id={`${rolesId}-error`} className="field__error">
              {roleErrors.join(' ')}
            </p>
          )}
          <p className="field__hint" role="status">
            {plural('web.rounds.chosen', chosen.size)}
          </p>
          {chosen.size > 0 && (
            <ul className="chips">
              {[...chosen.values()].map((r) => (
                <li key={r.id} className="chip chip--removable">
                  <span lang={r.display.language}>{r.display.title}</span>
                  <button type="button" className="chip__remove" aria-label={t('web.rank.remove_named', { Name: r.display.title })} onClick={() => toggle(r, false)}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="search-inline">
            <TextField
              name="role_search"
              type="search"
              label={t('web.rounds.find_roles')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  setQuery(q.trim());
                }
              }}
            />
            <button type="button" className="button button--secondary" onClick={() => setQuery(q.trim())}>
              {t('web.roles.search')}
            </button>
          </div>
          <QueryView query={search} data={found}>
            {(roles) => (
              <ul className="choices pick-list">
                {roles.map((r) => {
                  const id = `pick-role-${r.id}`;
                  return (
                    <li className="check__row" key={r.id}>
                      <input type="checkbox" id={id} checked={chosen.has(r.id)} onChange={(e) => toggle(r, e.target.checked)} />
                      <label htmlFor={id}>
                        <span lang={r.display.language}>{r.display.title}</span>
                        <span className="muted">
                          {' '}
                          · {r.organization ? orgName(i18n, r.organization) : ''} · {label('role_type', r.type)}
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            )}
          </QueryView>
          {search.hasNextPage && (
            <button type="button" className="button button--quiet" disabled={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
              {t('web.roles.more')}
            </button>
          )}
        </fieldset>
        <div className="form__submit">
          <button type="submit" className="button button--primary button--large" disabled={create.isPending}>
            {create.isPending ? t('web.common.saving') : t('web.rounds.create')}
          </button>
        </div>
      </MutationForm>
    </Page>
  );
}
