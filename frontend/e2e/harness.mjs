// The machinery of the browser tests (e2e/run.mjs): the server binary built and
// started on a fresh SQLite database in development mode, Debian's Chromium
// driven by playwright-core, named steps, and the helpers every journey uses
// (messages as the UI shows them, the axe-core scan, the 390 px fit check,
// screenshots, signing in and out, switching language). A failure anywhere
// stops the server and the browser, keeps screenshots of the open pages and
// the server's last log lines, and exits non-zero.
//
// Bounded in time: BUILD_LIMIT_MS for `go build`, RUN_LIMIT_MS for the rest.
import AxeBuilder from '@axe-core/playwright';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { loadCatalogue, endonyms } from '../scripts/catalogue.mjs';

const BUILD_LIMIT_MS = 300_000; // a cold `go build` of the binary takes ~100 s on 2 cores
const RUN_LIMIT_MS = 330_000; // the server and the browser journeys take ~65 s on a fast machine, ~230 s on 2 cores
const here = dirname(fileURLToPath(import.meta.url));
const frontendDir = resolve(here, '..');
const repo = resolve(frontendDir, '..');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const demoPassword = 'setubashi-demo-2026';

const cat = { en: loadCatalogue('en'), ja: loadCatalogue('ja'), hi: loadCatalogue('hi') };
const names = endonyms();
/** T returns a message as the UI shows it (placeholders filled from args). */
export function T(lang, id, args = {}) {
  let m = cat[lang][id];
  if (m === undefined) throw new Error(`e2e: no message ${id}`);
  if (typeof m !== 'string') m = m.other;
  return m.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_, k) => String(args[k] ?? k));
}

const started = Date.now();
const tmp = mkdtempSync(join(tmpdir(), 'setubashi-e2e-'));
let server = null;
let browser = null;
let base = '';
let passed = 0;
let current = '';
let timer = null;
const pages = new Set();
const contextOptions = { viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Asia/Tokyo' };

export function log(msg) {
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${msg}`);
}

async function cleanup() {
  if (timer) clearTimeout(timer);
  if (browser) await browser.close().catch(() => {});
  browser = null;
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((res) => {
      const t = setTimeout(() => {
        server.kill('SIGKILL');
        res();
      }, 10_000);
      server.once('exit', () => {
        clearTimeout(t);
        res();
      });
    });
  }
  server = null;
}

async function fail(err) {
  console.error(`\n[e2e] FAILED in step "${current}": ${err?.stack || err}`);
  try {
    const outDir = join(frontendDir, 'e2e', 'out');
    mkdirSync(outDir, { recursive: true });
    let i = 0;
    for (const p of pages) {
      if (!p.isClosed()) await p.screenshot({ path: join(outDir, `failure-${++i}.png`), fullPage: true }).catch(() => {});
    }
    if (i) console.error(`[e2e] screenshots of the open pages: frontend/e2e/out/failure-*.png`);
  } catch {
    // best effort
  }
  const logFile = join(tmp, 'server.log');
  if (existsSync(logFile)) {
    const lines = readFileSync(logFile, 'utf8').trim().split('\n');
    console.error(`[e2e] last server log lines:\n${lines.slice(-25).join('\n')}`);
  }
  await cleanup();
  rmSync(tmp, { recursive: true, force: true });
  console.log(`${passed} passed, 1 failed`);
  process.exit(1);
}

process.on('SIGINT', () => void fail(new Error('interrupted')));
process.on('SIGTERM', () => void fail(new Error('terminated')));

/** run runs the journeys, then stops the server and the browser and exits: 0 if every step passed. */
export async function run(journeys) {
  try {
    await journeys();
    await cleanup();
    rmSync(tmp, { recursive: true, force: true });
    log(`${shotsTaken.length} screenshots in ${shotsTo}`);
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`${passed} passed, 0 failed`);
    process.exit(0);
  } catch (err) {
    await fail(err);
  }
}

export function check(cond, message) {
  if (!cond) throw new Error(message);
}

/** step runs one named step of a journey and returns what it returns. */
export async function step(name, fn) {
  current = name;
  const t0 = Date.now();
  const result = await fn();
  passed++;
  log(`✓ ${name} (${Date.now() - t0} ms)`);
  return result;
}

// ---- the server and the browser --------------------------------------------------------------

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

async function waitReady(timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`server exited with code ${server.exitCode}`);
    try {
      const r = await fetch(`${base}/readyz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server not ready in time');
}

function fontsFor(lang) {
  const r = spawnSync('fc-list', [`:lang=${lang}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

/** prepare checks what the run needs (the built UI, Chromium) and where the screenshots go. */
export function prepare() {
  if (!existsSync(join(frontendDir, 'dist', 'index.html'))) {
    throw new Error('frontend/dist has no index.html: run `npm run build` first');
  }
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (apt-get install chromium)`);
  if (!fontsFor('ja') || !fontsFor('hi')) {
    shotsTo = join(frontendDir, 'e2e', 'out', 'screenshots');
    log(`Japanese or Devanagari fonts are missing (fonts-noto-cjk, fonts-noto-core): screenshots go to ${shotsTo}, not docs/`);
  }
  mkdirSync(shotsTo, { recursive: true });
}

const bin = join(tmp, 'setubashi');

/** buildServer builds the binary (which embeds frontend/dist); the run's time limit starts after it. */
export function buildServer() {
  const r = spawnSync('go', ['build', '-o', bin, './backend/cmd/setubashi'], { cwd: repo, stdio: 'inherit', timeout: BUILD_LIMIT_MS });
  check(r.status === 0, r.error ? `go build: ${r.error.message}` : 'go build failed');
  timer = setTimeout(() => void fail(new Error(`time limit of ${RUN_LIMIT_MS / 1000} s exceeded`)), RUN_LIMIT_MS);
}

/** startServer starts it on a free port with a fresh database (the demo data and accounts), then the browser. */
export async function startServer() {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  h.base = base;
  const logFd = openSync(join(tmp, 'server.log'), 'a');
  server = spawn(bin, ['serve'], {
    cwd: tmp,
    env: {
      ...process.env,
      SETUBASHI_MODE: 'development',
      DATABASE_URL: join(tmp, 'e2e.db'),
      SETUBASHI_ADDR: `127.0.0.1:${port}`,
      SETUBASHI_DEMO_PASSWORD: demoPassword,
      SETUBASHI_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  await waitReady(60_000);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    // launch() gives every run a fresh, temporary user-data-dir.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * openPage opens a page in a browser context of its own (its own cookies and
 * storage), 1280 px wide unless `viewport` says otherwise; `init` runs in
 * every document before the page's scripts.
 */
export async function openPage({ viewport, init } = {}) {
  const context = await browser.newContext(viewport ? { ...contextOptions, viewport } : contextOptions);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  pages.add(page);
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => void fail(new Error(`page error on ${page.url()}: ${e.message}`)));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) {
      void fail(new Error(`CSP violation on ${page.url()}: ${m.text()}`));
    }
  });
  return page;
}

/** closePage closes a page opened with openPage, and its context. */
export async function closePage(page) {
  await page.context().close();
  pages.delete(page);
}

// ---- page helpers ------------------------------------------------------------------------

const axeFindings = [];

/** scan runs axe-core on the page and records serious or critical violations. */
export async function scan(page, label) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad) {
    axeFindings.push(`${label}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
  }
  check(bad.length === 0, `axe found serious/critical violations on ${label}:\n${axeFindings.slice(-bad.length).join('\n')}`);
}

/** fits checks that the page needs no sideways scrolling at 390 px (a phone) and 1440 px. */
export async function fits(page, label) {
  const size = page.viewportSize();
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 844 });
    await page.waitForTimeout(50);
    const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    check(scroll <= inner, `${label} is ${scroll} px wide at ${width} px (sideways scrolling)`);
  }
  await page.setViewportSize(size);
}

let shotsTo = join(repo, 'docs', 'screenshots');
const shotsTaken = [];
/**
 * shot takes the top of the page, or the part the selector at names just
 * under the sticky header, or (with element, a locator) that element alone;
 * on a phone (390 px) with mobile, or at a wider desktop width than the
 * 1280 px the journeys run at.
 */
export async function shot(page, name, { mobile = false, width = 0, at = '', element = null } = {}) {
  if (mobile) await page.setViewportSize({ width: 390, height: 844 });
  else if (width) await page.setViewportSize({ width, height: 900 });
  await page.evaluate((sel) => {
    const el = sel ? document.querySelector(sel) : null;
    const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
    window.scrollTo(0, el ? el.getBoundingClientRect().top + window.scrollY - header - 8 : 0);
  }, at);
  await page.waitForTimeout(100);
  const file = join(shotsTo, `${name}.png`);
  if (element) await element.screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: false });
  shotsTaken.push(file);
  if (mobile || width) await page.setViewportSize({ width: 1280, height: 800 });
}

/** settle waits until the page has no pending requests and no loading indicator. */
export async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
}

/** examine is what every main page gets: axe scan, 390 px fit, screenshot. */
export async function examine(page, name, lang, opts = {}) {
  await settle(page);
  await scan(page, `${name} (${lang})`);
  await fits(page, `${name} (${lang})`);
  if (opts.shot !== false) await shot(page, `${name}-${lang}`);
  if (opts.mobile) await shot(page, `${name}-${lang}-mobile`, { mobile: true });
}

export async function go(page, path) {
  await page.goto(base + path);
  await settle(page);
}

export async function signIn(page, email, password = demoPassword, lang = 'en') {
  await go(page, '/signin');
  await page.getByLabel(T(lang, 'web.account.email')).fill(email);
  await page.getByLabel(T(lang, 'web.account.password')).fill(password);
  await page.getByRole('button', { name: T(lang, 'web.signin.submit') }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
  await settle(page);
}

/** switchLang uses the header's switcher (opening the menu on small screens). */
export async function switchLang(page, lang) {
  const button = page.getByRole('button', { name: names[lang], exact: true });
  if (!(await button.isVisible())) await page.locator('.menu-button').click();
  await button.click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await settle(page);
}

export async function setLang(page, lang) {
  await page.evaluate((l) => localStorage.setItem('setubashi.lang', l), lang);
  await page.reload();
  await settle(page);
}

/** openAccountMenu opens the header's account menu (and the small-screen menu first, if closed). */
async function openAccountMenu(page) {
  const button = page.locator('.account-menu__button');
  if (!(await button.isVisible())) await page.locator('.menu-button').click();
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

export async function signOut(page) {
  await openAccountMenu(page);
  await page.getByRole('button', { name: T('en', 'web.nav.sign_out') }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await settle(page);
}

export function today(offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** h is what every journey module takes: the helpers, and the server's address once it runs. */
export const h = { T, check, go, settle, examine, scan, fits, shot, signIn, signOut, setLang, switchLang, openPage, closePage, today, demoPassword, base, log };
