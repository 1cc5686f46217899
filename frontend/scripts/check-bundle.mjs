// Fails the build when the JavaScript a first visit needs is over budget:
// the entry with everything it imports statically, the largest language
// catalogue (one is loaded before the first render) and the landing page's
// chunk. Sizes are gzip-compressed, as the Go server sends them.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const budgetBytes = 150 * 1024;

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error('check-bundle: dist/.vite/manifest.json is missing; run vite build first');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** closure returns the files a chunk loads statically, itself included. */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imp of chunk.imports ?? []) closure(imp, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const files = closure(entryKey);
// The first part of each catalogue; the `/later` parts load after the first render.
const catalogues = Object.keys(manifest).filter((k) => k.startsWith('virtual:catalogue/') && !k.endsWith('/later'));
const largestCatalogue = catalogues.map((k) => manifest[k].file).sort((a, b) => gz(b) - gz(a))[0];
if (largestCatalogue) files.add(largestCatalogue);
for (const f of closure('src/features/home/Home.tsx')) files.add(f);

let total = 0;
const rows = [...files].map((f) => [f, gz(f)]).sort((a, b) => b[1] - a[1]);
for (const [f, size] of rows) {
  total += size;
  console.log(`  ${(size / 1024).toFixed(1).padStart(6)} KB  ${f}`);
}
const line = `initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (budget ${budgetBytes / 1024} KB)`;
// The manifest served its purpose; it is not part of the site.
rmSync(join(dist, '.vite'), { recursive: true, force: true });
if (total > budgetBytes) {
  console.error(`check-bundle: ${line}: over budget`);
  process.exit(1);
}
console.log(`check-bundle: ${line}`);
