// Organisations: the user's own, their roles, registering one, and the
// administrators' verification of new ones.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/I18nProvider';
import { client, type Handlers, unwrap } from './client';
import { keys } from './keys';
import { nextCursor } from './roles';
import type { Organization, OrganizationRequest } from './types';

/** useMyOrganizations loads the organisations the user belongs to. */
export function useMyOrganizations(enabled = true) {
  const { lang } = useI18n();
  return useQuery<Organization[]>({
    queryKey: keys.myOrganizations.list(lang),
    queryFn: async () => (await unwrap(client.GET('/api/v1/me/organizations'))).items,
    enabled,
  });
}

const rolesPage = (orgId: number, cursor: string | undefined) =>
  unwrap(client.GET('/api/v1/organizations/{id}/roles', { params: { path: { id: orgId }, query: { limit: 50, cursor } } }));

/** useOrganizationRoles pages through an organisation's roles (drafts included for its members). */
export function useOrganizationRoles(orgId: number | undefined) {
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: keys.organizationRoles.list(lang, orgId),
    initialPageParam: '',
    queryFn: ({ pageParam }) => rolesPage(orgId!, pageParam || undefined),
    getNextPageParam: nextCursor,
    enabled: orgId !== undefined,
  });
}

/** useOwnRoleIds returns the ids of the roles of the user's organisations (up to 1,000 each). */
export function useOwnRoleIds() {
  const orgs = useMyOrganizations();
  return useQuery({
    queryKey: keys.ownRoleIds(orgs.data?.map((o) => o.id)),
    enabled: orgs.data !== undefined,
    queryFn: async () => {
      const ids = new Set<number>();
      for (const org of orgs.data ?? []) {
        let cursor: string | undefined;
        for (let page = 0; page < 20; page++) {
          const p = await rolesPage(org.id, cursor);
          p.items.forEach((r) => ids.add(r.id));
          if (!p.next_cursor) break;
          cursor = p.next_cursor;
        }
      }
      return ids;
    },
  });
}

/** useUnverifiedOrganizations pages through organisations awaiting verification (administrators). */
export function useUnverifiedOrganizations() {
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: keys.organizations.unverified(lang),
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(client.GET('/api/v1/organizations', { params: { query: { verified: false, limit: 50, cursor: pageParam || undefined } } })),
    getNextPageParam: nextCursor,
  });
}

/** useCreateOrganization registers an organisation (verified later by an administrator). */
export function useCreateOrganization(h: Handlers<Organization, OrganizationRequest> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationRequest) => unwrap(client.POST('/api/v1/organizations', { body })),
    onSuccess: (o, v) => {
      void qc.invalidateQueries({ queryKey: keys.myOrganizations.all });
      return h.onSuccess?.(o, v);
    },
    onError: h.onError,
  });
}

/** useVerifyOrganization marks an organisation verified (administrators). */
export function useVerifyOrganization(id: number, h: Handlers<Organization> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.POST('/api/v1/organizations/{id}/verify', { params: { path: { id } } })),
    onSuccess: (o, v) => {
      void qc.invalidateQueries({ queryKey: keys.organizations.all });
      return h.onSuccess?.(o, v);
    },
    onError: h.onError,
  });
}
