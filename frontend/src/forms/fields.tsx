// Labelled form controls. Each is named by its field path in the API
// request, shows that field's error beside it (aria-invalid, described by
// the message) and an optional hint.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { fieldId } from './errors';

interface Common {
  /** name is the field's path in the API request, e.g. education[0].year. */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** lang marks inputs meant for text in one language (ja, en, hi). */
  lang?: string;
  className?: string;
}

function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Frame(props: Common & { id: string; children: ReactNode; optional?: ReactNode }) {
  const { id, label, hint, error, children, className, optional } = props;
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ' ' + className : ''}`}>
      <label htmlFor={id} className="field__label" data-label-for={id}>
        {label}
        {optional && <span className="field__optional"> {optional}</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

type InputProps = Common & { optional?: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'lang' | 'className'>;

/** TextField is a labelled <input>. */
export function TextField({ name, label, hint, error, lang, className, optional, ...rest }: InputProps) {
  const id = fieldId(name);
  return (
    <Frame id={id} name={name} label={label} hint={hint} error={error} className={className} optional={optional}>
      <input
        id={id}
        name={name}
        lang={lang}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, !!hint, !!error)}
        {...rest}
      />
    </Frame>
  );
}

type AreaProps = Common & { optional?: ReactNode } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'lang' | 'className'>;

/** TextArea is a labelled <textarea>. */
export function TextArea({ name, label, hint, error, lang, className, optional, ...rest }: AreaProps) {
  const id = fieldId(name);
  return (
    <Frame id={id} name={name} label={label} hint={hint} error={error} className={className} optional={optional}>
      <textarea
        id={id}
        name={name}
        lang={lang}
        className="input textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, !!hint, !!error)}
        {...rest}
      />
    </Frame>
  );
}

export interface Option {
  value: string;
  label: string;
}

type SelectProps = Common & { options: Option[]; optional?: ReactNode } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    'name' | 'lang' | 'className'
  >;

/** SelectField is a labelled <select>. */
export function SelectField({ name, label, hint, error, lang, className, options, optional, ...rest }: SelectProps) {
  const id = fieldId(name);
  return (
    <Frame id={id} name={name} label={label} hint={hint} error={error} className={className} optional={optional}>
      <select
        id={id}
        name={name}
        lang={lang}
        className="input select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, !!hint, !!error)}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** CheckboxField is a checkbox with its label beside it and an optional longer explanation. */
export function CheckboxField(props: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { name, label, hint, error, checked, onChange } = props;
  const id = fieldId(name);
  return (
    <div className={`check${error ? ' field--error' : ''}`}>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <div className="check__row">
        <input
          type="checkbox"
          id={id}
          name={name}
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, !!hint, !!error)}
        />
        <label htmlFor={id} data-label-for={id}>
          {label}
        </label>
      </div>
      {hint && (
        <div id={`${id}-hint`} className="check__hint">
          {hint}
        </div>
      )}
    </div>
  );
}

/**
 * CheckboxGroup is a fieldset of checkboxes choosing several values. Errors
 * for single entries (wanted_role_types[1]) are shown for the whole group.
 */
export function CheckboxGroup(props: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: Option[];
  value: string[];
  onChange: (value: string[]) => void;
  columns?: boolean;
}) {
  const { name, legend, hint, error, options, value, onChange, columns } = props;
  const id = fieldId(name);
  return (
    <fieldset
      className={`fieldset${error ? ' field--error' : ''}`}
      aria-describedby={describedBy(id, !!hint, !!error)}
      id={id}
      tabIndex={-1}
    >
      <legend className="field__label" data-label-for={id}>
        {legend}
      </legend>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <div className={columns ? 'choices choices--columns' : 'choices'}>
        {options.map((o) => {
          const oid = `${id}-${o.value}`;
          return (
            <div className="check__row" key={o.value}>
              <input
                type="checkbox"
                id={oid}
                checked={value.includes(o.value)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))
                }
              />
              <label htmlFor={oid}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** RadioGroup is a fieldset of radio buttons choosing one value. */
export function RadioGroup(props: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: (Option & { hint?: ReactNode })[];
  value: string;
  onChange: (value: string) => void;
}) {
  const { name, legend, hint, error, options, value, onChange } = props;
  const id = fieldId(name);
  return (
    <fieldset className={`fieldset${error ? ' field--error' : ''}`} aria-describedby={describedBy(id, !!hint, !!error)}>
      <legend className="field__label" data-label-for={id}>
        {legend}
      </legend>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <div className="choices">
        {options.map((o, i) => {
          const oid = i === 0 ? id : `${id}-${o.value}`;
          return (
            <div className="radio" key={o.value}>
              <div className="check__row">
                <input
                  type="radio"
                  id={oid}
                  name={name}
                  value={o.value}
                  checked={value === o.value}
                  onChange={() => onChange(o.value)}
                  aria-describedby={o.hint ? `${oid}-hint` : undefined}
                />
                <label htmlFor={oid}>{o.label}</label>
              </div>
              {o.hint && (
                <p id={`${oid}-hint`} className="check__hint">
                  {o.hint}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
