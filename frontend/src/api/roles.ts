// Roles (job posts): the search, one role, several by id, and what an
// organisation member does with one (create, edit, publish, close).
import { type QueryClient, useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/I18nProvider';
import { client, type Handlers, unwrap } from './client';
import { keys } from './keys';
import type { Role, RoleCreateRequest, RolePatch } from './types';

/** The filters of the role search (GET /api/v1/roles), as strings from the URL. */
export interface RoleFilters {
  q?: string;
  type?: string;
  skill?: string;
  prefecture?: string;
  remote?: string;
  jlpt_max?: string;
  min_salary?: string;
}

export const pageSize = 20;

/** nextCursor is where the next page of a list starts (undefined at the end). */
export const nextCursor = (last: { next_cursor?: string }) => last.next_cursor || undefined;

type Query = Record<string, string | number | boolean | undefined>;

/** typedFilters turns the search's filters (strings from the address) into the API's types; empty ones are left out. */
export function typedFilters(f: RoleFilters): Query {
  const q: Query = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === '') continue;
    q[k] = k === 'remote' ? v === 'true' : k === 'min_salary' ? Number(v) : v;
  }
  return q;
}

/** useRoleSearch pages through open roles matching the filters. */
export function useRoleSearch(filters: RoleFilters, limit = pageSize) {
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: keys.roles.search(lang, filters, limit),
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET('/api/v1/roles', {
          // The filters come from the URL; the API validates them and names any bad one.
          params: { query: { ...typedFilters(filters), limit, cursor: pageParam || undefined } as never },
        }),
      ),
    getNextPageParam: nextCursor,
  });
}

const getRole = (id: number) => unwrap(client.GET('/api/v1/roles/{id}', { params: { path: { id } } }));

/** useRole loads one role (404 for a draft the caller may not see). */
export function useRole(id: number | undefined) {
  const { lang } = useI18n();
  return useQuery<Role>({
    queryKey: keys.role.one(lang, id),
    queryFn: () => getRole(id!),
    enabled: id !== undefined && id > 0,
  });
}

/** useRolesById loads roles by id (each cached on its own, as useRole does). */
export function useRolesById(ids: readonly number[]): Map<number, Role> {
  const { lang } = useI18n();
  const results = useQueries({
    queries: ids.map((id) => ({ queryKey: keys.role.one(lang, id), queryFn: () => getRole(id), staleTime: 60_000 })),
  });
  const out = new Map<number, Role>();
  results.forEach((r) => {
    if (r.data) out.set(r.data.id, r.data);
  });
  return out;
}

/** rolesChanged refreshes every list and page that shows roles. */
function rolesChanged(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: keys.role.all });
  void qc.invalidateQueries({ queryKey: keys.organizationRoles.all });
  void qc.invalidateQueries({ queryKey: keys.roles.all });
}

/** useSaveRole creates a role in an organisation (as a draft) or changes an existing one. */
export function useSaveRole(target: { roleId: number } | { orgId: number }, h: Handlers<Role, RolePatch> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (content: RolePatch) =>
      'roleId' in target
        ? unwrap(client.PATCH('/api/v1/roles/{id}', { params: { path: { id: target.roleId } }, body: content }))
        : unwrap(client.POST('/api/v1/roles', { body: { organization_id: target.orgId, ...content } as RoleCreateRequest })),
    onSuccess: (r, v) => {
      rolesChanged(qc);
      return h.onSuccess?.(r, v);
    },
    onError: h.onError,
  });
}

/** useRoleStatus publishes or closes a role. */
export function useRoleStatus(roleId: number, h: Handlers<Role, 'publish' | 'close'> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: 'publish' | 'close') =>
      unwrap(
        action === 'publish'
          ? client.POST('/api/v1/roles/{id}/publish', { params: { path: { id: roleId } } })
          : client.POST('/api/v1/roles/{id}/close', { params: { path: { id: roleId } } }),
      ),
    onSuccess: (r, v) => {
      rolesChanged(qc);
      return h.onSuccess?.(r, v);
    },
    onError: h.onError,
  });
}
