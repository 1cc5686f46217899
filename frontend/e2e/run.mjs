// End-to-end test of the web UI against the real server on SQLite, in
// Debian's Chromium driven by playwright-core.
//
// It builds the binary (which embeds frontend/dist: run `npm run build`
// first), starts it in development mode on a free port with a fresh
// database (the demo data and accounts), and walks the main journeys:
// a candidate signs up, fills the profile, browses roles and applies; the
// demo organisation moves the application to offer with reasons; the
// candidate sees it and accepts; the organisation records placement and
// arrival, posts a role; a new organisation registers and an administrator
// verifies it; the language switch turns the same pages into Japanese and
// Hindi. One's own account: the candidate sees that the demo organisation viewed the
// profile, withdraws and gives again the transfer to Japan (and the
// organisation loses and regains the profile), downloads the export, and
// signs out everywhere from a second browser; the new organisation member
// sets up an authenticator app (codes computed here, RFC 6238 with
// node:crypto) and signs in with the second step; an administrator reads the
// accounts and the audit log; a throwaway candidate erases their account.
// Matching and the dashboard (e2e/matching.mjs): skills autocomplete in English and
// Japanese with the API's suggestion for a typo, recommendations with their
// reasons, HSP points on a role page and the public calculator, applicants
// ranked by match, recommended candidates, a matching round from draft to
// results (rank lists reordered with the keyboard), the live progress figure,
// the public progress page and the ministry dashboard in three languages.
// Notifications (e2e/notifications.mjs): the demo organisation moves one of the
// demo candidate's applications and shares the reason; the candidate sees the
// bell's count, reads the notification with the reason in three languages and
// opens the application from it; the e-mail reached the development mail
// catcher, and its unsubscribe link turns that kind off, which the
// settings page shows and turns back on; a role search is saved, shown and
// deleted.
// Every main page gets an axe-core scan (no serious or critical
// violation), a check that it fits 390 px without sideways scrolling, and a
// screenshot in docs/screenshots/.
//
// Bounded in time (BUILD_LIMIT_MS for `go build`, RUN_LIMIT_MS for the rest),
// it always stops its server and browser, and exits non-zero on the first
// failure.
import AxeBuilder from '@axe-core/playwright';
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { loadCatalogue, endonyms } from '../scripts/catalogue.mjs';
import * as m35 from './matching.mjs';
import * as n7 from './notifications.mjs';

const BUILD_LIMIT_MS = 300_000; // a cold `go build` of the binary takes ~100 s on 2 cores
const RUN_LIMIT_MS = 330_000; // the server and the browser journeys take ~65 s on a fast machine, ~230 s on 2 cores
const here = dirname(fileURLToPath(import.meta.url));
const frontendDir = resolve(here, '..');
const repo = resolve(frontendDir, '..');
const shotsDir = join(repo, 'docs', 'screenshots');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const demoPassword = 'setubashi-demo-2026';

const cat = { en: loadCatalogue('en'), ja: loadCatalogue('ja'), hi: loadCatalogue('hi') };
const names = endonyms();
/** T returns a message as the UI shows it (placeholders filled from args). */
function T(lang, id, args = {}) {
  let m = cat[lang][id];
  if (m === undefined) throw new Error(`e2e: no message ${id}`);
  if (typeof m !== 'string') m = m.other;
  return m.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_, k) => String(args[k] ?? k));
}

const started = Date.now();
const tmp = mkdtempSync(join(tmpdir(), 'setubashi-e2e-'));
let server = null;
let browser = null;
let passed = 0;
let current = '';
const pages = new Set();

function log(msg) {
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${msg}`);
}

async function cleanup() {
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

let timer = null;
process.on('SIGINT', () => void fail(new Error('interrupted')));
process.on('SIGTERM', () => void fail(new Error('terminated')));

function check(cond, message) {
  if (!cond) throw new Error(message);
}

async function step(name, fn) {
  current = name;
  const t0 = Date.now();
  await fn();
  passed++;
  log(`✓ ${name} (${Date.now() - t0} ms)`);
}

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

async function waitReady(base, timeoutMs) {
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

// ---- page helpers ------------------------------------------------------------------------

const axeFindings = [];

/** scan runs axe-core on the page and records serious or critical violations. */
async function scan(page, label) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad) {
    axeFindings.push(`${label}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
  }
  check(bad.length === 0, `axe found serious/critical violations on ${label}:\n${axeFindings.slice(-bad.length).join('\n')}`);
}

/** fits checks that the page needs no sideways scrolling at 390 px (a phone) and 1440 px. */
async function fits(page, label) {
  const size = page.viewportSize();
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 844 });
    await page.waitForTimeout(50);
    const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    check(scroll <= inner, `${label} is ${scroll} px wide at ${width} px (sideways scrolling)`);
  }
  await page.setViewportSize(size);
}

let shotsTo = shotsDir;
const shotsTaken = [];
async function shot(page, name, { mobile = false, width = 0, at = '' } = {}) {
  // A phone (390 px), or a wider desktop than the 1280 px the journeys run at.
  if (mobile) await page.setViewportSize({ width: 390, height: 844 });
  else if (width) await page.setViewportSize({ width, height: 900 });
  // At the top of the page, or with the part `at` names just under the sticky header.
  await page.evaluate((sel) => {
    const el = sel ? document.querySelector(sel) : null;
    const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
    window.scrollTo(0, el ? el.getBoundingClientRect().top + window.scrollY - header - 8 : 0);
  }, at);
  await page.waitForTimeout(100);
  const file = join(shotsTo, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  shotsTaken.push(file);
  if (mobile || width) await page.setViewportSize({ width: 1280, height: 800 });
}

/** settle waits until the page has no pending requests and no loading indicator. */
async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
}

/** examine is what every main page gets: axe scan, 390 px fit, screenshot. */
async function examine(page, name, lang, opts = {}) {
  await settle(page);
  await scan(page, `${name} (${lang})`);
  await fits(page, `${name} (${lang})`);
  if (opts.shot !== false) await shot(page, `${name}-${lang}`);
  if (opts.mobile) await shot(page, `${name}-${lang}-mobile`, { mobile: true });
}

async function newPage(context, base) {
  const page = await context.newPage();
  pages.add(page);
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => void fail(new Error(`page error on ${page.url()}: ${e.message}`)));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) {
      void fail(new Error(`CSP violation on ${page.url()}: ${m.text()}`));
    }
  });
  page.base = base;
  return page;
}

async function go(page, path) {
  await page.goto(page.base + path);
  await settle(page);
}

async function signIn(page, email, password = demoPassword, lang = 'en') {
  await go(page, '/signin');
  await page.getByLabel(T(lang, 'web.account.email')).fill(email);
  await page.getByLabel(T(lang, 'web.account.password')).fill(password);
  await page.getByRole('button', { name: T(lang, 'web.signin.submit') }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
  await settle(page);
}

/** switchLang uses the header's switcher (opening the menu on small screens). */
async function switchLang(page, lang) {
  const button = page.getByRole('button', { name: names[lang], exact: true });
  if (!(await button.isVisible())) await page.locator('.menu-button').click();
  await button.click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await settle(page);
}

async function setLang(page, lang) {
  await page.evaluate((l) => localStorage.setItem('setubashi.lang', l), lang);
  await page.reload();
  await settle(page);
}

// ---- RFC 6238 (TOTP: HMAC-SHA1, 6 digits, 30-second steps), as an authenticator app computes it ----

/** base32Decode reads an RFC 4648 base32 secret (no padding needed). */
function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const out = [];
  let bits = 0;
  let value = 0;
  for (const ch of text.replace(/[\s=]/g, '').toUpperCase()) {
    const v = alphabet.indexOf(ch);
    if (v < 0) throw new Error(`not base32: ${ch}`);
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** totp is the code of a time step (RFC 4226 HOTP over the step number). */
function totp(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const n = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(n % 1_000_000).padStart(6, '0');
}

const stepNow = () => Math.floor(Date.now() / 1000 / 30);

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890" at T = 59 s and 1111111109 s (last 6 digits).
check(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1) === '287082', 'TOTP self-test failed (T=59)');
check(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', Math.floor(1111111109 / 30)) === '081804', 'TOTP self-test failed (T=1111111109)');

/** openAccountMenu opens the header's account menu (and the small-screen menu first, if closed). */
async function openAccountMenu(page) {
  const button = page.locator('.account-menu__button');
  if (!(await button.isVisible())) await page.locator('.menu-button').click();
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

async function signOut(page) {
  await openAccountMenu(page);
  await page.getByRole('button', { name: T('en', 'web.nav.sign_out') }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await settle(page);
}

function today(offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}

// ---- the run -------------------------------------------------------------------------------

async function main() {
  if (!existsSync(join(frontendDir, 'dist', 'index.html'))) {
    throw new Error('frontend/dist has no index.html: run `npm run build` first');
  }
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (apt-get install chromium)`);
  if (!fontsFor('ja') || !fontsFor('hi')) {
    shotsTo = join(frontendDir, 'e2e', 'out', 'screenshots');
    log(`Japanese or Devanagari fonts are missing (fonts-noto-cjk, fonts-noto-core): screenshots go to ${shotsTo}, not docs/`);
  }
  mkdirSync(shotsTo, { recursive: true });

  const bin = join(tmp, 'setubashi');
  await step('build the server binary', async () => {
    const r = spawnSync('go', ['build', '-o', bin, './backend/cmd/setubashi'], { cwd: repo, stdio: 'inherit', timeout: BUILD_LIMIT_MS });
    check(r.status === 0, r.error ? `go build: ${r.error.message}` : 'go build failed');
  });
  timer = setTimeout(() => void fail(new Error(`time limit of ${RUN_LIMIT_MS / 1000} s exceeded`)), RUN_LIMIT_MS);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  await step('start the server on SQLite with demo data', async () => {
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
    await waitReady(base, 60_000);
  });

  browser = await chromium.launch({
    executablePath: chromiumPath,
    // launch() gives every run a fresh, temporary user-data-dir.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const contextOptions = { viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Asia/Tokyo' };
  const visitor = await newPage(await browser.newContext(contextOptions), base);
  const org = await newPage(await browser.newContext(contextOptions), base);
  const cand = await newPage(await browser.newContext(contextOptions), base);
  const h = { T, check, go, settle, examine, scan, fits, shot, signIn, setLang, base, log };

  await step('visitor: landing page and role search', async () => {
    await go(visitor, '/');
    await visitor.getByRole('heading', { level: 1, name: T('en', 'web.home.title') }).waitFor();
    await visitor.locator('.role-card').first().waitFor();
    await examine(visitor, 'home', 'en', { mobile: true });
    await go(visitor, '/roles');
    await visitor.locator('.role-card').first().waitFor();
    await visitor.getByLabel(T('en', 'web.roles.type')).selectOption('job');
    await visitor.getByRole('button', { name: T('en', 'web.roles.search') }).click();
    await visitor.waitForURL(/type=job/);
    await settle(visitor);
    const tags = await visitor.locator('.role-card .role-card__top .tag:first-child').allTextContents();
    check(tags.length > 0 && tags.every((t) => t === T('en', 'role_type.job')), `filtered list shows other types: ${tags}`);
    await examine(visitor, 'roles', 'en');
  });

  await step('visitor: live progress, the public progress page and the HSP points calculator', async () => {
    await m35.visitorPages(h, visitor);
  });

  let roleId = 0;
  let roleTitle = '';
  await step('organisation member signs in and finds an open role', async () => {
    await signIn(org, 'org@demo.setubashi.test');
    check(new URL(org.url()).pathname === '/organization', `landed on ${org.url()}`);
    const open = org.locator('.row-card', { has: org.locator('.badge', { hasText: T('en', 'role_status.open') }) }).first();
    const link = open.locator('.row-card__title a');
    roleTitle = (await link.textContent()).trim();
    roleId = Number((await link.getAttribute('href')).split('/').pop());
    check(roleId > 0 && roleTitle, 'no open role found');
    await examine(org, 'organization', 'en');
  });

  const admin35 = await newPage(await browser.newContext(contextOptions), base);
  await step('administrator drafts a matching round over two open roles and opens it', async () => {
    await signIn(admin35, 'admin@demo.setubashi.test');
    await m35.adminCreatesRound(h, admin35, org, roleId);
  });

  const email = `priya.${Date.now()}@example.in`;
  await step('candidate signs up', async () => {
    await go(cand, '/signup');
    await examine(cand, 'signup', 'en', { shot: false });
    await cand.getByLabel(T('en', 'web.account.name')).fill('Priya Raman');
    await cand.getByLabel(T('en', 'web.account.email')).fill(email);
    await cand.getByLabel(T('en', 'web.account.password')).fill('chai-and-tensors-2026');
    await cand.getByRole('button', { name: T('en', 'web.signup.submit') }).click();
    await cand.waitForURL(/\/profile/);
    await cand.getByRole('heading', { level: 2, name: new RegExp(T('en', 'web.profile.step_about')) }).waitFor();
  });

  await step('candidate fills the profile, with a mistake shown beside its field', async () => {
    const L = (id) => T('en', id);
    await cand.getByLabel(L('web.profile.indian_state')).selectOption('karnataka');
    await cand.getByLabel(L('web.profile.city')).fill('Bengaluru');
    await cand.getByLabel(L('web.profile.date_of_birth')).fill('1997-05-14');
    await cand.getByRole('button', { name: L('web.profile.save_next') }).click();
    await cand.getByRole('heading', { level: 2, name: new RegExp(L('web.profile.step_education')) }).waitFor();

    await cand.getByRole('button', { name: L('web.profile.add_degree') }).click();
    await cand.getByLabel(L('web.profile.degree_level')).selectOption('master');
    await cand.getByLabel(L('web.profile.degree_year')).fill('1900');
    await cand.getByLabel(L('web.profile.institution')).fill('IISc Bangalore');
    await cand.getByLabel(L('web.profile.field_of_study')).fill('Computational and Data Sciences');
    await cand.getByRole('button', { name: L('web.profile.save_next') }).click();
    // The API's localized message appears beside the year, the summary takes focus, nothing typed is lost.
    const yearError = cand.locator('#field-education-0-year-error');
    await yearError.waitFor();
    check(/1960/.test(await yearError.textContent()), `unexpected year error: ${await yearError.textContent()}`);
    check(await cand.evaluate(() => document.activeElement?.classList.contains('error-summary')), 'the error summary did not take focus');
    check((await cand.getByLabel(L('web.profile.institution')).inputValue()) === 'IISc Bangalore', 'typed text was lost');
    check((await cand.getByLabel(L('web.profile.degree_year')).getAttribute('aria-invalid')) === 'true', 'the year is not marked invalid');
    await scan(cand, 'profile with errors (en)');
    await cand.getByLabel(L('web.profile.degree_year')).fill(String(new Date().getFullYear() + 1));
    await cand.getByRole('button', { name: L('web.profile.save_next') }).click();
    await cand.getByRole('heading', { level: 2, name: new RegExp(L('web.profile.step_skills')) }).waitFor();

    await m35.profileSkills(h, cand);
    await cand.getByRole('button', { name: L('web.profile.save_next') }).click();
    await cand.getByRole('heading', { level: 2, name: new RegExp(L('web.profile.step_languages')) }).waitFor();

    await cand.getByLabel(L('web.profile.jlpt')).selectOption('N3');
    await cand.getByLabel(L('web.profile.english')).selectOption('fluent');
    await cand.getByRole('button', { name: L('web.profile.save_next') }).click();
    await cand.getByRole('heading', { level: 2, name: new RegExp(L('web.profile.step_preferences')) }).waitFor();

    await cand.getByLabel(T('en', 'role_type.job'), { exact: true }).check();
    await cand.getByLabel(T('en', 'role_type.research'), { exact: true }).check();
    await cand.getByLabel(T('en', 'prefecture.tokyo'), { exact: true }).check();
    await cand.getByLabel(L('web.profile.remote_ok')).check();
    await cand.getByRole('button', { name: L('web.profile.save_next') }).click();
    await cand.getByRole('heading', { level: 2, name: new RegExp(L('web.profile.step_consent')) }).waitFor();

    await cand.getByLabel(L('web.consent.share_label')).check();
    await cand.getByRole('button', { name: L('web.profile.save') }).click();
    await cand.getByText(L('web.profile.done_ready')).waitFor();
    await examine(cand, 'profile', 'en');
  });

  await step('candidate sees recommended roles with the reasons for each score', async () => {
    await m35.candidateRecommendations(h, cand);
  });

  await step('candidate ranks the roles of the open round, reordering with the keyboard', async () => {
    await m35.candidateRanks(h, cand);
  });

  let appPath = '';
  await step('candidate browses roles and applies with a cover note', async () => {
    await go(cand, '/roles');
    await cand.getByLabel(T('en', 'web.roles.q')).fill(roleTitle);
    await cand.getByRole('button', { name: T('en', 'web.roles.search') }).click();
    await cand.waitForURL(/q=/);
    await cand.getByRole('link', { name: roleTitle, exact: true }).first().click();
    await cand.waitForURL(new RegExp(`/roles/${roleId}$`));
    await settle(cand);
    await examine(cand, 'role', 'en', { mobile: true });
    await cand.getByLabel(T('en', 'web.apply.cover_note')).fill('I build vision models in PyTorch at a Bengaluru startup and would love to bring that to your team.');
    await cand.getByRole('button', { name: T('en', 'web.apply.submit') }).click();
    await cand.waitForURL(/\/applications\/\d+$/);
    appPath = new URL(cand.url()).pathname;
    await cand.getByText(T('en', 'web.application.sent')).waitFor();
  });

  await step('candidate sees the HSP points a role\'s pay would give them', async () => {
    await m35.candidateHsp(h, cand, m35.round.roleId);
  });

  await step('organisation moves the application to offer, with reasons', async () => {
    await go(org, `/organization/roles/${roleId}/applicants`);
    await org.getByRole('link', { name: 'Priya Raman' }).waitFor();
    await examine(org, 'applicants', 'en');
    await org.getByRole('link', { name: 'Priya Raman' }).click();
    await org.waitForURL(new RegExp(`${appPath}$`));
    await settle(org);
    const move = async (stage, reason) => {
      await org.getByLabel(T('en', `stage.${stage}`), { exact: true }).check();
      await org.getByLabel(T('en', 'web.move.reason'), { exact: true }).fill(reason);
      await org.getByRole('button', { name: T('en', 'web.move.submit') }).click();
      await org.locator('.lead-line .badge', { hasText: T('en', `stage.${stage}`) }).waitFor();
    };
    await move('screening', 'Strong PyTorch background; moving to a closer look.');
    await move('offer', 'We would be glad to welcome you to the team in Tokyo.');
    await org.getByText('We would be glad to welcome you to the team in Tokyo.').waitFor();
    await examine(org, 'application-org', 'en');
    // The applicants list filters by stage.
    await go(org, `/organization/roles/${roleId}/applicants`);
    await org.getByLabel(T('en', 'web.applicants.stage')).selectOption('offer');
    await org.waitForURL(/stage=offer/);
    await org.getByRole('link', { name: 'Priya Raman' }).waitFor();
    await org.getByLabel(T('en', 'web.applicants.stage')).selectOption('withdrawn');
    await org.waitForURL(/stage=withdrawn/);
    await settle(org);
    check((await org.getByRole('link', { name: 'Priya Raman' }).count()) === 0, 'the stage filter kept an offer among withdrawn applications');
  });

  await step('organisation sees applicants ranked by match, recommended candidates, and ranks the round\'s candidates', async () => {
    await m35.orgRanksAndReviews(h, org, roleId, 'Priya Raman');
  });

  await step('candidate sees that the organisation viewed the profile', async () => {
    const role = await (await cand.request.get(`${base}/api/v1/roles/${roleId}`)).json();
    const orgName = role.organization.name_en;
    await go(cand, '/account/profile-views');
    const view = cand.locator('.view', { hasText: orgName });
    await view.waitFor();
    check((await view.textContent()).includes(T('en', 'web.views.source_application')), 'the view does not say the application was opened');
    await examine(cand, 'profile-views', 'en', { shot: false });
  });

  await step('candidate withdraws the transfer to Japan and gives it again; the organisation loses and regains the profile', async () => {
    await go(cand, '/account/privacy');
    const now = cand.getByTestId('consent-now');
    await now.getByText(T('en', 'web.privacy.now_share_yes')).waitFor();
    await examine(cand, 'privacy', 'en', { mobile: true });
    const transfer = cand.locator('[data-purpose="transfer_to_japan"]');
    // APPI Art. 28: the country, its system of protection and the recipients' safeguards, in the API's words.
    check((await transfer.locator('.consent-card__recipient > div').count()) === 3 && (await transfer.textContent()).includes('APPI'), 'the APPI disclosure is not shown');
    await transfer.getByRole('button', { name: T('en', 'web.privacy.withdraw') }).click();
    await transfer.getByText(T('en', 'web.privacy.withdrawn_title')).waitFor();
    await now.getByText(T('en', 'web.privacy.now_share_no')).waitFor();
    await cand.locator('[data-purpose="share_with_applied"] .badge', { hasText: T('en', 'web.privacy.state_dormant') }).waitFor();
    await scan(cand, 'privacy after withdrawing (en)');
    // At once: the organisation no longer sees the profile on the application.
    await go(org, appPath);
    await org.getByText(T('en', 'web.application.not_shared')).waitFor();
    await transfer.getByRole('button', { name: T('en', 'web.privacy.give') }).click();
    await transfer.getByText(T('en', 'web.privacy.granted_title')).waitFor();
    await now.getByText(T('en', 'web.privacy.now_share_yes')).waitFor();
    await go(org, appPath);
    await org.getByText('Bengaluru').first().waitFor();
    check((await org.getByText(T('en', 'web.application.not_shared')).count()) === 0, 'the profile is still hidden after consent was given again');
    // The ledger lists both decisions.
    const rows = await cand.locator('.table tbody tr').allTextContents();
    check(rows.filter((r) => r.includes(T('en', 'web.privacy.source_consents'))).length >= 2, `the ledger misses the decisions: ${rows}`);
  });

  await step('candidate downloads everything held about them', async () => {
    await go(cand, '/account/data');
    await examine(cand, 'data', 'en', { shot: false });
    const [download] = await Promise.all([cand.waitForEvent('download'), cand.getByRole('button', { name: T('en', 'web.data.export') }).click()]);
    const data = JSON.parse(readFileSync(await download.path(), 'utf8'));
    check(data.account?.email === email, `the export is for ${data.account?.email}`);
    check(data.profile?.city === 'Bengaluru', 'the export has no profile');
    check(data.consents.filter((c) => c.purpose === 'transfer_to_japan').length >= 3, 'the export lacks the consent ledger');
    check(data.profile_views.length >= 1 && data.applications.length >= 1, 'the export lacks profile views or applications');
    await cand.getByText(T('en', 'web.data.export_done')).waitFor();
  });

  await step('candidate sees the offer in the list and on the application', async () => {
    await go(cand, '/applications');
    const row = cand.locator('.row-card', { hasText: roleTitle });
    await row.locator('.badge', { hasText: T('en', 'stage.offer') }).waitFor();
    await examine(cand, 'applications', 'en');
    await go(cand, appPath);
    await cand.getByText(T('en', 'web.stage_help.offer')).waitFor();
    await cand.getByText('We would be glad to welcome you to the team in Tokyo.').waitFor();
    await examine(cand, 'application', 'en', { mobile: true });
  });

  await step('the language switch turns the same pages into Japanese and Hindi', async () => {
    for (const lang of ['ja', 'hi']) {
      await switchLang(cand, lang);
      await cand.getByRole('heading', { level: 2, name: T(lang, 'web.application.timeline') }).waitFor();
      await cand.locator('.lead-line .badge', { hasText: T(lang, 'stage.offer') }).waitFor();
      await cand.getByText(T(lang, 'web.stage_help.offer')).waitFor();
      await examine(cand, 'application', lang, { mobile: lang === 'hi' });
    }
    // Remembered on this device and saved to the account.
    await cand.reload();
    await settle(cand);
    check((await cand.evaluate(() => document.documentElement.lang)) === 'hi', 'the language was not remembered');
    const me = await (await cand.request.get(`${base}/api/v1/me`)).json();
    check(me.locale === 'hi', `the account's language is ${me.locale}, want hi`);
    for (const lang of ['ja', 'hi']) {
      await setLang(cand, lang);
      for (const [name, path] of [['home', '/'], ['roles', '/roles'], [`role`, `/roles/${roleId}`], ['profile', '/profile'], ['applications', '/applications'], ['privacy', '/account/privacy']]) {
        await go(cand, path);
        // The consent page shows the API's wording in the reader's language.
        if (name === 'privacy') {
          const api = await (await cand.request.get(`${base}/api/v1/me/consents?lang=${lang}`)).json();
          const wording = api.purposes.find((p) => p.purpose === 'transfer_to_japan').wording;
          check(wording.language === lang, `the consent wording came in ${wording.language}, not ${lang}`);
          await cand.getByRole('heading', { level: 2, name: wording.title }).waitFor();
        }
        await examine(cand, name, lang, { mobile: lang === 'ja' && name === 'roles' });
      }
    }
    // Indian digit grouping for Hindi, Japanese dates.
    await setLang(cand, 'hi');
    await go(cand, '/roles');
    const pay = await cand.locator('.role-card .facts').allTextContents();
    check(pay.some((t) => /¥\d{1,2},\d{2},\d{2},\d{3}/.test(t)), `no Indian-grouped yen amount in ${pay.slice(0, 3)}`);
    await setLang(cand, 'ja');
    await go(cand, `/roles/${roleId}`);
    const facts = await cand.locator('.details').first().textContent();
    check(/\d{4}年\d{1,2}月\d{1,2}日/.test(facts), 'no Japanese date on the role page');
    await setLang(cand, 'en');
  });

  await step('candidate applies to another role and withdraws', async () => {
    await go(cand, '/roles?type=research');
    const other = cand.locator('.role-card__title a').filter({ hasNotText: roleTitle }).first();
    await other.click();
    await cand.waitForURL(/\/roles\/\d+$/);
    await settle(cand);
    await cand.getByRole('button', { name: T('en', 'web.apply.submit') }).click();
    await cand.waitForURL(/\/applications\/\d+$/);
    await settle(cand);
    await cand.getByRole('button', { name: T('en', 'web.application.withdraw') }).click();
    await cand.getByLabel(T('en', 'web.application.withdraw_reason')).fill('I have accepted another offer.');
    await cand.getByRole('button', { name: T('en', 'web.application.withdraw_yes') }).click();
    await cand.locator('.lead-line .badge', { hasText: T('en', 'stage.withdrawn') }).waitFor();
    await cand.getByText('I have accepted another offer.').waitFor();
  });

  await step('candidate accepts the offer', async () => {
    await go(cand, appPath);
    await cand.getByRole('button', { name: T('en', 'web.application.accept') }).click();
    await cand.locator('.lead-line .badge', { hasText: T('en', 'stage.accepted') }).waitFor();
  });

  await step('candidate lists the sessions and signs out everywhere from a second browser', async () => {
    const phoneContext = await browser.newContext({ ...contextOptions, viewport: { width: 390, height: 844 } });
    // The account's saved language is Hindi by now; this browser has chosen English.
    await phoneContext.addInitScript(() => localStorage.setItem('setubashi.lang', 'en'));
    const phone = await newPage(phoneContext, base);
    await signIn(phone, email, 'chai-and-tensors-2026');
    await go(phone, '/account/sessions');
    const rows = phone.locator('.card-list .row-card');
    await rows.nth(1).waitFor();
    check((await rows.count()) >= 2, 'fewer than two sessions listed');
    check((await phone.locator('.row-card .badge', { hasText: T('en', 'web.sessions.this_device') }).count()) === 1, 'not exactly one session is this device');
    await examine(phone, 'sessions', 'en', { shot: false });
    await phone.getByRole('button', { name: T('en', 'web.sessions.everywhere') }).click();
    await phone.getByRole('button', { name: T('en', 'web.sessions.everywhere_yes') }).click();
    await phone.waitForURL(/\/signin$/);
    await phone.getByText(T('en', 'web.sessions.signed_out_everywhere')).waitFor();
    // The first browser is signed out too.
    check((await cand.request.get(`${base}/api/v1/me`)).status() === 401, 'the other session still works');
    await phone.context().close();
    pages.delete(phone);
    await signIn(cand, email, 'chai-and-tensors-2026');
  });

  await step('organisation records the placement and the arrival', async () => {
    await go(org, appPath);
    await org.getByLabel(T('en', 'web.placement.visa')).selectOption('hsp_1b');
    await org.getByLabel(T('en', 'web.placement.start')).fill(today(30));
    await org.getByRole('button', { name: T('en', 'web.placement.record') }).click();
    await org.locator('.lead-line .badge', { hasText: T('en', 'stage.placed') }).waitFor();
    await org.getByLabel(T('en', 'web.placement.arrived_on')).fill(today(0));
    await org.getByRole('button', { name: T('en', 'web.placement.record_arrival') }).click();
    await org.getByLabel(T('en', 'web.placement.arrived_on')).waitFor({ state: 'detached' });
    await scan(org, 'application with placement (en)');
  });

  await step('organisation posts a role with Japanese and English side by side, and publishes it', async () => {
    await go(org, '/organization');
    await org.getByRole('link', { name: T('en', 'web.org.post_role') }).click();
    await org.waitForURL(/\/organization\/roles\/new/);
    await settle(org);
    await org.locator('#field-title-ja').fill('機械学習エンジニア（需要予測）');
    await org.locator('#field-title-en').fill('Machine Learning Engineer (Demand Forecasting)');
    await org.locator('#field-description-ja').fill('小売向けの需要予測モデルを開発します。');
    await org.locator('#field-description-en').fill('Build demand forecasting models for retail partners.');
    await org.getByLabel(T('en', 'web.roles.prefecture')).selectOption('osaka');
    await org.getByLabel(T('en', 'web.editor.salary_min')).fill('6000000');
    await org.getByLabel(T('en', 'web.editor.salary_max')).fill('5000000');
    await org.getByRole('button', { name: T('en', 'web.editor.create') }).click();
    // The API says why (maximum below minimum) beside the field; the texts stay.
    await org.locator('#field-salary_max_jpy-error').waitFor();
    check((await org.locator('#field-title-ja').inputValue()) === '機械学習エンジニア（需要予測）', 'typed text was lost');
    await org.getByLabel(T('en', 'web.editor.salary_max')).fill('9000000');
    await org.getByRole('button', { name: T('en', 'web.editor.create') }).click();
    await org.waitForURL(/\/organization\/roles\/\d+\/edit$/);
    await org.getByText(T('en', 'web.editor.saved_draft')).waitFor();
    await examine(org, 'editor', 'en');
    await org.getByRole('button', { name: T('en', 'web.role_tools.publish') }).first().click();
    await org.locator('.page__lead .badge', { hasText: T('en', 'role_status.open') }).waitFor();
    for (const lang of ['ja', 'hi']) {
      await setLang(org, lang);
      await examine(org, 'editor', lang);
      await go(org, '/organization');
      await examine(org, 'organization', lang);
      await go(org, appPath);
      await examine(org, 'application-org', lang);
    }
    await setLang(org, 'en');
  });

  const ananya = await newPage(await browser.newContext(contextOptions), base);
  await step('organisation moves a demo candidate\'s application to screening and shares the reason with her', async () => {
    await signIn(ananya, n7.demoCandidate);
    await n7.orgSharesReason(h, org, ananya);
  });

  await step('the candidate sees the bell\'s count, reads the notification with the reason and opens the application from it', async () => {
    await n7.candidateReadsIt(h, ananya);
  });

  await step('the candidate got an e-mail about it (development mail catcher)', async () => {
    await n7.mailArrived(h, ananya);
  });

  await step('the e-mail\'s unsubscribe link turns that kind of e-mail off; the settings page shows it and turns it back on', async () => {
    await n7.unsubscribes(h, visitor, ananya);
  });

  await step('the candidate saves a role search, shows its roles and deletes it', async () => {
    await n7.savedSearch(h, ananya);
  });

  const kenji = `kenji.${Date.now()}@example.jp`;
  const kenjiPassword = 'bridges-over-rivers-2026';
  let totpSecret = '';
  let lastStep = 0;
  await step('a new organisation member must set up an authenticator app first (codes computed here)', async () => {
    await go(visitor, '/signup?as=org_member');
    await visitor.getByLabel(T('en', 'web.account.name')).fill('Kenji Sato');
    await visitor.getByLabel(T('en', 'web.account.email')).fill(kenji);
    await visitor.getByLabel(T('en', 'web.account.password')).fill(kenjiPassword);
    await visitor.getByRole('button', { name: T('en', 'web.signup.submit') }).click();
    // Sent to the enrolment page, with the organisation page to come back to.
    await visitor.waitForURL(/\/account\/authenticator\?next=%2Forganization$/);
    await settle(visitor);
    await examine(visitor, 'authenticator-start', 'en', { shot: false });
    await visitor.getByLabel(T('en', 'web.account.password')).fill(kenjiPassword);
    await visitor.getByRole('button', { name: T('en', 'web.enrol.begin') }).click();
    const uri = (await visitor.getByTestId('totp-uri').textContent()).trim();
    check(uri.startsWith('otpauth://totp/'), `not an otpauth URI: ${uri}`);
    totpSecret = new URL(uri).searchParams.get('secret');
    check((await visitor.getByTestId('totp-secret').textContent()).replace(/\s/g, '') === totpSecret, 'the key shown differs from the URI');
    // The QR code is drawn in the browser (an SVG data URI), not fetched from anywhere.
    const qr = visitor.getByRole('img', { name: T('en', 'web.enrol.qr_alt') });
    await visitor.waitForFunction(() => document.querySelector('.qr__image')?.getAttribute('src')?.startsWith('data:image/svg+xml'));
    check(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code did not render');
    await examine(visitor, 'authenticator', 'en', { mobile: true });
    // A wrong code is refused beside the field.
    await visitor.getByLabel(T('en', 'web.second_step.code_label')).fill(totp(totpSecret, stepNow() - 5));
    await visitor.getByRole('button', { name: T('en', 'web.enrol.confirm') }).click();
    await visitor.locator('#field-code-error').waitFor();
    lastStep = stepNow();
    await visitor.getByLabel(T('en', 'web.second_step.code_label')).fill(totp(totpSecret, lastStep));
    await visitor.getByRole('button', { name: T('en', 'web.enrol.confirm') }).click();
    const codes = visitor.getByRole('list', { name: T('en', 'web.recovery.list_label') });
    await codes.waitFor();
    check((await codes.locator('li').count()) === 10, 'not ten recovery codes');
    await examine(visitor, 'recovery-codes', 'en', { shot: false });
    await visitor.getByLabel(T('en', 'web.recovery.saved')).check();
    await visitor.getByRole('button', { name: T('en', 'web.enrol.continue') }).click();
    await visitor.waitForURL(/\/organization$/);
    await settle(visitor);
  });

  await step('a new organisation registers and waits for verification', async () => {
    await visitor.getByLabel(T('en', 'web.org.name_ja')).fill('株式会社サクラビジョン');
    await visitor.getByLabel(T('en', 'web.org.name_en')).fill('Sakura Vision K.K.');
    await visitor.getByLabel(T('en', 'web.org.kind')).selectOption('startup');
    await visitor.getByLabel(T('en', 'web.org.prefecture')).selectOption('fukuoka');
    await visitor.getByLabel(T('en', 'web.org.website')).fill('https://sakura-vision.example.jp');
    await visitor.getByRole('button', { name: T('en', 'web.org.create') }).click();
    await visitor.locator('.badge', { hasText: T('en', 'web.org.awaiting') }).waitFor();
    await examine(visitor, 'organization-pending', 'en', { shot: false });
  });

  await step('the organisation member signs in again with a code from the app', async () => {
    await signOut(visitor);
    await go(visitor, '/signin');
    await visitor.getByLabel(T('en', 'web.account.email')).fill(kenji);
    await visitor.getByLabel(T('en', 'web.account.password')).fill(kenjiPassword);
    await visitor.getByRole('button', { name: T('en', 'web.signin.submit') }).click();
    const code = visitor.getByLabel(T('en', 'web.second_step.code_label'));
    await code.waitFor();
    await examine(visitor, 'signin-code', 'en', { shot: false });
    // A code is good once: the next step's code (the server accepts one step either side).
    const next = Math.max(lastStep + 1, stepNow());
    check(next <= stepNow() + 1, 'the TOTP step ran too far ahead');
    lastStep = next;
    await code.fill(totp(totpSecret, next));
    await visitor.getByRole('button', { name: T('en', 'web.second_step.submit') }).click();
    await visitor.waitForURL(/\/organization$/);
    await settle(visitor);
    // Account and security: the app is on, ten recovery codes left; this session proved the code.
    await go(visitor, '/account');
    await visitor.locator('.badge', { hasText: T('en', 'web.security.on') }).waitFor();
    await visitor.getByText(T('en', 'web.security.codes_left', { Count: 10 })).waitFor();
    await examine(visitor, 'account', 'en', { shot: false });
    await go(visitor, '/account/sessions');
    await visitor.locator('.row-card', { has: visitor.locator('.badge', { hasText: T('en', 'web.sessions.this_device') }) }).locator('.badge', { hasText: T('en', 'web.sessions.with_code') }).waitFor();
  });

  await step('administrator signs in with the keyboard only and verifies it', async () => {
    const admin = await newPage(await browser.newContext(contextOptions), base);
    await go(admin, '/signin');
    const email = T('en', 'web.account.email');
    for (let i = 0; i < 30; i++) {
      await admin.keyboard.press('Tab');
      const label = await admin.evaluate(() => document.activeElement?.labels?.[0]?.textContent ?? '');
      if (label === email) break;
    }
    check((await admin.evaluate(() => document.activeElement?.getAttribute('type'))) === 'email', 'Tab never reached the e-mail field');
    await admin.keyboard.type('admin@demo.setubashi.test');
    await admin.keyboard.press('Tab');
    await admin.keyboard.type(demoPassword);
    await admin.keyboard.press('Enter');
    await admin.waitForURL(/\/admin$/);
    await settle(admin);
    const verify = admin.getByRole('button', { name: T('en', 'web.admin.verify_named', { Name: 'Sakura Vision K.K.' }) });
    await verify.focus();
    await examine(admin, 'admin', 'en');
    await verify.focus();
    await admin.keyboard.press('Enter');
    await verify.waitFor({ state: 'detached' });
    await go(visitor, '/organization');
    await visitor.locator('.badge', { hasText: T('en', 'web.org.verified') }).waitFor();
    // Accounts: find the new member; the audit log names the verification.
    await admin.getByRole('link', { name: T('en', 'web.menu.users') }).click();
    await admin.waitForURL(/\/admin\/users$/);
    await settle(admin);
    await admin.getByLabel(T('en', 'web.users.email')).fill(kenji);
    await admin.getByRole('button', { name: T('en', 'web.users.search') }).click();
    await admin.waitForURL(/email=/);
    await admin.locator('.row-card', { hasText: kenji }).waitFor();
    await admin.getByRole('button', { name: T('en', 'web.users.reset_named', { Name: 'Kenji Sato' }) }).waitFor();
    await examine(admin, 'admin-users', 'en', { shot: false });
    await go(admin, '/admin/audit');
    await admin.locator('.table tbody tr', { hasText: '/verify' }).first().waitFor();
    await examine(admin, 'audit', 'en', { shot: false });
  });

  await step('a candidate erases their account after confirming', async () => {
    const gone = await newPage(await browser.newContext(contextOptions), base);
    const r = await gone.request.post(`${base}/api/v1/auth/register`, {
      data: { name: 'Temporary Tester', email: `gone.${Date.now()}@example.in`, password: 'leaving-soon-2026', role: 'candidate', locale: 'en' },
    });
    check(r.status() === 201, `register answered ${r.status()}`);
    await go(gone, '/account/data');
    await gone.getByRole('button', { name: T('en', 'web.data.erase_start') }).click();
    await gone.getByLabel(T('en', 'web.data.erase_password')).fill('leaving-soon-2026');
    await gone.getByRole('button', { name: T('en', 'web.data.erase_submit') }).click();
    // Not without ticking the confirmation.
    await gone.locator('#field-erase_sure-error').waitFor();
    await scan(gone, 'erase confirmation (en)');
    await gone.getByLabel(T('en', 'web.data.erase_sure')).check();
    await gone.getByRole('button', { name: T('en', 'web.data.erase_submit') }).click();
    await gone.waitForURL(/\/account\/deleted$/);
    await examine(gone, 'deleted', 'en', { shot: false });
    check((await gone.request.get(`${base}/api/v1/me`)).status() === 401, 'still signed in after erasure');
    await gone.context().close();
    pages.delete(gone);
  });

  await step('ministry viewer lands on the goal dashboard, in three languages, and exports', async () => {
    const ministry = await newPage(await browser.newContext(contextOptions), base);
    await signIn(ministry, 'ministry@demo.setubashi.test');
    check(new URL(ministry.url()).pathname === '/ministry', `landed on ${ministry.url()}`);
    await m35.ministryDashboard(h, ministry);
  });

  await step('administrator runs the round after its deadline; the candidate sees the match and the offer', async () => {
    await m35.runRound(h, admin35, cand);
  });
}

try {
  await main();
  if (timer) clearTimeout(timer);
  await cleanup();
  rmSync(tmp, { recursive: true, force: true });
  log(`${shotsTaken.length} screenshots in ${shotsTo}`);
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, 0 failed`);
  process.exit(0);
} catch (err) {
  await fail(err);
}
