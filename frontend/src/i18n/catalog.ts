// Messages from locales/*.toml (converted at build time), rendered the way
// the Go API renders them: {{.Name}} placeholders and CLDR plural forms.
import type { MessageKey, PluralKey } from './keys.gen';

export type { MessageKey, PluralKey };

/** The languages Setubashi speaks; the first is the fallback. */
export const languages = ['en', 'ja', 'hi'] as const;
export type Lang = (typeof languages)[number];

/** One message: a text, or plural forms keyed by CLDR category. */
export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>>;
export type Messages = Record<string, Message>;

/** Arguments of a message; Count (or Max) chooses the plural form. */
export type Args = Record<string, string | number>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** loadMessages fetches one language's catalogue chunk. */
export function loadMessages(lang: Lang): Promise<Messages> {
  switch (lang) {
    case 'ja':
      return import('virtual:catalogue/ja').then((m) => m.default);
    case 'hi':
      return import('virtual:catalogue/hi').then((m) => m.default);
    default:
      return import('virtual:catalogue/en').then((m) => m.default);
  }
}

/**
 * The later part of each catalogue (scripts/catalogue.mjs, laterSections):
 * messages of pages loaded after the first render. Translators look there
 * after their own messages, so a page can render once loadLater resolved.
 */
const later = new Map<Lang, Messages>();
const laterLoads = new Map<Lang, Promise<void>>();

/** loadLater fetches (once) the later part of a language's catalogue. */
export function loadLater(lang: Lang): Promise<void> {
  let p = laterLoads.get(lang);
  if (!p) {
    const load =
      lang === 'ja'
        ? import('virtual:catalogue/ja/later')
        : lang === 'hi'
          ? import('virtual:catalogue/hi/later')
          : import('virtual:catalogue/en/later');
    p = load.then((m) => void later.set(lang, m.default));
    p.catch(() => laterLoads.delete(lang)); // try again next time
    laterLoads.set(lang, p);
  }
  return p;
}

/**
 * withLater resolves a page's module once the later messages of the page's
 * language (the document's) are there too: routes of pages that use them
 * load through it.
 */
export function withLater<T>(load: Promise<T>): Promise<T> {
  const lang = typeof document === 'undefined' ? 'en' : document.documentElement.lang;
  return Promise.all([load, loadLater(isLang(lang) ? lang : 'en')]).then(([m]) => m);
}

/** isLaterLoaded reports whether a language's later messages are there. */
export function isLaterLoaded(lang: Lang): boolean {
  return later.has(lang);
}

const placeholder = /\{\{\s*\.(\w+)\s*\}\}/g;

/** interpolate fills {{.Name}} placeholders; a missing argument stays visible as its name. */
export function interpolate(text: string, args: Args | undefined, formatNumber: (n: number) => string): string {
  return text.replace(placeholder, (_, name: string) => {
    const v = args?.[name];
    if (v === undefined) return name;
    return typeof v === 'number' ? formatNumber(v) : v;
  });
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** pluralForm picks the CLDR category of n in lang (Hindi counts 0 and 1 as "one"; Japanese has only "other"). */
export function pluralForm(lang: Lang, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(n);
}

/** Translator renders message IDs in one language. */
export interface Translator {
  lang: Lang;
  t(id: MessageKey, args?: Args): string;
  plural(id: PluralKey, count: number, args?: Args): string;
  /** has reports whether a (dynamic) message ID exists, e.g. a reference label. */
  has(id: string): boolean;
  /** label renders a reference code such as stage.offer, showing the code itself if unknown. */
  label(set: string, code: string): string;
}

export function createTranslator(lang: Lang, messages: Messages, formatNumber: (n: number) => string): Translator {
  const lookup = (id: string): Message | undefined => messages[id] ?? later.get(lang)?.[id];
  const render = (id: string, args?: Args): string => {
    const m = lookup(id);
    if (m === undefined) return id;
    if (typeof m === 'string') return interpolate(m, args, formatNumber);
    const n = Number(args?.Count ?? args?.Max ?? 0);
    const text = m[pluralForm(lang, n)] ?? m.other ?? Object.values(m)[0] ?? id;
    return interpolate(text, args, formatNumber);
  };
  return {
    lang,
    t: (id, args) => render(id, args),
    plural: (id, count, args) => render(id, { ...args, Count: count }),
    has: (id) => lookup(id) !== undefined,
    label: (set, code) => {
      const id = `${set}.${code}`;
      return lookup(id) !== undefined ? render(id) : code;
    },
  };
}
