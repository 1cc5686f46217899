import type { FormHTMLAttributes, ReactNode } from 'react';
import type { Handlers } from '../api/client';
import { ErrorSummary } from './ErrorSummary';
import type { FormErrors } from './useFormErrors';

/**
 * MutationForm is a form that sends one call: submitting runs onSubmit
 * (the browser's own validation is off: the API names each bad field), and
 * the error summary comes first, after `before` (a notice, a heading),
 * with `summary` inside it (a link that helps with the problem).
 */
export function MutationForm({
  form,
  onSubmit,
  before,
  summary,
  onGoTo,
  children,
  ...rest
}: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> & {
  form: FormErrors;
  onSubmit: () => void;
  before?: ReactNode;
  summary?: ReactNode;
  onGoTo?: (name: string) => void;
}) {
  return (
    <form
      {...rest}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {before}
      <ErrorSummary form={form} onGoTo={onGoTo}>
        {summary}
      </ErrorSummary>
      {children}
    </form>
  );
}

/**
 * reportingTo sends a call's outcome to a form: success clears its errors
 * (then runs onSuccess), failure runs onError and then fills the summary
 * and the fields.
 */
export function reportingTo<T, V>(form: FormErrors, h: Handlers<T, V> = {}): Handlers<T, V> {
  return {
    onSuccess: (data, variables) => {
      form.clear();
      return h.onSuccess?.(data, variables);
    },
    onError: (error) => {
      h.onError?.(error);
      form.report(error);
    },
  };
}
