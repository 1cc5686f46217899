// Highly Skilled Professional points: the public calculator and the
// signed-in candidate's points for a role's pay.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/I18nProvider';
import { ApiError, client, type Handlers, parseRetryAfter, RetryLater, type Schemas, unwrap } from './client';
import { keys } from './keys';

export type HSPInput = Schemas['HSPInput'];
export type HSPResult = Schemas['HSPResult'];
export type HSPLift = Schemas['HSPLift'];
export type MyHSP = Schemas['MyHSP'];

/** useMyHSP assesses the signed-in candidate against a role's pay. */
export function useMyHSP(roleId: number, enabled: boolean) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: keys.myHsp(lang, roleId),
    queryFn: () => unwrap(client.GET('/api/v1/me/hsp', { params: { query: { role_id: roleId } } })),
    enabled,
  });
}

/** retryAfterSeconds reads a Retry-After header (seconds, or an HTTP date); at least 1, also when it is missing. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  return parseRetryAfter(header, now) ?? 1;
}

/** assessHSP runs the public points calculator; a 429 is always RetryLater (a second at least). */
export async function assessHSP(input: Record<string, unknown>): Promise<HSPResult> {
  try {
    return await unwrap(client.POST('/api/v1/hsp/assessments', { body: input as HSPInput }));
  } catch (e) {
    if (e instanceof ApiError && !(e instanceof RetryLater) && e.status === 429) throw new RetryLater(429, e.problem, 1);
    throw e;
  }
}

/** useAssessHSP runs the calculator on what was typed. */
export function useAssessHSP(h: Handlers<HSPResult, Record<string, unknown>> = {}) {
  return useMutation({ mutationFn: assessHSP, onSuccess: h.onSuccess, onError: h.onError });
}
