// The typed API client: openapi-fetch over the paths generated from
// docs/openapi.yaml, asking every answer in the UI's language, and turning
// problem documents (RFC 9457) into ApiError.
import createClient from 'openapi-fetch';
import type { Lang } from '../i18n/catalog';
import type { components, paths } from './schema.gen';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

let apiLang: Lang = 'en';

/** setApiLang makes later requests ask for answers (errors, labels, role text) in lang. */
export function setApiLang(lang: Lang): void {
  apiLang = lang;
}

/**
 * serializeQuery writes a request's query parameters (all of them plain
 * values in this API) and adds ?lang= with the UI's language.
 */
export function serializeQuery(query: Record<string, unknown> | undefined, lang: Lang = apiLang): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  params.set('lang', lang);
  return params.toString();
}

export const client = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  // Looked up on each call, so tests can stand in for the network.
  fetch: (request) => globalThis.fetch(request),
  querySerializer: (query) => serializeQuery(query as Record<string, unknown>),
});

/** ApiError is a failed call: the HTTP status (0 when the network failed) and the problem document, if any. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  constructor(status: number, problem: Problem | null) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
  /** code is the problem's stable reason, e.g. already_applied. */
  get code(): string {
    return this.problem?.code ?? (this.status === 0 ? 'network' : 'unknown');
  }
}

export function isProblem(v: unknown): v is Problem {
  return (
    typeof v === 'object' && v !== null && typeof (v as Problem).code === 'string' && typeof (v as Problem).detail === 'string'
  );
}

/** unwrap awaits an openapi-fetch call and returns its data, throwing ApiError on failure. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, null);
  }
  if (!result.response.ok) {
    throw new ApiError(result.response.status, isProblem(result.error) ? result.error : null);
  }
  return result.data as T;
}
