import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { rememberSkill, type Skill, useSkillLabels, useSkillSearch } from '../api/matching';
import { fieldId } from '../forms/errors';
import { useI18n } from '../i18n/I18nProvider';
import { foldSkillText } from './skills';
import './skillPicker.css';

/**
 * SkillPicker is a combobox (ARIA 1.2, list autocomplete) over the skills
 * taxonomy: the reader types in English, Japanese or Hindi and picks a
 * skill, shown by its label in the reader's language; the value is the
 * skill's slug. Arrow keys move through the options, Enter picks, Escape
 * closes. Leaving the field with text that exactly names a skill picks it;
 * other text is kept as typed, so that the API names it `unknown_skill` and
 * offers the nearest skills (`suggestions`), shown as buttons below.
 */
export function SkillPicker(props: {
  name: string;
  label: string;
  value: string;
  onChange: (slug: string) => void;
  error?: string | undefined;
  suggestions?: string[] | undefined;
}) {
  const { name, label, value, onChange, error, suggestions = [] } = props;
  const { t, plural, lang } = useI18n();
  const qc = useQueryClient();
  const id = fieldId(name);
  const listId = useId();
  const hintId = `${id}-hint`;
  const labelOf = useSkillLabels([value, ...suggestions]);
  const [text, setText] = useState<string | null>(null); // null: show the value's label
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [query, setQuery] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  // Ask the API after a short pause in typing.
  useEffect(() => {
    if (text === null) return;
    const timer = window.setTimeout(() => setQuery(text.trim()), 150);
    return () => window.clearTimeout(timer);
  }, [text]);
  const search = useSkillSearch(query, open && query !== '');
  const options: Skill[] = open && query !== '' ? (search.data ?? []) : [];
  const expanded = open && options.length > 0;

  const shown = text ?? (value ? labelOf(value) : '');

  const pick = (skill: Skill) => {
    rememberSkill(qc, lang, skill);
    onChange(skill.slug);
    setText(null);
    setOpen(false);
    setActive(-1);
  };

  const onBlur = () => {
    setOpen(false);
    setActive(-1);
    if (text === null) return;
    const typed = foldSkillText(text);
    const exact = (search.data ?? []).find(
      (s) => foldSkillText(s.matched) === typed || foldSkillText(s.label) === typed || s.slug === typed,
    );
    if (exact && query === text.trim()) pick(exact);
    else setText(null);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      setActive((a) => (options.length ? (a + 1) % options.length : -1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (options.length ? (a <= 0 ? options.length - 1 : a - 1) : -1));
    } else if (e.key === 'Enter') {
      if (expanded && active >= 0 && options[active]) {
        e.preventDefault();
        pick(options[active]);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text !== null) {
        setText(null);
      }
    }
  };

  const status = !open || query === '' ? '' : search.isFetching && options.length === 0 ? t('web.common.loading') : plural('web.skills.results', options.length);

  return (
    <div className={`field skill-picker${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label" data-label-for={id}>
        {label}
      </label>
      <p id={hintId} className="field__hint">
        {t('web.skills.hint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <div className="skill-picker__box">
        <input
          ref={inputRef}
          id={id}
          name={name}
          className="input"
          type="text"
          role="combobox"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
          value={shown}
          onChange={(e) => {
            setText(e.target.value);
            onChange(e.target.value.trim());
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => {
            if (text !== null) setOpen(true);
          }}
          onBlur={onBlur}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label={label} className="skill-picker__list" hidden={!expanded}>
          {options.map((s, i) => (
            <li
              key={s.slug}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="skill-picker__option"
              // mousedown, not click: it comes before the input's blur.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(s);
              }}
            >
              <span className="skill-picker__label">{s.label}</span>
              <span className="skill-picker__meta">
                {s.matched && s.matched !== s.label ? `${s.matched} · ` : ''}
                {s.domain_label}
              </span>
            </li>
          ))}
        </ul>
        <span className="visually-hidden" role="status" aria-live="polite">
          {status}
        </span>
      </div>
      {suggestions.length > 0 && !suggestions.includes(value) && (
        <div className="skill-picker__suggest">
          <span>{t('web.skills.did_you_mean')}</span>
          <ul className="actions">
            {suggestions.map((slug) => (
              <li key={slug}>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    onChange(slug);
                    setText(null);
                    inputRef.current?.focus();
                  }}
                >
                  {labelOf(slug)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
