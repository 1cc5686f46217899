// One's own account: the second factor, the password, sessions, consents,
// who viewed the profile, the export and erasure.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/I18nProvider';
import { ApiError, client, type Handlers, request, type Schemas, unwrap } from './client';
import { keys } from './keys';
import { nextCursor } from './roles';

export type SecondFactorStatus = Schemas['SecondFactorStatus'];
export type TOTPEnrolment = Schemas['TOTPEnrolment'];
export type Session = Schemas['Session'];
export type Consents = Schemas['Consents'];
export type PurposeConsent = Schemas['PurposeConsent'];
export type ConsentPurpose = Schemas['ConsentPurpose'];
export type ConsentEvent = Schemas['ConsentEvent'];
export type ProfileView = Schemas['ProfileView'];

/** useSecondFactor loads where the account stands on the second factor. */
export function useSecondFactor() {
  const { lang } = useI18n();
  return useQuery({
    queryKey: keys.secondFactor.one(lang),
    queryFn: () => unwrap(client.GET('/api/v1/me/second-factor')),
  });
}

/** useSessions pages through the account's live sessions. */
export function useSessions() {
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: keys.sessions.list(lang),
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(client.GET('/api/v1/me/sessions', { params: { query: { limit: 50, cursor: pageParam || undefined } } })),
    getNextPageParam: nextCursor,
    staleTime: 0,
  });
}

/** useConsents loads each purpose with its wording in the reader's language, and the ledger. */
export function useConsents() {
  const { lang } = useI18n();
  return useQuery({
    queryKey: keys.consents.one(lang),
    queryFn: () => unwrap(client.GET('/api/v1/me/consents')),
    staleTime: 0,
  });
}

/** useProfileViews pages through the organisations that saw the candidate's profile. */
export function useProfileViews() {
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: keys.profileViews(lang),
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(client.GET('/api/v1/me/profile-views', { params: { query: { limit: 20, cursor: pageParam || undefined } } })),
    getNextPageParam: nextCursor,
    staleTime: 0,
  });
}


/** useBeginTotp starts setting up an authenticator app (the password again): the secret and its QR code. */
export function useBeginTotp(h: Handlers<TOTPEnrolment, string> = {}) {
  return useMutation({
    mutationFn: (password: string) => unwrap(client.POST('/api/v1/me/second-factor/totp', { body: { password } })),
    onSuccess: h.onSuccess,
    onError: h.onError,
  });
}

/** useConfirmTotp turns the app on with a first code and returns the recovery codes. */
export function useConfirmTotp(h: Handlers<{ recovery_codes: string[] }, string> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => unwrap(client.POST('/api/v1/me/second-factor/totp/confirm', { body: { code } })),
    onSuccess: (answer, v) => {
      h.onSuccess?.(answer, v);
      // The session was replaced by one that proved the second factor: everything may be read again.
      void qc.invalidateQueries();
    },
    onError: h.onError,
  });
}

/** useSecondFactorCode acts with a current code: new recovery codes (returned), or turning the app off. */
export function useSecondFactorCode(kind: 'codes' | 'disable', h: Handlers<string[] | undefined, string> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) => {
      const body = { code };
      if (kind === 'codes') return (await unwrap(client.POST('/api/v1/me/second-factor/recovery-codes', { body }))).recovery_codes;
      await unwrap(client.POST('/api/v1/me/second-factor/disable', { body }));
      return undefined;
    },
    onSuccess: (codes, v) => {
      h.onSuccess?.(codes, v);
      void qc.invalidateQueries({ queryKey: keys.secondFactor.all });
      if (kind === 'disable') void qc.invalidateQueries({ queryKey: keys.me });
      void qc.invalidateQueries({ queryKey: keys.sessions.all });
    },
    onError: h.onError,
  });
}

/** useChangePassword changes the password; the other sessions end, so their list is read again. */
export function useChangePassword(h: Handlers<unknown, { current_password: string; new_password: string }> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { current_password: string; new_password: string }) => unwrap(client.POST('/api/v1/me/password', { body })),
    onSuccess: (r, v) => {
      h.onSuccess?.(r, v);
      void qc.invalidateQueries({ queryKey: keys.sessions.all });
    },
    onError: h.onError,
  });
}

/** useEndSession ends one session; another device's is then gone from the list. */
export function useEndSession(id: number, current: boolean, h: Handlers<unknown> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } })),
    onSuccess: async (r, v) => {
      await h.onSuccess?.(r, v);
      if (!current) void qc.invalidateQueries({ queryKey: keys.sessions.all });
    },
    onError: h.onError,
  });
}

/** useEndAllSessions signs out everywhere, this device included. */
export function useEndAllSessions(h: Handlers<unknown> = {}) {
  return useMutation({
    mutationFn: () => unwrap(client.DELETE('/api/v1/me/sessions')),
    onSuccess: h.onSuccess,
    onError: h.onError,
  });
}

/**
 * useDecideConsent gives or withdraws one purpose, as worded in the version
 * read; when that wording is outdated, the consents are read again.
 */
export function useDecideConsent(purpose: ConsentPurpose, wordingVersion: string, h: Handlers<Consents, boolean> = {}) {
  const qc = useQueryClient();
  const { lang } = useI18n();
  return useMutation({
    mutationFn: (granted: boolean) =>
      unwrap(client.POST('/api/v1/me/consents', { body: { purpose, granted, wording_version: wordingVersion } })),
    onSuccess: (answer, granted) => {
      qc.setQueryData(keys.consents.one(lang), answer);
      // The profile's consent flags and whatever organisations may see follow the ledger.
      void qc.invalidateQueries({ queryKey: keys.profile });
      return h.onSuccess?.(answer, granted);
    },
    onError: (e) => {
      h.onError?.(e);
      if (e instanceof ApiError && e.code === 'consent_wording_outdated') void qc.invalidateQueries({ queryKey: keys.consents.all });
    },
  });
}

/** useExport downloads everything held about the user: the file and the Content-Disposition naming it. */
export function useExport(h: Handlers<{ blob: Blob; disposition: string | null }> = {}) {
  return useMutation({
    mutationFn: async () => {
      const { data, response } = await request(client.GET('/api/v1/me/export', { parseAs: 'blob' }));
      return { blob: data as Blob, disposition: response.headers.get('Content-Disposition') };
    },
    onSuccess: h.onSuccess,
    onError: h.onError,
  });
}

/** useErase erases the account (the password again). */
export function useErase(h: Handlers<unknown, string> = {}) {
  return useMutation({
    mutationFn: (password: string) => unwrap(client.DELETE('/api/v1/me', { body: { password } })),
    onSuccess: h.onSuccess,
    onError: h.onError,
  });
}
