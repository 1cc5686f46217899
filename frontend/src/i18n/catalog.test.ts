import { describe, expect, it } from 'vitest';
import { createTranslator, interpolate, isLang, languages, loadMessages, type Messages, pluralForm } from './catalog';

const fmt = (n: number) => `#${n}`;

describe('interpolate', () => {
  it('fills {{.Name}} placeholders, formatting numbers', () => {
    expect(interpolate('Step {{.N}} of {{ .Total }}', { N: 2, Total: 6 }, fmt)).toBe('Step #2 of #6');
    expect(interpolate('Hello {{.Name}}', { Name: 'Asha' }, fmt)).toBe('Hello Asha');
  });
  it('leaves a missing argument visible by name', () => {
    expect(interpolate('{{.Missing}} here', {}, fmt)).toBe('Missing here');
  });
});

describe('pluralForm', () => {
  it('follows CLDR: Hindi counts 0 and 1 as one, Japanese has only other', () => {
    expect(pluralForm('en', 1)).toBe('one');
    expect(pluralForm('en', 0)).toBe('other');
    expect(pluralForm('en', 2)).toBe('other');
    expect(pluralForm('hi', 0)).toBe('one');
    expect(pluralForm('hi', 1)).toBe('one');
    expect(pluralForm('hi', 2)).toBe('other');
    expect(pluralForm('ja', 1)).toBe('other');
  });
});

describe('createTranslator', () => {
  const messages: Messages = {
    'web.x.hello': 'Hello {{.Name}}',
    'web.x.roles': { one: '{{.Count}} role', other: '{{.Count}} roles' },
    'stage.offer': 'Offer',
  };
  const tr = createTranslator('en', messages, (n) => n.toLocaleString('en-GB'));
  it('renders texts and plural forms', () => {
    expect(tr.t('web.x.hello' as never, { Name: 'Ravi' })).toBe('Hello Ravi');
    expect(tr.plural('web.x.roles' as never, 1)).toBe('1 role');
    expect(tr.plural('web.x.roles' as never, 1200)).toBe('1,200 roles');
  });
  it('labels reference codes, showing an unknown code as it is', () => {
    expect(tr.label('stage', 'offer')).toBe('Offer');
    expect(tr.label('stage', 'mystery')).toBe('mystery');
    expect(tr.has('stage.offer')).toBe(true);
  });
  it('shows the ID of a missing message rather than nothing', () => {
    expect(tr.t('web.nope' as never)).toBe('web.nope');
  });
});

describe('the catalogues from locales/', () => {
  it('load for every language with the same web.* keys and placeholders', async () => {
    const [en, ja, hi] = await Promise.all(languages.map((l) => loadMessages(l)));
    const ph = (m: unknown) =>
      [...String(typeof m === 'string' ? m : (m as { other: string }).other).matchAll(/\{\{\s*\.(\w+)\s*\}\}/g)]
        .map((x) => x[1])
        .sort()
        .join();
    const webKeys = Object.keys(en!).filter((k) => k.startsWith('web.'));
    expect(webKeys.length).toBeGreaterThan(300);
    for (const cat of [ja!, hi!]) {
      for (const k of webKeys) {
        expect(cat[k], k).toBeDefined();
        expect(ph(cat[k]), k).toBe(ph(en![k]));
      }
    }
  });
  it('render Hindi plurals with 0 as one and Japanese with one form', async () => {
    const hi = createTranslator('hi', await loadMessages('hi'), String);
    const ja = createTranslator('ja', await loadMessages('ja'), String);
    expect(hi.plural('web.roles.shown', 0)).toBe(hi.plural('web.roles.shown', 1).replace('1', '0'));
    expect(ja.plural('web.role.months', 1)).toBe('1か月');
    expect(ja.plural('web.role.months', 6)).toBe('6か月');
  });
  it('isLang accepts only supported languages', () => {
    expect(isLang('ja')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });
});
