import { type ReactNode, useLayoutEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { fieldId } from './errors';
import type { FormErrors } from './useFormErrors';

/**
 * ErrorSummary shows what went wrong at the top of a form: the API's
 * localized detail and a link to each bad field (named by its label). It is
 * announced (role=alert) and takes focus after each failed attempt. A field
 * not on screen (another step of a form) is reached through onGoTo.
 */
export function ErrorSummary({ form, children, onGoTo }: { form: FormErrors; children?: ReactNode; onGoTo?: (name: string) => void }) {
  const { t } = useI18n();
  const [labels, setLabels] = useState<Record<string, string>>({});
  useLayoutEffect(() => {
    const found: Record<string, string> = {};
    for (const name of Object.keys(form.fields)) {
      const label = document.querySelector(`[data-label-for="${fieldId(name)}"]`);
      if (label?.textContent) found[name] = label.textContent;
    }
    setLabels(found);
  }, [form.fields]);
  if (!form.message) return null;
  const entries = Object.entries(form.fields);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={form.summaryRef} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {t('web.form.problem_title')}
      </h2>
      <p>{form.message}</p>
      {entries.length > 0 && (
        <ul className="error-summary__list">
          {entries.map(([name, message]) => {
            const id = fieldId(name);
            return (
              <li key={name}>
                <a
                  href={`#${id}`}
                  onClick={(e) => {
                    const el = document.getElementById(id);
                    e.preventDefault();
                    if (el) {
                      el.focus();
                      el.scrollIntoView({ block: 'center' });
                    } else {
                      onGoTo?.(name);
                    }
                  }}
                >
                  {labels[name] ? `${labels[name]}: ` : ''}
                  {message}
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {children}
    </div>
  );
}
