// Matching: the skills taxonomy and the recommendations (roles for a
// candidate, candidates for a role), each with its score and reasons.
import { type QueryClient, useQueries, useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/I18nProvider';
import { client, type Schemas, unwrap } from './client';
import { keys } from './keys';
import type { RoleType } from './types';

export type Skill = Schemas['Skill'];
export type Match = Schemas['Match'];
export type MatchComponent = Schemas['MatchComponent'];
export type RoleRecommendation = Schemas['RoleRecommendation'];
export type CandidateRecommendation = Schemas['CandidateRecommendation'];

const hour = 60 * 60_000;

/** useSkillSearch autocompletes skills from what was typed, in any of the three languages. */
export function useSkillSearch(q: string, enabled = true) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: keys.skills(lang, q),
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
    queryKey: keys.skillLabel(lang, slug),
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
  qc.setQueryData(keys.skillLabel(lang, skill.slug), skill);
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
    queryKey: keys.recommendations(lang, type, limit),
    queryFn: async () => (await unwrap(client.GET('/api/v1/me/recommendations', { params: { query: { limit, type } } }))).items,
  });
}

/** useRoleRecommendations ranks the discoverable candidates for a role (its organisation). */
export function useRoleRecommendations(roleId: number | undefined, limit = 20) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: keys.roleRecommendations(lang, roleId, limit),
    queryFn: async () =>
      (await unwrap(client.GET('/api/v1/roles/{id}/recommendations', { params: { path: { id: roleId! }, query: { limit } } }))).items,
    enabled: roleId !== undefined,
  });
}

