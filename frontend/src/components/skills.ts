// Helpers for skills: comparing typed text with skill names, and the API's
// suggestions for unknown skills.
import { ApiError } from '../api/client';
import { normalizePath } from '../forms/errors';

/**
 * foldSkillText compares what was typed with a skill's names roughly as the
 * API matches them: case, full-width forms, katakana versus hiragana and
 * separators (spaces, hyphens, ・) do not matter.
 */
export function foldSkillText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/[\s\-_・.]+/g, '');
}

/** suggestionsOf collects the `unknown_skill` suggestions of a failed save, by field path (skills[1].skill). */
export function suggestionsOf(error: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!(error instanceof ApiError)) return out;
  for (const fe of error.problem?.errors ?? []) {
    if (fe.code === 'unknown_skill' && fe.suggestions?.length) out[normalizePath(fe.field)] = fe.suggestions;
  }
  return out;
}
