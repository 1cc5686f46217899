import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';

/** Loading says, politely, that something is on its way. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('web.common.loading')}
    </p>
  );
}

/** LoadError explains a failed load with the API's localized detail and offers a retry. */
export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useI18n();
  let message = t('web.error.unknown');
  if (error instanceof ApiError) {
    if (error.status === 0) message = t('web.error.network');
    else if (error.problem) message = error.problem.detail;
  }
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
      {retry && (
        <button type="button" className="button button--secondary" onClick={retry}>
          {t('web.common.retry')}
        </button>
      )}
    </div>
  );
}

/** Notice is a highlighted note: info, success, warning or error. */
export function Notice({ tone = 'info', children, title }: { tone?: 'info' | 'success' | 'warning' | 'error'; children: ReactNode; title?: ReactNode }) {
  return (
    <div className={`notice notice--${tone}`}>
      {title && <p className="notice__title">{title}</p>}
      {children}
    </div>
  );
}

/** Empty says a list has nothing in it, and what to do about it. */
export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}
