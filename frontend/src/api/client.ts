// The typed API client: openapi-fetch over the paths generated from
// docs/openapi.yaml, asking every answer in the UI's language, and turning
// problem documents (RFC 9457) into ApiError. Every call in the app goes
// through request/unwrap here, from the resource modules beside this file.
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

/** RetryLater is a failed call that said, with Retry-After, how long to wait (429, 503, 409 in progress). */
export class RetryLater extends ApiError {
  /** seconds to wait before trying again (at least 1). */
  readonly retryAfter: number;
  constructor(status: number, problem: Problem | null, retryAfter: number) {
    super(status, problem);
    this.name = 'RetryLater';
    this.retryAfter = retryAfter;
  }
}

/**
 * parseRetryAfter reads a Retry-After header: delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3). It returns whole seconds from now (at least 1), or
 * null when the header is missing or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (v === '') return null;
  if (/^\d+$/.test(v)) return Math.max(1, Number(v));
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(1, Math.ceil((at - now) / 1000));
}

type Call<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

/**
 * request is the one wrapper around an openapi-fetch call: it returns the
 * data with the response (for its headers), and throws ApiError on failure
 * (status 0 when the network failed), or RetryLater when the answer said
 * with Retry-After how long to wait, so forms can wait as long as asked.
 */
export async function request<T>(call: Call<T>): Promise<{ data: T; response: Response }> {
  let result: Awaited<Call<T>>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, null);
  }
  const { response } = result;
  if (!response.ok) {
    const problem = isProblem(result.error) ? result.error : null;
    const wait = parseRetryAfter(response.headers.get('Retry-After'));
    if (wait !== null) throw new RetryLater(response.status, problem, wait);
    throw new ApiError(response.status, problem);
  }
  return { data: result.data as T, response };
}

/** unwrap awaits an openapi-fetch call and returns its data (see request). */
export async function unwrap<T>(call: Call<T>): Promise<T> {
  return (await request(call)).data;
}

/** Handlers are what a page adds to a mutation hook: its own reaction to success and failure. */
export interface Handlers<T, V = void> {
  onSuccess?: (data: T, variables: V) => unknown;
  onError?: (error: unknown) => void;
}
