// Numbers, yen and dates the way each language writes them, matching
// backend/i18n/format.go: Indian digit grouping (1,23,45,678) for Hindi,
// groups of three otherwise; 26 Nov 2026, 2026年11月26日, 26 नवंबर 2026.
import type { Lang } from './catalog';

const numberLocale: Record<Lang, string> = { en: 'en-GB', ja: 'ja-JP', hi: 'en-IN' };
const dateLocale: Record<Lang, string> = { en: 'en-GB', ja: 'ja-JP', hi: 'hi-IN' };

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(lang: Lang): Intl.NumberFormat {
  const key = `n:${lang}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(numberLocale[lang], { maximumFractionDigits: 0, numberingSystem: 'latn' });
    cache.set(key, f);
  }
  return f;
}

function dateFormat(lang: Lang, withTime: boolean): Intl.DateTimeFormat {
  const key = `d:${lang}:${withTime}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    const month = lang === 'en' ? 'short' : 'long';
    f = new Intl.DateTimeFormat(dateLocale[lang], {
      year: 'numeric',
      month,
      day: 'numeric',
      numberingSystem: 'latn',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { timeZone: 'UTC' }),
    });
    cache.set(key, f);
  }
  return f;
}

/** formatInt writes a whole number with the language's digit grouping. */
export function formatInt(lang: Lang, n: number): string {
  return numberFormat(lang).format(n);
}

/** formatYen writes an amount of yen: ¥6,500,000 (en, ja) or ¥65,00,000 (hi). */
export function formatYen(lang: Lang, yen: number): string {
  const sign = yen < 0 ? '-' : '';
  return `${sign}¥${formatInt(lang, Math.abs(yen))}`;
}

/** parseDay reads a calendar day (YYYY-MM-DD) as midnight UTC, or null. */
export function parseDay(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** formatDay writes a calendar day (YYYY-MM-DD) in the language's form. */
export function formatDay(lang: Lang, day: string): string {
  const d = parseDay(day);
  return d ? dateFormat(lang, false).format(d) : day;
}

/** formatDate writes the calendar day of an instant (RFC 3339), in the reader's time zone. */
export function formatDate(lang: Lang, instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const month = lang === 'en' ? 'short' : 'long';
  return new Intl.DateTimeFormat(dateLocale[lang], { year: 'numeric', month, day: 'numeric', numberingSystem: 'latn' }).format(d);
}

/** formatDateTime writes an instant with its local time of day. */
export function formatDateTime(lang: Lang, instant: string): string {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? instant : dateFormat(lang, true).format(d);
}
