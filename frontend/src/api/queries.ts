// TanStack Query hooks over the API. Keys start with the UI language where
// the answer is localized (labels, role text, error details), so switching
// language refetches exactly those.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/I18nProvider';
import { ApiError, client, unwrap } from './client';
import type { Application, Organization, Role, Stage, User } from './types';

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

/** useMe returns the signed-in user, or null for a visitor. */
export function useMe() {
  return useQuery<User | null>({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await unwrap(client.GET('/api/v1/me'));
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
  });
}

type Query = Record<string, string | number | boolean | undefined>;

function searchQuery(f: RoleFilters): Query {
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
    queryKey: ['roles', lang, filters, limit],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET('/api/v1/roles', {
          // The filters come from the URL; the API validates them and names any bad one.
          params: { query: { ...searchQuery(filters), limit, cursor: pageParam || undefined } as never },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor || undefined,
  });
}

/** useRole loads one role (404 for a draft the caller may not see). */
export function useRole(id: number | undefined) {
  const { lang } = useI18n();
  return useQuery<Role>({
    queryKey: ['role', lang, id],
    queryFn: () => unwrap(client.GET('/api/v1/roles/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined && id > 0,
  });
}

/** useMyApplications loads the candidate's applications (the newest 100). */
export function useMyApplications(enabled = true) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['my-applications', lang],
    queryFn: () => unwrap(client.GET('/api/v1/me/applications', { params: { query: { limit: 100 } } })),
    enabled,
  });
}

/** useApplication loads one application with its timeline. */
export function useApplication(id: number | undefined) {
  const { lang } = useI18n();
  return useQuery<Application>({
    queryKey: ['application', lang, id],
    queryFn: () => unwrap(client.GET('/api/v1/applications/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined && id > 0,
  });
}

/** useMyOrganizations loads the organisations the user belongs to. */
export function useMyOrganizations(enabled = true) {
  const { lang } = useI18n();
  return useQuery<Organization[]>({
    queryKey: ['my-organizations', lang],
    queryFn: async () => (await unwrap(client.GET('/api/v1/me/organizations'))).items,
    enabled,
  });
}

/** useOrganizationRoles pages through an organisation's roles (drafts included for its members). */
export function useOrganizationRoles(orgId: number | undefined) {
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: ['organization-roles', lang, orgId],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET('/api/v1/organizations/{id}/roles', {
          params: { path: { id: orgId! }, query: { limit: 50, cursor: pageParam || undefined } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor || undefined,
    enabled: orgId !== undefined,
  });
}

/** useRoleApplications pages through a role's applications, optionally in one stage. */
export function useRoleApplications(roleId: number | undefined, stage: Stage | undefined) {
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: ['role-applications', lang, roleId, stage ?? ''],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET('/api/v1/roles/{id}/applications', {
          params: { path: { id: roleId! }, query: { limit: pageSize, stage, cursor: pageParam || undefined } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor || undefined,
    enabled: roleId !== undefined,
  });
}

/** usePlacement loads an application's placement; null when none is recorded. */
export function usePlacement(applicationId: number | undefined, enabled: boolean) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['placement', lang, applicationId],
    queryFn: async () => {
      try {
        return await unwrap(client.GET('/api/v1/applications/{id}/placement', { params: { path: { id: applicationId! } } }));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    enabled: enabled && applicationId !== undefined,
  });
}

/** useUnverifiedOrganizations pages through organisations awaiting verification (administrators). */
export function useUnverifiedOrganizations() {
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: ['organizations', lang, 'unverified'],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET('/api/v1/organizations', {
          params: { query: { verified: false, limit: 50, cursor: pageParam || undefined } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor || undefined,
  });
}
