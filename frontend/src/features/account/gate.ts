// Watching for the API's "set up your authenticator app first" answer
// (403 second_factor_enrolment_required). Imported by the Layout: keep it small.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '../../api/client';
import { enrolPath } from './session';
import { keys } from '../../api/keys';

/** Paths an account that must set up its authenticator app may still open. */
export function openWhileEnrolling(pathname: string): boolean {
  return (
    pathname === enrolPath ||
    pathname === '/signin' ||
    pathname === '/signup' ||
    pathname === '/account/deleted' ||
    // An e-mail's unsubscribe link works without signing in, so it works for them too.
    pathname === '/unsubscribe'
  );
}

function needsEnrolment(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code === 'second_factor_enrolment_required';
}

/**
 * useEnrolmentWatch reloads the signed-in user whenever any call answers
 * second_factor_enrolment_required (for instance after an administrator reset
 * the authenticator), so that the Layout sends the user to set one up.
 */
export function useEnrolmentWatch(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const refresh = () => void qc.invalidateQueries({ queryKey: keys.me });
    const unQueries = qc.getQueryCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'error' && needsEnrolment(e.action.error)) refresh();
    });
    const unMutations = qc.getMutationCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'error' && needsEnrolment(e.action.error)) refresh();
    });
    return () => {
      unQueries();
      unMutations();
    };
  }, [qc]);
}
