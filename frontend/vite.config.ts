/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { writeFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
// @ts-expect-error: a plain ES module without type declarations
import { catalogues } from './scripts/vite-plugin-catalogues.mjs';

// go:embed needs frontend/dist to exist in every clone, so the committed
// dist/.gitkeep is written back after Vite empties the folder.
const keepGitkeep: Plugin = {
  name: 'setubashi-keep-gitkeep',
  apply: 'build',
  closeBundle() {
    writeFileSync(new URL('./dist/.gitkeep', import.meta.url), '');
  },
};

// The UI is served by the Go binary from the same origin as the API; in
// `npm run dev` Vite proxies the API to a server on :8080 (make run).
export default defineConfig({
  plugins: [react(), catalogues(), keepGitkeep],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
    modulePreload: { polyfill: false },
    manifest: true, // read (then removed) by scripts/check-bundle.mjs
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/healthz': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
