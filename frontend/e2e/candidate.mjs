// Browser journeys of a new candidate, run by e2e/run.mjs with its helpers (h):
// signing up, the guided profile (a mistake shown beside its field), applying
// to a role with a cover note, the offer in the list and on the application,
// the same pages in Japanese and Hindi (Indian digit grouping, Japanese
// dates), and applying elsewhere and withdrawing (the offer itself: offers.mjs).
import { profileSkills } from './matching.mjs';
import { letter } from './offers.mjs';

/** The candidate who signs up. */
export const priya = { name: 'Priya Raman', email: `priya.${Date.now()}@example.in`, password: 'chai-and-tensors-2026' };


/** signsUp: the sign-up form leads to the profile's first step. */
export async function signsUp(h, cand) {
  const { T, go, examine } = h;
  await go(cand, '/signup');
  await examine(cand, 'signup', 'en', { shot: false });
  await cand.getByLabel(T('en', 'web.account.name')).fill(priya.name);
  await cand.getByLabel(T('en', 'web.account.email')).fill(priya.email);
  await cand.getByLabel(T('en', 'web.account.password')).fill(priya.password);
  await cand.getByRole('button', { name: T('en', 'web.signup.submit') }).click();
  await cand.waitForURL(/\/profile/);
  await cand.getByRole('heading', { level: 2, name: new RegExp(T('en', 'web.profile.step_about')) }).waitFor();
}

/** fillsProfile walks the profile's steps; a year the API refuses is shown beside its field and nothing typed is lost. */
export async function fillsProfile(h, cand) {
  const { T, check, examine, scan } = h;
  const L = (id) => T('en', id);
  const next = async (stepTitle) => {
    await cand.getByRole('button', { name: L('web.profile.save_next') }).click();
    if (stepTitle) await cand.getByRole('heading', { level: 2, name: new RegExp(L(stepTitle)) }).waitFor();
  };
  await cand.getByLabel(L('web.profile.indian_state')).selectOption('karnataka');
  await cand.getByLabel(L('web.profile.city')).fill('Bengaluru');
  await cand.getByLabel(L('web.profile.date_of_birth')).fill('1997-05-14');
  await next('web.profile.step_education');

  await cand.getByRole('button', { name: L('web.profile.add_degree') }).click();
  await cand.getByLabel(L('web.profile.degree_level')).selectOption('master');
  await cand.getByLabel(L('web.profile.degree_year')).fill('1900');
  await cand.getByLabel(L('web.profile.institution')).fill('IISc Bangalore');
  await cand.getByLabel(L('web.profile.field_of_study')).fill('Computational and Data Sciences');
  await next();
  // The API's localized message appears beside the year, the summary takes focus, nothing typed is lost.
  const yearError = cand.locator('#field-education-0-year-error');
  await yearError.waitFor();
  check(/1960/.test(await yearError.textContent()), `unexpected year error: ${await yearError.textContent()}`);
  check(await cand.evaluate(() => document.activeElement?.classList.contains('error-summary')), 'the error summary did not take focus');
  check((await cand.getByLabel(L('web.profile.institution')).inputValue()) === 'IISc Bangalore', 'typed text was lost');
  check((await cand.getByLabel(L('web.profile.degree_year')).getAttribute('aria-invalid')) === 'true', 'the year is not marked invalid');
  await scan(cand, 'profile with errors (en)');
  await cand.getByLabel(L('web.profile.degree_year')).fill(String(new Date().getFullYear() + 1));
  await next('web.profile.step_skills');

  await profileSkills(h, cand);
  await next('web.profile.step_languages');

  await cand.getByLabel(L('web.profile.jlpt')).selectOption('N3');
  await cand.getByLabel(L('web.profile.english')).selectOption('fluent');
  await next('web.profile.step_preferences');

  await cand.getByLabel(T('en', 'role_type.job'), { exact: true }).check();
  await cand.getByLabel(T('en', 'role_type.research'), { exact: true }).check();
  await cand.getByLabel(T('en', 'prefecture.tokyo'), { exact: true }).check();
  await cand.getByLabel(L('web.profile.remote_ok')).check();
  await next('web.profile.step_consent');

  await cand.getByLabel(L('web.consent.share_label')).check();
  await cand.getByRole('button', { name: L('web.profile.save') }).click();
  await cand.getByText(L('web.profile.done_ready')).waitFor();
  await examine(cand, 'profile', 'en');
}

/** applies finds the role by its title and applies with a cover note; it returns the application's path. */
export async function applies(h, cand, role) {
  const { T, go, settle, examine } = h;
  await go(cand, '/roles');
  await cand.getByLabel(T('en', 'web.roles.q')).fill(role.title);
  await cand.getByRole('button', { name: T('en', 'web.roles.search') }).click();
  await cand.waitForURL(/q=/);
  await cand.getByRole('link', { name: role.title, exact: true }).first().click();
  await cand.waitForURL(new RegExp(`/roles/${role.id}$`));
  await settle(cand);
  await examine(cand, 'role', 'en', { mobile: true });
  await cand.getByLabel(T('en', 'web.apply.cover_note')).fill('I build vision models in PyTorch at a Bengaluru startup and would love to bring that to your team.');
  await cand.getByRole('button', { name: T('en', 'web.apply.submit') }).click();
  await cand.waitForURL(/\/applications\/\d+$/);
  const appPath = new URL(cand.url()).pathname;
  await cand.getByText(T('en', 'web.application.sent')).waitFor();
  return appPath;
}

/** seesOffer: the offer's badge in the list, its help and the offer's letter on the application. */
export async function seesOffer(h, cand, role, appPath) {
  const { T, go, examine } = h;
  await go(cand, '/applications');
  const row = cand.locator('.row-card', { hasText: role.title });
  await row.locator('.badge', { hasText: T('en', 'stage.offer') }).waitFor();
  await examine(cand, 'applications', 'en');
  await go(cand, appPath);
  await cand.getByText(T('en', 'web.stage_help.offer')).waitFor();
  await cand.getByText(letter.en).waitFor();
  await examine(cand, 'application', 'en', { mobile: true });
}

/** switchesLanguage turns the application into Japanese and Hindi, remembered and saved, then examines the main pages in both. */
export async function switchesLanguage(h, cand, role) {
  const { T, check, go, settle, examine, setLang, switchLang, base } = h;
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
    for (const [name, path] of [['home', '/'], ['roles', '/roles'], [`role`, `/roles/${role.id}`], ['profile', '/profile'], ['applications', '/applications'], ['privacy', '/account/privacy']]) {
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
  await go(cand, `/roles/${role.id}`);
  const facts = await cand.locator('.details').first().textContent();
  check(/\d{4}年\d{1,2}月\d{1,2}日/.test(facts), 'no Japanese date on the role page');
  await setLang(cand, 'en');
}

/** appliesAndWithdraws applies to a research role other than `role` and withdraws with a reason. */
export async function appliesAndWithdraws(h, cand, role) {
  const { T, go, settle } = h;
  await go(cand, '/roles?type=research');
  const other = cand.locator('.role-card__title a').filter({ hasNotText: role.title }).first();
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
}

