// The account, security, privacy and administration calls of the pages in
// this folder: types, TanStack Query hooks, and a call wrapper that keeps
// the Retry-After of a 429 (unwrap drops the headers).
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ApiError, client, isProblem, type Problem, type Schemas } from './client';
import { useI18n } from '../i18n/I18nProvider';

export type SecondFactorStatus = Schemas['SecondFactorStatus'];
export type SecondFactorChallenge = Schemas['SecondFactorChallenge'];
export type TOTPEnrolment = Schemas['TOTPEnrolment'];
export type Session = Schemas['Session'];
export type Consents = Schemas['Consents'];
export type PurposeConsent = Schemas['PurposeConsent'];
export type ConsentPurpose = Schemas['ConsentPurpose'];
export type ConsentEvent = Schemas['ConsentEvent'];
export type ProfileView = Schemas['ProfileView'];
export type AdminUser = Schemas['AdminUser'];
export type AuditEvent = Schemas['AuditEvent'];

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

/**
 * send awaits an openapi-fetch call like unwrap, but a failure that carries
 * Retry-After becomes RetryLater, so forms can wait as long as the server asks.
 */
export async function send<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
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
  return result.data as T;
}

/** isChallenge tells a sign-in that waits for its second step from one that signed in. */
export function isChallenge(v: unknown): v is SecondFactorChallenge {
  return typeof v === 'object' && v !== null && (v as SecondFactorChallenge).second_factor_required === true;
}

/** useSecondFactor loads where the account stands on the second factor. */
export function useSecondFactor() {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['second-factor', lang],
    queryFn: () => send(client.GET('/api/v1/me/second-factor')),
  });
}

/** useSessions pages through the account's live sessions. */
export function useSessions() {
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: ['sessions', lang],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      send(client.GET('/api/v1/me/sessions', { params: { query: { limit: 50, cursor: pageParam || undefined } } })),
    getNextPageParam: (last) => last.next_cursor || undefined,
    staleTime: 0,
  });
}

/** useConsents loads each purpose with its wording in the reader's language, and the ledger. */
export function useConsents() {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['consents', lang],
    queryFn: () => send(client.GET('/api/v1/me/consents')),
    staleTime: 0,
  });
}

/** useProfileViews pages through the organisations that saw the candidate's profile. */
export function useProfileViews() {
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: ['profile-views', lang],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      send(client.GET('/api/v1/me/profile-views', { params: { query: { limit: 20, cursor: pageParam || undefined } } })),
    getNextPageParam: (last) => last.next_cursor || undefined,
    staleTime: 0,
  });
}

/** useAdminUsers pages through accounts, or finds the one with an e-mail address. */
export function useAdminUsers(email: string) {
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: ['admin-users', lang, email],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      send(
        client.GET('/api/v1/admin/users', {
          params: { query: { limit: 20, cursor: pageParam || undefined, email: email || undefined } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor || undefined,
  });
}

/** useAuditLog pages through the audit log, newest first. */
export function useAuditLog() {
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: ['audit', lang],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      send(client.GET('/api/v1/admin/audit', { params: { query: { limit: 50, cursor: pageParam || undefined } } })),
    getNextPageParam: (last) => last.next_cursor || undefined,
    staleTime: 0,
  });
}

/** filenameOf reads the file name of a Content-Disposition header, if any. */
export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(disposition);
  const name = (plain?.[1] ?? plain?.[2] ?? '').trim();
  return name || null;
}

/** saveFile hands a blob to the browser as a download. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
