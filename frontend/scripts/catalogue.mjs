// Reads the message catalogues in ../locales (the same files the Go API
// loads) and flattens them for the web UI: nested TOML tables become dotted
// message IDs ("web.nav.roles"); a table whose keys are all CLDR plural
// categories stays an object of forms ({one, other}).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';

export const localesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../locales');

/** The languages the UI speaks, as in backend/i18n.Supported; the first is the fallback. */
export const languages = ['en', 'ja', 'hi'];

/**
 * Sections of the catalogues the UI uses: its own strings ([web.*]) and the
 * reference labels it shows. API error texts arrive already localized in
 * problem documents, so they are left out to keep the bundles small.
 */
export const uiSections = [
  'app', 'web', 'account_role', 'stage', 'role_status', 'role_type', 'org_kind', 'education', 'jlpt',
  'english', 'requirement_mode', 'remote', 'visa', 'state', 'prefecture', 'content', 'language',
  // Labels of codes that API answers carry (match components, HSP items, the
  // dashboard's figures, columns, dimensions and measures); a dotted entry
  // keeps only that sub-table.
  'match.component', 'hsp.item', 'hsp.category', 'dashboard',
];

/**
 * Sections that only pages loaded later use (matching, HSP points, the goal
 * dashboard). They form a second chunk per language, `…/later`, fetched
 * after the first render and awaited by those pages' routes, so that the
 * first visit carries only what the frame and the landing page need.
 */
export const laterSections = [
  'web.recommend', 'web.match', 'web.skills', 'web.rank', 'web.ranked', 'web.candidates', 'web.hsp',
  'web.rounds', 'web.chart', 'web.dashboard', 'match.component', 'hsp.item', 'hsp.category', 'dashboard',
  // The account, privacy and administration pages (pages/account); the header's
  // account menu (web.menu) and sign-in (web.second_step, web.wait, web.sessions) stay first.
  'web.enrol', 'web.recovery', 'web.security', 'web.password', 'web.privacy', 'web.views', 'web.data', 'web.deleted',
  'web.users', 'web.audit',
  // The notification pages (notifications, their settings, saved searches, unsubscribe); the
  // bell, the account menu's links and the role search's "Save this search" stay first.
  'web.notifications', 'web.notify_prefs', 'web.notify_kind', 'web.notify_desc', 'web.saved_searches', 'web.unsubscribe',
];

const pluralCategories = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
// go-i18n reads a table holding any of these keys as one message, so an
// ordinary message named like this would break the Go side's catalogue.
const goI18nReserved = new Set(['id', 'description', 'hash', 'leftdelim', 'rightdelim', 'translation']);

function isPlural(table) {
  const keys = Object.keys(table);
  return keys.length > 0 && keys.every((k) => pluralCategories.has(k) && typeof table[k] === 'string');
}

/** flatten turns a parsed TOML tree into { "a.b": "text" | {one, other} }. */
export function flatten(tree, prefix = '', out = {}) {
  for (const [key, value] of Object.entries(tree)) {
    const id = prefix ? `${prefix}.${key}` : key;
    if (goI18nReserved.has(key.toLowerCase())) {
      throw new Error(`catalogue: ${id}: "${key}" is reserved by go-i18n; choose another key`);
    }
    if (typeof value === 'string') {
      out[id] = value;
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      if (isPlural(value)) out[id] = { ...value };
      else flatten(value, id, out);
    } else {
      throw new Error(`catalogue: ${id} is not text`);
    }
  }
  return out;
}

/** catalogueFile returns the path of one language's catalogue. */
export function catalogueFile(lang) {
  return resolve(localesDir, `${lang}.toml`);
}

function readTree(lang) {
  return parse(readFileSync(catalogueFile(lang), 'utf8'));
}

/**
 * loadCatalogue reads one language's catalogue, keeping only uiSections:
 * all of them, or the `first` part (without laterSections) or the `later` one.
 */
export function loadCatalogue(lang, part = 'all') {
  const tree = readTree(lang);
  const picked = {};
  for (const section of uiSections) {
    const path = section.split('.');
    let node = tree;
    for (const key of path) node = node?.[key];
    if (node === undefined) continue;
    let into = picked;
    for (const key of path.slice(0, -1)) into = into[key] ??= {};
    into[path[path.length - 1]] = node;
  }
  const all = flatten(picked);
  if (part === 'all') return all;
  const later = (id) => laterSections.some((sec) => id === sec || id.startsWith(sec + '.'));
  return Object.fromEntries(Object.entries(all).filter(([id]) => (part === 'later') === later(id)));
}

/** endonyms names each language in itself (English, 日本語, हिंदी), from each catalogue's [language] table. */
export function endonyms() {
  const out = {};
  for (const lang of languages) {
    const tree = readTree(lang);
    out[lang] = tree.language?.[lang] ?? lang;
  }
  return out;
}
