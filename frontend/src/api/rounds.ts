// Matching rounds: the list, one round, its results, the rank lists of
// candidates and organisations, and what administrators do (create, open, run).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/I18nProvider';
import { client, type Handlers, type Schemas, unwrap } from './client';
import { keys } from './keys';

export type Round = Schemas['Round'];
export type RoundResults = Schemas['RoundResults'];
export type RoleRanking = Schemas['RoleRanking'];
export type RoundRequest = Schemas['RoundCreateRequest'];

/** useRounds lists matching rounds, newest first (drafts too for administrators). */
export function useRounds() {
  const { lang } = useI18n();
  return useQuery({
    queryKey: keys.rounds.list(lang),
    queryFn: () => unwrap(client.GET('/api/v1/rounds', { params: { query: { limit: 50 } } })),
  });
}

/** useRound loads one round with its roles. */
export function useRound(id: number | undefined) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: keys.round.one(lang, id),
    queryFn: () => unwrap(client.GET('/api/v1/rounds/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined,
  });
}

/** useRoundResults loads the caller's part of a completed round's matches. */
export function useRoundResults(id: number, enabled: boolean) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: keys.roundResults(lang, id),
    queryFn: () => unwrap(client.GET('/api/v1/rounds/{id}/results', { params: { path: { id } } })),
    enabled,
  });
}

/** useMyRanking loads the candidate's rank list in a round. */
export function useMyRanking(id: number, enabled: boolean) {
  return useQuery({
    queryKey: keys.myRanking(id),
    queryFn: async () => (await unwrap(client.GET('/api/v1/rounds/{id}/ranking', { params: { path: { id } } }))).role_ids,
    enabled,
  });
}

/** useRoleRanking loads a role's rank list in a round and the candidates who ranked it. */
export function useRoleRanking(id: number, roleId: number) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: keys.roleRanking(lang, id, roleId),
    queryFn: () => unwrap(client.GET('/api/v1/rounds/{id}/roles/{role_id}/ranking', { params: { path: { id, role_id: roleId } } })),
  });
}

/** useSaveMyRanking saves the candidate's rank list of a round's roles. */
export function useSaveMyRanking(roundId: number, h: Handlers<number[], number[]> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (roleIds: number[]) =>
      (await unwrap(client.PUT('/api/v1/rounds/{id}/ranking', { params: { path: { id: roundId } }, body: { role_ids: roleIds } }))).role_ids,
    onSuccess: (ids, v) => {
      qc.setQueryData(keys.myRanking(roundId), ids);
      return h.onSuccess?.(ids, v);
    },
    onError: h.onError,
  });
}

/** useSaveRoleRanking saves an organisation's rank list of the candidates who ranked one of its roles. */
export function useSaveRoleRanking(roundId: number, roleId: number, h: Handlers<number[], number[]> = {}) {
  const qc = useQueryClient();
  const { lang } = useI18n();
  return useMutation({
    mutationFn: async (candidateIds: number[]) => {
      const r = await unwrap(
        client.PUT('/api/v1/rounds/{id}/roles/{role_id}/ranking', {
          params: { path: { id: roundId, role_id: roleId } },
          body: { candidate_ids: candidateIds },
        }),
      );
      // The answer holds the candidates who ranked the role too: it replaces what was loaded.
      qc.setQueryData(keys.roleRanking(lang, roundId, roleId), r);
      return r.candidate_ids;
    },
    onSuccess: h.onSuccess,
    onError: h.onError,
  });
}

/** useCreateRound drafts a round (administrators). */
export function useCreateRound(h: Handlers<Round, RoundRequest> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RoundRequest) => unwrap(client.POST('/api/v1/rounds', { body })),
    onSuccess: (r, v) => {
      void qc.invalidateQueries({ queryKey: keys.rounds.all });
      return h.onSuccess?.(r, v);
    },
    onError: h.onError,
  });
}

/** useRoundAction opens a draft round for rank lists, or runs an open one (administrators). */
export function useRoundAction(roundId: number, h: Handlers<Round, 'open' | 'run'> = {}) {
  const qc = useQueryClient();
  const { lang } = useI18n();
  return useMutation({
    mutationFn: (action: 'open' | 'run') => {
      const path = { params: { path: { id: roundId } } };
      return unwrap(action === 'open' ? client.POST('/api/v1/rounds/{id}/open', path) : client.POST('/api/v1/rounds/{id}/run', path));
    },
    onSuccess: (r, v) => {
      qc.setQueryData(keys.round.one(lang, r.id), r);
      void qc.invalidateQueries({ queryKey: keys.round.all });
      void qc.invalidateQueries({ queryKey: keys.rounds.all });
      return h.onSuccess?.(r, v);
    },
    onError: h.onError,
  });
}
