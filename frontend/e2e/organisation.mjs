// Browser journeys of organisation members, run by e2e/run.mjs with its helpers (h):
// the demo organisation finds an open role, moves a candidate's application
// to screening with a reason, makes the offer with its terms (and filters its applicants by stage), records the
// placement and the arrival, and posts a role in Japanese and English (a
// mistake shown beside its field) and publishes it; a new organisation
// registers and waits for verification.
import { priya } from './candidate.mjs';
import * as offers from './offers.mjs';

/** findsOpenRole: the demo organisation member lands on the organisation page; it returns an open role ({ id, title }). */
export async function findsOpenRole(h, org) {
  const { T, check, signIn, examine } = h;
  await signIn(org, 'org@demo.setubashi.test');
  check(new URL(org.url()).pathname === '/organization', `landed on ${org.url()}`);
  const open = org.locator('.row-card', { has: org.locator('.badge', { hasText: T('en', 'role_status.open') }) }).first();
  const link = open.locator('.row-card__title a');
  const title = (await link.textContent()).trim();
  const id = Number((await link.getAttribute('href')).split('/').pop());
  check(id > 0 && title, 'no open role found');
  await examine(org, 'organization', 'en');
  return { id, title };
}

/** movesToScreening opens the candidate's application from the role's applicants and moves it to screening with a reason. */
export async function movesToScreening(h, org, role, appPath) {
  const { T, go, settle, examine } = h;
  await go(org, `/organization/roles/${role.id}/applicants`);
  await org.getByRole('link', { name: priya.name }).waitFor();
  await examine(org, 'applicants', 'en');
  await org.getByRole('link', { name: priya.name }).click();
  await org.waitForURL(new RegExp(`${appPath}$`));
  await settle(org);
  await org.getByLabel(T('en', 'stage.screening'), { exact: true }).check();
  await org.getByLabel(T('en', 'web.move.reason'), { exact: true }).fill('Strong PyTorch background; moving to a closer look.');
  await org.getByRole('button', { name: T('en', 'web.move.submit') }).click();
  await org.locator('.lead-line .badge', { hasText: T('en', 'stage.screening') }).waitFor();
}

/** makesOffer makes the offer with its terms (e2e/offers.mjs), and filters the role's applicants by stage. */
export async function makesOffer(h, org, role) {
  const { T, check, go, settle, examine } = h;
  await offers.orgMakesOffer(h, org);
  await examine(org, 'application-org', 'en');
  // The applicants list filters by stage.
  await go(org, `/organization/roles/${role.id}/applicants`);
  await org.getByLabel(T('en', 'web.applicants.stage')).selectOption('offer');
  await org.waitForURL(/stage=offer/);
  await org.getByRole('link', { name: priya.name }).waitFor();
  await org.getByLabel(T('en', 'web.applicants.stage')).selectOption('withdrawn');
  await org.waitForURL(/stage=withdrawn/);
  await settle(org);
  check((await org.getByRole('link', { name: priya.name }).count()) === 0, 'the stage filter kept an offer among withdrawn applications');
}

/** recordsPlacement records the visa and start date of the accepted application, then the arrival. */
export async function recordsPlacement(h, org, appPath) {
  const { T, go, scan, today } = h;
  await go(org, appPath);
  await org.getByLabel(T('en', 'web.placement.visa')).selectOption(offers.made.status);
  await org.getByLabel(T('en', 'web.placement.start')).fill(today(30));
  await org.getByRole('button', { name: T('en', 'web.placement.record') }).click();
  await org.locator('.lead-line .badge', { hasText: T('en', 'stage.placed') }).waitFor();
  await org.getByLabel(T('en', 'web.placement.arrived_on')).fill(today(0));
  await org.getByRole('button', { name: T('en', 'web.placement.record_arrival') }).click();
  await org.getByLabel(T('en', 'web.placement.arrived_on')).waitFor({ state: 'detached' });
  await scan(org, 'application with placement (en)');
}

/** postsRole writes a role in Japanese and English, gets the salary range wrong first, publishes it, and examines the organisation's pages in Japanese and Hindi. */
export async function postsRole(h, org, appPath) {
  const { T, check, go, settle, examine, setLang } = h;
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
}

/** The organisation a new member registers. */
export const sakura = { nameJa: '株式会社サクラビジョン', nameEn: 'Sakura Vision K.K.' };

/** registers: a signed-in member without an organisation registers one, which awaits verification. */
export async function registers(h, member) {
  const { T, examine } = h;
  await member.getByLabel(T('en', 'web.org.name_ja')).fill(sakura.nameJa);
  await member.getByLabel(T('en', 'web.org.name_en')).fill(sakura.nameEn);
  await member.getByLabel(T('en', 'web.org.kind')).selectOption('startup');
  await member.getByLabel(T('en', 'web.org.prefecture')).selectOption('fukuoka');
  await member.getByLabel(T('en', 'web.org.website')).fill('https://sakura-vision.example.jp');
  await member.getByRole('button', { name: T('en', 'web.org.create') }).click();
  await member.locator('.badge', { hasText: T('en', 'web.org.awaiting') }).waitFor();
  await examine(member, 'organization-pending', 'en', { shot: false });
}
