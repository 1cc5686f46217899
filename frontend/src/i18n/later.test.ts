import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without type declarations
import { laterSections, loadCatalogue } from '../../scripts/catalogue.mjs';
import { createTranslator, isLaterLoaded, languages, loadLater, loadMessages } from './catalog';

type Cat = Record<string, unknown>;
const isLater = (id: string) => (laterSections as string[]).some((s) => id === s || id.startsWith(s + '.'));

describe('the catalogues’ two parts', () => {
  it('split every language in two without losing or repeating a message', () => {
    for (const lang of languages) {
      const all = loadCatalogue(lang) as Cat;
      const first = loadCatalogue(lang, 'first') as Cat;
      const later = loadCatalogue(lang, 'later') as Cat;
      expect(Object.keys(first).some(isLater)).toBe(false);
      expect(Object.keys(later).every(isLater)).toBe(true);
      expect(Object.keys(first).length + Object.keys(later).length).toBe(Object.keys(all).length);
      expect(later['web.hsp.title']).toBeDefined();
      expect(later['match.component.skills_required']).toBeDefined();
      // The landing page's live figure and the header are in the first part.
      expect(first['web.progress.home_title']).toBeDefined();
      expect(first['web.nav.rounds']).toBeDefined();
    }
  });

  it('let a translator made from the first part speak the later messages once they are loaded', async () => {
    const tr = createTranslator('ja', await loadMessages('ja'), String);
    expect(tr.has('web.hsp.title')).toBe(isLaterLoaded('ja'));
    await loadLater('ja');
    expect(isLaterLoaded('ja')).toBe(true);
    expect(tr.t('web.hsp.title' as never)).toBe('高度専門職ポイント計算');
    expect(tr.label('match.component', 'salary')).not.toBe('salary');
    expect(tr.plural('web.hsp.points', 75)).toBe('75点');
  });
});
