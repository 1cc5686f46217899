// Problem documents to per-field messages: the API names each bad field by
// its path in the request (education[0].year, title.ja); forms name their
// inputs by the same paths, so a message lands beside its input.
import { ApiError, type Problem } from '../api/client';

/** FieldErrors maps a field path to its (first) localized message. */
export type FieldErrors = Record<string, string>;

/**
 * normalizePath writes an API field path the way forms name inputs:
 * dotted indexes (education.0.year, from JSON type errors) become brackets
 * (education[0].year), and aliases rename paths whose validation name
 * differs from the request's JSON path (papers → research.papers).
 */
export function normalizePath(path: string, aliases: Record<string, string> = {}): string {
  const p = path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
  for (const [from, to] of Object.entries(aliases)) {
    if (p === from) return to;
    if (p.startsWith(from + '.') || p.startsWith(from + '[')) return to + p.slice(from.length);
  }
  return p;
}

/**
 * fieldErrorsOf extracts per-field messages from an error (empty for other
 * errors). A field named more than once gets its messages joined, so every
 * reason shows (a planned status of residence can fail on kind and pay at once).
 */
export function fieldErrorsOf(error: unknown, aliases?: Record<string, string>): FieldErrors {
  const out: FieldErrors = {};
  const problem: Problem | null = error instanceof ApiError ? error.problem : null;
  for (const fe of problem?.errors ?? []) {
    const name = normalizePath(fe.field, aliases);
    const had = out[name];
    if (had === undefined) out[name] = fe.message;
    else if (!had.includes(fe.message)) out[name] = `${had} ${fe.message}`;
  }
  return out;
}

/** fieldId is the DOM id of the input named by a field path. */
export function fieldId(name: string): string {
  return 'field-' + name.replace(/[^A-Za-z0-9_]+/g, '-').replace(/-+$/, '');
}

/** errorsUnder returns the messages of fields at or below a path prefix (for a whole step or list). */
export function errorsUnder(errors: FieldErrors, prefix: string): string[] {
  return Object.entries(errors)
    .filter(([k]) => k === prefix || k.startsWith(prefix + '.') || k.startsWith(prefix + '['))
    .map(([, v]) => v);
}
