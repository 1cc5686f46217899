// The administrators' own calls: accounts and the audit log.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/I18nProvider';
import { client, type Handlers, type Schemas, unwrap } from './client';
import { keys } from './keys';
import { nextCursor } from './roles';

export type AdminUser = Schemas['AdminUser'];
export type AuditEvent = Schemas['AuditEvent'];

/** useAdminUsers pages through accounts, or finds the one with an e-mail address. */
export function useAdminUsers(email: string) {
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: keys.adminUsers.list(lang, email),
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(client.GET('/api/v1/admin/users', { params: { query: { limit: 20, cursor: pageParam || undefined, email: email || undefined } } })),
    getNextPageParam: nextCursor,
  });
}

/** useAuditLog pages through the audit log, newest first. */
export function useAuditLog() {
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: keys.audit(lang),
    initialPageParam: '',
    queryFn: ({ pageParam }) => unwrap(client.GET('/api/v1/admin/audit', { params: { query: { limit: 50, cursor: pageParam || undefined } } })),
    getNextPageParam: nextCursor,
    staleTime: 0,
  });
}

/** useToggleUser disables an enabled account or enables a disabled one. */
export function useToggleUser(user: AdminUser, h: Handlers<AdminUser> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => {
      const path = { params: { path: { id: user.id } } };
      return unwrap(user.disabled ? client.POST('/api/v1/admin/users/{id}/enable', path) : client.POST('/api/v1/admin/users/{id}/disable', path));
    },
    onSuccess: (u, v) => {
      const r = h.onSuccess?.(u, v);
      void qc.invalidateQueries({ queryKey: keys.adminUsers.all });
      return r;
    },
    onError: h.onError,
  });
}

/** useResetSecondFactor removes an account's authenticator app, so its owner can set one up again. */
export function useResetSecondFactor(userId: number, h: Handlers<unknown> = {}) {
  return useMutation({
    mutationFn: () => unwrap(client.DELETE('/api/v1/admin/users/{id}/second-factor', { params: { path: { id: userId } } })),
    onSuccess: h.onSuccess,
    onError: h.onError,
  });
}
