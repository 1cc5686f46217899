// Signing in and out, and where each kind of account starts.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { AccountKind, User } from '../../api/types';
import { isLang } from '../../i18n/catalog';
import { storedLang, useI18n } from '../../i18n/I18nProvider';
import { logout, saveLocale } from '../../api/auth';
import { keys } from '../../api/keys';

/** homeFor is where an account of each kind starts after signing in. */
export function homeFor(kind: AccountKind): string {
  switch (kind) {
    case 'candidate':
      return '/applications';
    case 'org_member':
      return '/organization';
    case 'admin':
      return '/admin';
    case 'ministry':
      return '/ministry';
    default:
      return '/';
  }
}

/** enrolPath is the page where an authenticator app is set up (the second factor). */
export const enrolPath = '/account/authenticator';

/** mustEnrol says whether an account has to set up an authenticator app before anything else. */
export function mustEnrol(user: Pick<User, 'second_factor'> | null | undefined): boolean {
  return !!user?.second_factor && user.second_factor.required && !user.second_factor.enabled;
}

/**
 * startFor is where a user goes once signed in: setting up an authenticator
 * app first when their kind of account requires one and they have none (then on to
 * next), else next or their start page.
 */
export function startFor(user: User, next: string | null): string {
  if (mustEnrol(user)) return next ? `${enrolPath}?next=${encodeURIComponent(next)}` : enrolPath;
  return next ?? homeFor(user.role);
}

/** The origin safeNext resolves a path against, to see whether it stays on it. */
const sameOrigin = 'https://setubashi.invalid';

/**
 * safeNext accepts only same-origin paths as a place to return to after
 * signing in: a path that, resolved the way the browser would (backslashes
 * and stripped tabs included), stays on this site; anything else is null.
 */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.includes('\\')) return null;
  try {
    const url = new URL(next, sameOrigin);
    return url.origin === sameOrigin ? url.pathname + url.search + url.hash : null;
  } catch {
    return null;
  }
}

/**
 * useSignedIn returns what to do once the API has signed a user in: keep
 * the language in step (a choice made on this device wins and is saved to
 * the account; otherwise the account's saved language is used) and cache
 * the user.
 */
export function useSignedIn() {
  const qc = useQueryClient();
  const i18n = useI18n();
  return useCallback(
    async (user: User) => {
      qc.removeQueries();
      qc.setQueryData(keys.me, user);
      const chosen = storedLang();
      if (chosen && chosen !== user.locale) {
        try {
          qc.setQueryData(keys.me, await saveLocale(chosen));
        } catch {
          // Not fatal: the language can be chosen again.
        }
      } else if (!chosen && isLang(user.locale) && user.locale !== i18n.lang) {
        await i18n.setLang(user.locale);
      }
    },
    [qc, i18n],
  );
}

/** useForgetUser forgets everything cached about a user whose session has ended (signed out everywhere, erased). */
export function useForgetUser() {
  const qc = useQueryClient();
  return useCallback(() => {
    qc.removeQueries();
    qc.setQueryData(keys.me, null);
  }, [qc]);
}

/** useSignOut ends the session and forgets everything cached about the user. */
export function useSignOut() {
  const qc = useQueryClient();
  return useCallback(async () => {
    try {
      await logout();
    } finally {
      qc.removeQueries();
      qc.setQueryData(keys.me, null);
    }
  }, [qc]);
}
