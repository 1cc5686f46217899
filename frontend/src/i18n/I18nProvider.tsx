import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { createTranslator, isLang, isLaterLoaded, type Lang, languages, loadLater, loadMessages, type Messages, type Translator } from './catalog';
import { formatDate, formatDateTime, formatDay, formatInt, formatYen } from './format';

/** storageKey is where the reader's explicit language choice is remembered. */
export const storageKey = 'setubashi.lang';

/** storedLang returns the language the reader chose earlier on this device, if any. */
export function storedLang(): Lang | null {
  try {
    const v = localStorage.getItem(storageKey);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

/** rememberLang stores the reader's choice on this device. */
export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Private mode or storage full: the choice lasts for this visit only.
  }
}

/** browserLang picks the first supported language the browser asks for, else English. */
export function browserLang(preferred: readonly string[] = navigator.languages ?? [navigator.language]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return languages[0];
}

/** initialLang is the stored choice, else the browser's preference. */
export function initialLang(): Lang {
  return storedLang() ?? browserLang();
}

/** I18n is what components use to speak the reader's language. */
export interface I18n extends Translator {
  /** setLang switches the UI language (loading its catalogue first). */
  setLang(lang: Lang): Promise<void>;
  int(n: number): string;
  yen(n: number): string;
  /** day formats a calendar day (YYYY-MM-DD). */
  day(d: string): string;
  /** date formats the day of an instant (RFC 3339). */
  date(instant: string): string;
  dateTime(instant: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function makeI18n(lang: Lang, messages: Messages, setLang: (lang: Lang) => Promise<void>): I18n {
  const tr = createTranslator(lang, messages, (n) => formatInt(lang, n));
  return {
    ...tr,
    setLang,
    int: (n) => formatInt(lang, n),
    yen: (n) => formatYen(lang, n),
    day: (d) => formatDay(lang, d),
    date: (i) => formatDate(lang, i),
    dateTime: (i) => formatDateTime(lang, i),
  };
}

/**
 * I18nProvider holds the current language and its messages. It starts with a
 * catalogue that main.tsx loaded before the first render, so no page ever
 * shows message IDs.
 */
export function I18nProvider(props: { lang: Lang; messages: Messages; children: ReactNode; onChange?: (lang: Lang) => void }) {
  const { onChange } = props;
  const [state, setState] = useState({ lang: props.lang, messages: props.messages });
  const setLang = useCallback(
    async (lang: Lang) => {
      // A page that uses the later messages may be on screen: bring them too.
      const [messages] = await Promise.all([loadMessages(lang), languages.some(isLaterLoaded) ? loadLater(lang) : undefined]);
      rememberLang(lang);
      setState({ lang, messages });
      onChange?.(lang);
    },
    [onChange],
  );
  useEffect(() => {
    document.documentElement.lang = state.lang;
  }, [state.lang]);
  const value = useMemo(() => makeI18n(state.lang, state.messages, setLang), [state, setLang]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

/** useI18n returns the reader's language tools. */
export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
