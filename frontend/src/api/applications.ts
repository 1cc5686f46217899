// Applications: the candidate's own, one with its timeline, a role's
// (newest first or ranked by match), and the moves on one: apply, withdraw,
// move to a stage, record the placement and the arrival. Offers (making,
// revising, accepting and declining them) are in offers.ts.
import { type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/I18nProvider';
import { ApiError, client, type Handlers, unwrap } from './client';
import { keys } from './keys';
import { nextCursor, pageSize } from './roles';
import type { Application, Placement, Stage, VisaStatus } from './types';

/** useMyApplications loads the candidate's applications (the newest 100). */
export function useMyApplications(enabled = true) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: keys.myApplications.list(lang),
    queryFn: () => unwrap(client.GET('/api/v1/me/applications', { params: { query: { limit: 100 } } })),
    enabled,
  });
}

/** useApplication loads one application with its timeline. */
export function useApplication(id: number | undefined) {
  const { lang } = useI18n();
  return useQuery<Application>({
    queryKey: keys.application.one(lang, id),
    queryFn: () => unwrap(client.GET('/api/v1/applications/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined && id > 0,
  });
}

/** useRoleApplications pages through a role's applications, optionally in one stage. */
export function useRoleApplications(roleId: number | undefined, stage: Stage | undefined) {
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: keys.roleApplications.newest(lang, roleId, stage),
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET('/api/v1/roles/{id}/applications', {
          params: { path: { id: roleId! }, query: { limit: pageSize, stage, cursor: pageParam || undefined } },
        }),
      ),
    getNextPageParam: nextCursor,
    enabled: roleId !== undefined,
  });
}

/** useRankedApplicants lists a role's applications ranked by match (at most 100, not paged). */
export function useRankedApplicants(roleId: number | undefined, stage: Stage | undefined, enabled: boolean) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: keys.roleApplications.byMatch(lang, roleId, stage),
    queryFn: async () =>
      (
        await unwrap(
          client.GET('/api/v1/roles/{id}/applications', {
            params: { path: { id: roleId! }, query: { sort: 'match', limit: 100, stage } },
          }),
        )
      ).items,
    enabled: enabled && roleId !== undefined,
  });
}

/** usePlacement loads an application's placement; null when none is recorded. */
export function usePlacement(applicationId: number | undefined, enabled: boolean) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: keys.placement.one(lang, applicationId),
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

/** useApply sends the candidate's application to a role, with a cover note. */
export function useApply(roleId: number, h: Handlers<Application, string> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (coverNote: string) =>
      unwrap(client.POST('/api/v1/roles/{id}/applications', { params: { path: { id: roleId } }, body: { cover_note: coverNote } })),
    onSuccess: (a, v) => {
      void qc.invalidateQueries({ queryKey: keys.myApplications.all });
      return h.onSuccess?.(a, v);
    },
    onError: h.onError,
  });
}

/** applicationChanged puts an application's new state in the cache and refreshes every list that shows it. */
export function applicationChanged(qc: QueryClient, updated: Application) {
  qc.setQueriesData({ queryKey: keys.application.all }, (old: Application | undefined) => (old && old.id === updated.id ? updated : old));
  void qc.invalidateQueries({ queryKey: keys.application.all });
  void qc.invalidateQueries({ queryKey: keys.myApplications.all });
  void qc.invalidateQueries({ queryKey: keys.roleApplications.all });
}

/** A move on an application: the candidate's (withdraw) or the organisation's (to a stage other than offer). */
export type Move =
  | { kind: 'withdraw'; reason: string }
  | { kind: 'stage'; to: Stage; reason: string; share_reason: boolean };

/** useMoveApplication makes one move on an application and updates every view of it. */
export function useMoveApplication(id: number, h: Handlers<Application, Move> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (m: Move) => {
      const path = { params: { path: { id } } };
      switch (m.kind) {
        case 'withdraw':
          return unwrap(client.POST('/api/v1/applications/{id}/withdraw', { ...path, body: { reason: m.reason } }));
        default:
          return unwrap(
            client.POST('/api/v1/applications/{id}/transitions', { ...path, body: { to: m.to, reason: m.reason, share_reason: m.share_reason } }),
          );
      }
    },
    onSuccess: (a, v) => {
      applicationChanged(qc, a);
      return h.onSuccess?.(a, v);
    },
    onError: h.onError,
  });
}

/** useReloadApplication refreshes an application that changed elsewhere. */
export function useReloadApplication() {
  const qc = useQueryClient();
  return (app: Application) => applicationChanged(qc, app);
}

/** useRecordPlacement records the visa and start date of an accepted application. */
export function useRecordPlacement(applicationId: number, h: Handlers<Placement, { visa_status: VisaStatus; start_date: string }> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { visa_status: VisaStatus; start_date: string }) =>
      unwrap(client.POST('/api/v1/applications/{id}/placement', { params: { path: { id: applicationId } }, body })),
    onSuccess: (p, v) => {
      void qc.invalidateQueries({ queryKey: keys.application.all });
      void qc.invalidateQueries({ queryKey: keys.placement.all });
      void qc.invalidateQueries({ queryKey: keys.roleApplications.all });
      return h.onSuccess?.(p, v);
    },
    onError: h.onError,
  });
}

/** useRecordArrival records the day a placed candidate arrived in Japan. */
export function useRecordArrival(placementId: number, h: Handlers<Placement, string> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (arrivedOn: string) =>
      unwrap(client.POST('/api/v1/placements/{id}/arrival', { params: { path: { id: placementId } }, body: { arrived_on: arrivedOn } })),
    onSuccess: (p, v) => {
      void qc.invalidateQueries({ queryKey: keys.placement.all });
      return h.onSuccess?.(p, v);
    },
    onError: h.onError,
  });
}
