import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import { type FieldErrors, fieldErrorsOf } from './errors';

/** FormErrors is a form's current error state, kept until the next attempt. */
export interface FormErrors {
  /** message is the problem's localized detail (or a network/unknown error text); null when all is well. */
  message: string | null;
  /** code is the problem's stable reason (validation_failed, already_applied, …). */
  code: string | null;
  /** existingId names the object a conflict is about (already_applied). */
  existingId: number | null;
  fields: FieldErrors;
  /** seq counts reports, so the summary can take focus after each one. */
  seq: number;
  report(error: unknown): void;
  clear(): void;
  summaryRef: React.RefObject<HTMLDivElement | null>;
}

/**
 * useFormErrors turns failed calls into a form's error state: per-field
 * messages for inputs and a summary that takes focus (and is announced) after
 * each failed attempt. Values typed into the form are never touched.
 */
export function useFormErrors(aliases?: Record<string, string>): FormErrors {
  const { t } = useI18n();
  const summaryRef = useRef<HTMLDivElement | null>(null);
  const [state, setState] = useState({
    message: null as string | null,
    code: null as string | null,
    existingId: null as number | null,
    fields: {} as FieldErrors,
    seq: 0,
  });
  const report = useCallback(
    (error: unknown) => {
      let message = t('web.error.unknown');
      let code: string | null = null;
      let existingId: number | null = null;
      if (error instanceof ApiError) {
        code = error.code;
        if (error.status === 0) message = t('web.error.network');
        else if (error.problem) message = error.problem.detail;
        existingId = error.problem?.existing_id ?? null;
      }
      setState((s) => ({ message, code, existingId, fields: fieldErrorsOf(error, aliases), seq: s.seq + 1 }));
    },
    [t, aliases],
  );
  const clear = useCallback(() => setState((s) => ({ ...s, message: null, code: null, existingId: null, fields: {} })), []);
  useEffect(() => {
    if (state.seq > 0) summaryRef.current?.focus();
  }, [state.seq]);
  return { ...state, report, clear, summaryRef };
}
