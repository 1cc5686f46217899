// A Vite plugin that serves the catalogues in ../locales to the UI as
// modules: `virtual:catalogue/en` (and ja, hi) export that language's
// flattened messages, each its own lazily loaded chunk, and
// `virtual:catalogue/en/later` those of laterSections; `virtual:endonyms`
// exports the language names written in themselves for the switcher.
import { catalogueFile, endonyms, languages, loadCatalogue } from './catalogue.mjs';

const prefix = 'virtual:catalogue/';
const endonymsId = 'virtual:endonyms';

export function catalogues() {
  return {
    name: 'setubashi-catalogues',
    resolveId(id) {
      if (id === endonymsId) return '\0' + endonymsId;
      if (id.startsWith(prefix) && languages.includes(id.slice(prefix.length).replace(/\/later$/, ''))) return '\0' + id;
      return null;
    },
    load(id) {
      if (id === '\0' + endonymsId) {
        for (const lang of languages) this.addWatchFile(catalogueFile(lang));
        return `export default ${JSON.stringify(endonyms())};`;
      }
      if (id.startsWith('\0' + prefix)) {
        const rest = id.slice(1 + prefix.length);
        const lang = rest.replace(/\/later$/, '');
        this.addWatchFile(catalogueFile(lang));
        return `export default ${JSON.stringify(loadCatalogue(lang, rest.endsWith('/later') ? 'later' : 'first'))};`;
      }
      return null;
    },
  };
}
