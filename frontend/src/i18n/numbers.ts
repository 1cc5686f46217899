// Decimals, percentages and months the way each language writes them, with
// the same locales as format.ts: Indian digit grouping for Hindi (12,34,567.5),
// groups of three otherwise; Jul 2026, 2026年7月, जुल॰ 2026.
import type { Lang } from './catalog';

const numberLocale: Record<Lang, string> = { en: 'en-GB', ja: 'ja-JP', hi: 'en-IN' };
const dateLocale: Record<Lang, string> = { en: 'en-GB', ja: 'ja-JP', hi: 'hi-IN' };

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** formatDecimal writes a number with up to `digits` decimals and the language's grouping. */
export function formatDecimal(lang: Lang, n: number, digits = 1): string {
  return cached(`d:${lang}:${digits}`, () =>
    new Intl.NumberFormat(numberLocale[lang], { maximumFractionDigits: digits, numberingSystem: 'latn' }),
  ).format(n);
}

/** formatPercent writes a percentage given in percent (3.8 → 3.8%), to one decimal. */
export function formatPercent(lang: Lang, percent: number): string {
  return cached(`p:${lang}`, () =>
    new Intl.NumberFormat(numberLocale[lang], { style: 'percent', maximumFractionDigits: 1, numberingSystem: 'latn' }),
  ).format(percent / 100);
}

/** formatShare writes a share from 0 to 1 as a percentage (0.6224 → 62.2%). */
export function formatShare(lang: Lang, share: number): string {
  return formatPercent(lang, share * 100);
}

/** formatMonth writes a month (YYYY-MM) in the language's form; `short` abbreviates it for chart axes. */
export function formatMonth(lang: Lang, month: string, short = false): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  const style = short || lang === 'en' ? 'short' : 'long';
  return cached(`m:${lang}:${style}`, () =>
    new Intl.DateTimeFormat(dateLocale[lang], { year: 'numeric', month: style, timeZone: 'UTC', numberingSystem: 'latn' }),
  ).format(d);
}
