// TanStack Query hooks for the skills taxonomy, recommendations,
// HSP points and matching rounds. Keys start with what the answer depends
// on; localized answers include the UI language.
import { useQueries, useQuery, type QueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/I18nProvider';
import { ApiError, client, unwrap, type Schemas } from './client';
import type { RoleType, Stage } from './types';

export type Skill = Schemas['Skill'];
export type Match = Schemas['Match'];
export type MatchComponent = Schemas['MatchComponent'];
export type RoleRecommendation = Schemas['RoleRecommendation'];
export type CandidateRecommendation = Schemas['CandidateRecommendation'];
export type HSPInput = Schemas['HSPInput'];
export type HSPResult = Schemas['HSPResult'];
export type HSPLift = Schemas['HSPLift'];
export type MyHSP = Schemas['MyHSP'];
export type Round = Schemas['Round'];
export type RoundResults = Schemas['RoundResults'];
export type RoleRanking = Schemas['RoleRanking'];

const hour = 60 * 60_000;

/** useSkillSearch autocompletes skills from what was typed, in any of the three languages. */
export function useSkillSearch(q: string, enabled = true) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['skills', lang, q],
    queryFn: async ({ signal }) =>
      (await unwrap(client.GET('/api/v1/skills', { params: { query: { q, limit: 8 } }, signal }))).items,
    enabled,
    staleTime: hour,
    placeholderData: (previous) => previous,
  });
}

/** skillLabelQuery finds one skill by its slug (an exact slug ranks first). */
function skillLabelQuery(lang: string, slug: string) {
  return {
    queryKey: ['skill-label', lang, slug],
    queryFn: async ({ signal }: { signal: AbortSignal }) => {
      const items = (await unwrap(client.GET('/api/v1/skills', { params: { query: { q: slug, limit: 1 } }, signal }))).items;
      return items[0]?.slug === slug ? items[0] : null;
    },
    staleTime: hour,
    enabled: slug !== '',
  };
}

/** rememberSkill caches a skill picked from the autocomplete, so its label shows at once. */
export function rememberSkill(qc: QueryClient, lang: string, skill: Skill): void {
  qc.setQueryData(['skill-label', lang, skill.slug], skill);
}

/**
 * useSkillLabels returns each known slug's label in the reader's language;
 * a slug not (yet) known is shown as itself.
 */
export function useSkillLabels(slugs: readonly string[]): (slug: string) => string {
  const { lang } = useI18n();
  const unique = [...new Set(slugs.filter(Boolean))];
  const results = useQueries({ queries: unique.map((s) => skillLabelQuery(lang, s)) });
  const labels = new Map<string, string>();
  unique.forEach((s, i) => {
    const skill = results[i]?.data;
    if (skill) labels.set(s, skill.label);
  });
  return (slug) => labels.get(slug) ?? slug;
}

/** useRecommendations ranks open roles for the signed-in candidate. */
export function useRecommendations(type: RoleType | undefined, limit = 20) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['recommendations', lang, type ?? '', limit],
    queryFn: async () => (await unwrap(client.GET('/api/v1/me/recommendations', { params: { query: { limit, type } } }))).items,
  });
}

/** useMyHSP assesses the signed-in candidate against a role's pay. */
export function useMyHSP(roleId: number, enabled: boolean) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['my-hsp', lang, roleId],
    queryFn: () => unwrap(client.GET('/api/v1/me/hsp', { params: { query: { role_id: roleId } } })),
    enabled,
  });
}

/** useRoleRecommendations ranks the discoverable candidates for a role (its organisation). */
export function useRoleRecommendations(roleId: number | undefined, limit = 20) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['role-recommendations', lang, roleId, limit],
    queryFn: async () =>
      (await unwrap(client.GET('/api/v1/roles/{id}/recommendations', { params: { path: { id: roleId! }, query: { limit } } }))).items,
    enabled: roleId !== undefined,
  });
}

/** useRankedApplicants lists a role's applications ranked by match (at most 100, not paged). */
export function useRankedApplicants(roleId: number | undefined, stage: Stage | undefined, enabled: boolean) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['role-applications', lang, roleId, stage ?? '', 'match'],
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

/** useRounds lists matching rounds, newest first (drafts too for administrators). */
export function useRounds() {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['rounds', lang],
    queryFn: () => unwrap(client.GET('/api/v1/rounds', { params: { query: { limit: 50 } } })),
  });
}

/** useRound loads one round with its roles. */
export function useRound(id: number | undefined) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['round', lang, id],
    queryFn: () => unwrap(client.GET('/api/v1/rounds/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined,
  });
}

/** useRoundResults loads the caller's part of a completed round's matches. */
export function useRoundResults(id: number, enabled: boolean) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['round-results', lang, id],
    queryFn: () => unwrap(client.GET('/api/v1/rounds/{id}/results', { params: { path: { id } } })),
    enabled,
  });
}

/** useMyRanking loads the candidate's rank list in a round. */
export function useMyRanking(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['round-ranking', id],
    queryFn: async () => (await unwrap(client.GET('/api/v1/rounds/{id}/ranking', { params: { path: { id } } }))).role_ids,
    enabled,
  });
}

/** useRoleRanking loads a role's rank list in a round and the candidates who ranked it. */
export function useRoleRanking(id: number, roleId: number) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['role-round-ranking', lang, id, roleId],
    queryFn: () =>
      unwrap(client.GET('/api/v1/rounds/{id}/roles/{role_id}/ranking', { params: { path: { id, role_id: roleId } } })),
  });
}

/** RateLimited is a 429 answer, with how many seconds to wait. */
export class RateLimited extends ApiError {
  readonly retryAfter: number;
  constructor(problem: ApiError['problem'], retryAfter: number) {
    super(429, problem);
    this.retryAfter = retryAfter;
  }
}

/** retryAfterSeconds reads a Retry-After header (seconds, or an HTTP date); at least 1. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  if (!header) return 1;
  const n = Number(header);
  if (Number.isFinite(n)) return Math.max(1, Math.ceil(n));
  const at = Date.parse(header);
  return Number.isNaN(at) ? 1 : Math.max(1, Math.ceil((at - now) / 1000));
}

/** assessHSP runs the public points calculator, turning 429 into RateLimited. */
export async function assessHSP(input: Record<string, unknown>): Promise<HSPResult> {
  let result;
  try {
    result = await client.POST('/api/v1/hsp/assessments', { body: input as HSPInput });
  } catch {
    throw new ApiError(0, null);
  }
  if (result.response.status === 429) {
    const problem = result.error as ApiError['problem'];
    throw new RateLimited(problem ?? null, retryAfterSeconds(result.response.headers.get('Retry-After')));
  }
  return unwrap(Promise.resolve(result));
}
