import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../../api/auth';
import { type RoleFilters, useRoleSearch } from '../../api/roles';
import { jLPTLevelValues, prefectureValues, roleTypeValues } from '../../api/schema.gen';
import { useAnnounce } from '../../components/Announcer';
import { LoadMore } from '../../components/LoadMore';
import { Page } from '../../components/Page';
import { RoleCard } from './RoleCard';
import { SaveSearch } from '../notifications/SaveSearch';
import { QueryView } from '../../components/QueryView';
import { fieldErrorsOf } from '../../forms/errors';
import { SelectField, TextField } from '../../forms/fields';
import { useI18n } from '../../i18n/I18nProvider';

const filterNames = ['q', 'type', 'skill', 'prefecture', 'remote', 'jlpt_max', 'min_salary'] as const;

function filtersOf(params: URLSearchParams): RoleFilters {
  const f: RoleFilters = {};
  for (const name of filterNames) {
    const v = params.get(name);
    if (v) f[name] = v;
  }
  return f;
}

/** Roles is the search of open roles; the filters live in the address, so a search can be shared. */
export default function Roles() {
  const i18n = useI18n();
  const { t, label, plural } = i18n;
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const [draft, setDraft] = useState<RoleFilters>(filters);
  const [showFilters, setShowFilters] = useState(false);
  const panelId = useId();
  useEffect(() => setDraft(filters), [filters]);
  const search = useRoleSearch(filters);
  const roles = useMemo(() => search.data?.pages.flatMap((p) => p.items) ?? [], [search.data]);
  const errors = fieldErrorsOf(search.error);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (search.isSuccess && !search.isFetching) announce(plural('web.roles.shown', roles.length));
  }, [search.isSuccess, search.isFetching, roles.length, announce, plural]);

  const set = (name: keyof RoleFilters) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setDraft((d) => ({ ...d, [name]: e.target.value }));
  const any = { value: '', label: t('web.roles.any') };
  const active = Object.keys(filters).length > 0;
  // Candidates may save the search in force to hear of new roles that match it.
  const candidate = useMe().data?.role === 'candidate';

  return (
    <Page wide title={t('web.roles.title')} lead={<p>{t('web.roles.lead')}</p>}>
      <div className="search-layout">
        <div className="search-layout__filters">
          <button
            type="button"
            className="button button--secondary filters-toggle"
            aria-expanded={showFilters}
            aria-controls={panelId}
            onClick={() => setShowFilters((s) => !s)}
          >
            {t('web.roles.filters')}
          </button>
          <form
            id={panelId}
            className="filters"
            data-open={showFilters}
            role="search"
            aria-label={t('web.roles.filters')}
            onSubmit={(e) => {
              e.preventDefault();
              const next = new URLSearchParams();
              for (const name of filterNames) {
                const v = draft[name]?.trim();
                if (v) next.set(name, v);
              }
              setParams(next);
            }}
          >
            <TextField name="q" label={t('web.roles.q')} hint={t('web.roles.q_hint')} value={draft.q ?? ''} onChange={set('q')} error={errors.q} type="search" />
            <SelectField
              name="type"
              label={t('web.roles.type')}
              value={draft.type ?? ''}
              onChange={set('type')}
              error={errors.type}
              options={[any, ...roleTypeValues.map((v) => ({ value: v, label: label('role_type', v) }))]}
            />
            <TextField name="skill" label={t('web.roles.skill')} hint={t('web.roles.skill_hint')} value={draft.skill ?? ''} onChange={set('skill')} error={errors.skill} autoCapitalize="none" spellCheck={false} />
            <SelectField
              name="prefecture"
              label={t('web.roles.prefecture')}
              value={draft.prefecture ?? ''}
              onChange={set('prefecture')}
              error={errors.prefecture}
              options={[any, ...prefectureValues.map((v) => ({ value: v, label: label('prefecture', v) }))]}
            />
            <SelectField
              name="remote"
              label={t('web.roles.remote')}
              value={draft.remote ?? ''}
              onChange={set('remote')}
              error={errors.remote}
              options={[any, { value: 'true', label: t('web.roles.remote_only') }, { value: 'false', label: t('web.roles.onsite_only') }]}
            />
            <SelectField
              name="jlpt_max"
              label={t('web.roles.jlpt_max')}
              hint={t('web.roles.jlpt_max_hint')}
              value={draft.jlpt_max ?? ''}
              onChange={set('jlpt_max')}
              error={errors.jlpt_max}
              options={[any, ...jLPTLevelValues.map((v) => ({ value: v, label: label('jlpt', v) }))]}
            />
            <TextField
              name="min_salary"
              label={t('web.roles.min_salary')}
              hint={t('web.roles.min_salary_hint')}
              value={draft.min_salary ?? ''}
              onChange={set('min_salary')}
              error={errors.min_salary}
              inputMode="numeric"
              pattern="[0-9]*"
            />
            <div className="actions">
              <button type="submit" className="button button--primary">
                {t('web.roles.search')}
              </button>
              {active && (
                <button type="button" className="button button--quiet" onClick={() => setParams(new URLSearchParams())}>
                  {t('web.roles.clear')}
                </button>
              )}
            </div>
          </form>
        </div>
        <div className="search-layout__results">
          {candidate && <SaveSearch key={params.toString()} filters={filters} />}
          <QueryView
            query={search}
            data={roles}
            noRetry
            isEmpty={(r) => r.length === 0}
            empty={<p>{active ? t('web.roles.none_filtered') : t('web.roles.none')}</p>}
          >
            {(found) => (
              <>
                <p className="result-count">{plural('web.roles.shown', found.length)}</p>
                <ul className="role-list" ref={listRef}>
                  {found.map((r) => (
                    <li key={r.id}>
                      <RoleCard role={r} />
                    </li>
                  ))}
                </ul>
                <LoadMore pager={search} count={found.length} listRef={listRef} itemSelector=".role-card__title a" />
              </>
            )}
          </QueryView>
        </div>
      </div>
    </Page>
  );
}
