// Who is signed in, and signing in, up and out.
import { useMutation, useQuery } from '@tanstack/react-query';
import { ApiError, client, type Handlers, type Schemas, unwrap } from './client';
import { keys } from './keys';
import type { Locale, User } from './types';

export type SecondFactorChallenge = Schemas['SecondFactorChallenge'];
export type RegisterRequest = Schemas['RegisterRequest'];

/** useMe returns the signed-in user, or null for a visitor. */
export function useMe() {
  return useQuery<User | null>({
    queryKey: keys.me,
    queryFn: async () => {
      try {
        return await unwrap(client.GET('/api/v1/me'));
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** isChallenge tells a sign-in that waits for its second step from one that signed in. */
export function isChallenge(v: unknown): v is SecondFactorChallenge {
  return typeof v === 'object' && v !== null && (v as SecondFactorChallenge).second_factor_required === true;
}

/** useLogin checks an e-mail address and password: the user, or a challenge for the second step. */
export function useLogin(h: Handlers<User | SecondFactorChallenge, { email: string; password: string }> = {}) {
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => unwrap(client.POST('/api/v1/auth/login', { body })),
    onSuccess: h.onSuccess,
    onError: h.onError,
  });
}

/** useSecondStep finishes a sign-in with a code from the authenticator app or a recovery code. */
export function useSecondStep(h: Handlers<User, string> = {}) {
  return useMutation({
    mutationFn: (code: string) => unwrap(client.POST('/api/v1/auth/login/second-factor', { body: { code } })),
    onSuccess: h.onSuccess,
    onError: h.onError,
  });
}

/** useRegister creates an account and signs it in. */
export function useRegister(h: Handlers<User, RegisterRequest> = {}) {
  return useMutation({
    mutationFn: (body: RegisterRequest) => unwrap(client.POST('/api/v1/auth/register', { body })),
    onSuccess: h.onSuccess,
    onError: h.onError,
  });
}

/** logout ends the session. */
export function logout(): Promise<unknown> {
  return unwrap(client.POST('/api/v1/auth/logout'));
}

/** saveLocale stores the reader's language in the account and returns the updated user. */
export function saveLocale(locale: Locale): Promise<User> {
  return unwrap(client.PATCH('/api/v1/me', { body: { locale } }));
}
