import { Link } from 'react-router';
import { rolesSearchOf, type SavedSearch, useDeleteSavedSearch } from '../../api/savedSearches';
import { useAnnounce } from '../../components/Announcer';
import { useFiltersSummary } from './searchSummary';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { Confirm } from '../../components/Confirm';

/** SavedSearchRow is one saved search: its name, how often it runs, its filters, and "Show roles" and Delete. */
export function SavedSearchRow({ search: s }: { search: SavedSearch }) {
  const { t, date, dateTime } = useI18n();
  const announce = useAnnounce();
  const summary = useFiltersSummary();
  const form = useFormErrors();
  const titleId = `search-${s.id}`;
  const remove = useDeleteSavedSearch(s.id, {
    onSuccess: () => announce(t('web.saved_searches.deleted', { Name: s.name })),
    onError: form.report,
  });
  const query = rolesSearchOf(s.filters);
  return (
    <article className="row-card" aria-labelledby={titleId}>
      <div className="row-card__main">
        <h2 className="row-card__title" id={titleId} tabIndex={-1}>
          {s.name}
        </h2>
        <p className="row-card__sub">{s.frequency === 'weekly' ? t('web.saved_searches.weekly') : t('web.saved_searches.daily')}</p>
        {/* A name written from the filters says them already. */}
        {summary(s.filters) !== s.name && (
          <p>
            <span className="visually-hidden">{t('web.saved_searches.filters')}: </span>
            {summary(s.filters)}
          </p>
        )}
        <p className="row-card__meta">
          {s.last_run_at ? t('web.saved_searches.last_run', { Time: dateTime(s.last_run_at) }) : t('web.saved_searches.never_run')}
          {' · '}
          {t('web.saved_searches.saved_on', { Date: date(s.created_at) })}
        </p>
        <ErrorSummary form={form} />
      </div>
      <div className="row-card__side actions">
        <Link to={query ? `/roles?${query}` : '/roles'} className="button button--secondary" aria-label={t('web.saved_searches.show_named', { Name: s.name })}>
          {t('web.saved_searches.show')}
        </Link>
        <Confirm
          label={t('web.saved_searches.delete')}
          ariaLabel={t('web.saved_searches.delete_named', { Name: s.name })}
          question={t('web.saved_searches.delete_confirm', { Name: s.name })}
          yes={t('web.saved_searches.delete_yes')}
          pending={remove.isPending}
          onYes={() => remove.mutateAsync()}
          triggerClass="button--quiet"
          danger
        />
      </div>
    </article>
  );
}
