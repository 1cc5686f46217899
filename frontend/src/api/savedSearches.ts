// Saved role searches: the candidate's list, saving the search in force,
// deleting one, and their filters to and from the role search's address.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { client, type Handlers, type Schemas, unwrap } from './client';
import { keys } from './keys';
import { nextCursor, pageSize, type RoleFilters, typedFilters } from './roles';

export type SearchFilters = Schemas['SearchFilters'];
export type SavedSearch = Schemas['SavedSearch'];
export type Frequency = SavedSearch['frequency'];
export type SavedSearchRequest = Schemas['SavedSearchRequest'];

/** useSavedSearches pages through the candidate's saved role searches, newest first. */
export function useSavedSearches() {
  return useInfiniteQuery({
    queryKey: keys.savedSearches,
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(client.GET('/api/v1/me/saved-searches', { params: { query: { limit: pageSize, cursor: pageParam || undefined } } })),
    getNextPageParam: nextCursor,
    staleTime: 0,
  });
}

/** searchFiltersOf turns the role search's filters (strings from the address) into a saved search's typed filters. */
export function searchFiltersOf(f: RoleFilters): SearchFilters {
  return typedFilters(f) as SearchFilters;
}

/** rolesSearchOf writes saved filters as the query string the role search page reads (/roles?…). */
export function rolesSearchOf(f: SearchFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  return params.toString();
}

/** useSaveSearch saves a role search; the candidate hears of new roles that match it. */
export function useSaveSearch(h: Handlers<SavedSearch, SavedSearchRequest> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SavedSearchRequest) => unwrap(client.POST('/api/v1/me/saved-searches', { body })),
    onSuccess: (s, v) => {
      const out = h.onSuccess?.(s, v);
      void qc.invalidateQueries({ queryKey: keys.savedSearches });
      return out;
    },
    onError: h.onError,
  });
}

/** useDeleteSavedSearch deletes one saved search. */
export function useDeleteSavedSearch(id: number, h: Handlers<unknown> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.DELETE('/api/v1/me/saved-searches/{id}', { params: { path: { id } } })),
    onSuccess: (r, v) => {
      const out = h.onSuccess?.(r, v);
      void qc.invalidateQueries({ queryKey: keys.savedSearches });
      return out;
    },
    onError: h.onError,
  });
}
