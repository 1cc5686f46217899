// A saved search's filters in words ("“vision” · Job · Tokyo · Japanese up to
// N3"), for its default name and the list of saved searches.
import { useCallback } from 'react';
import type { SearchFilters } from '../../api/savedSearches';
import { useI18n } from '../../i18n/I18nProvider';

/** useFiltersSummary returns a function writing filters in the reader's language ("All open roles" for none). */
export function useFiltersSummary(): (f: SearchFilters) => string {
  const { t, label, yen } = useI18n();
  return useCallback(
    (f: SearchFilters) => {
      const parts: string[] = [];
      if (f.q) parts.push(t('web.save_search.sum_q', { Q: f.q }));
      if (f.type) parts.push(label('role_type', f.type));
      if (f.skill) parts.push(t('web.save_search.sum_skill', { Skill: f.skill }));
      if (f.prefecture) parts.push(label('prefecture', f.prefecture));
      if (f.remote !== undefined) parts.push(f.remote ? t('web.roles.remote_only') : t('web.roles.onsite_only'));
      if (f.jlpt_max) parts.push(t('web.save_search.sum_jlpt', { Level: label('jlpt', f.jlpt_max) }));
      if (f.min_salary !== undefined) parts.push(t('web.save_search.sum_salary', { Salary: yen(f.min_salary) }));
      return parts.length > 0 ? parts.join(' · ') : t('web.save_search.all_roles');
    },
    [t, label, yen],
  );
}
