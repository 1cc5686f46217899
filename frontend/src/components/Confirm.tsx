import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Confirm is a button that asks before it acts: the question and a Yes
 * button (focused) appear in its place; Cancel or Escape puts the original
 * button back, with focus on it.
 */
export function Confirm(props: {
  label: string;
  /** ariaLabel names the action more fully for screen readers (e.g. with the account's name). */
  ariaLabel?: string;
  question: ReactNode;
  yes: string;
  pending: boolean;
  /** onYes acts; when the promise it returns settles, the question closes (its errors are the caller's to show). */
  onYes: () => Promise<unknown> | void;
  danger?: boolean;
  triggerClass?: string;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const was = useRef(false);
  const id = useId();
  useEffect(() => {
    if (was.current && !asking) trigger.current?.focus();
    was.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button
        ref={trigger}
        type="button"
        className={`button ${props.triggerClass ?? 'button--secondary'}`}
        aria-label={props.ariaLabel}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </button>
    );
  }
  return (
    <div
      className="confirm"
      role="group"
      aria-labelledby={id}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setAsking(false);
      }}
    >
      <p id={id} className="confirm__question">
        {props.question}
      </p>
      <div className="actions">
        <button type="button" className={`button ${props.danger ? 'button--danger' : 'button--primary'}`} disabled={props.pending}
          onClick={() => {
            void Promise.resolve()
              .then(props.onYes)
              .catch(() => {})
              .finally(() => setAsking(false));
          }}
          autoFocus
        >
          {props.pending ? t('web.common.sending') : props.yes}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setAsking(false)}>
          {t('web.common.cancel')}
        </button>
      </div>
    </div>
  );
}
