// Browser journeys of one's own account, run by e2e/run.mjs with its helpers (h):
// the candidate sees that the demo organisation viewed the profile, withdraws
// and gives again the transfer to Japan (and the organisation loses and
// regains the profile), downloads the export, and signs out everywhere from
// a second browser; a new organisation member sets up an authenticator app
// (codes computed here, e2e/totp.mjs) and signs in with the second step; a
// throwaway candidate erases their account.
import { readFileSync } from 'node:fs';
import { priya } from './candidate.mjs';
import { stepNow, totp } from './totp.mjs';

/** seesProfileViews: the organisation that opened the application is listed among the profile's views. */
export async function seesProfileViews(h, cand, role) {
  const { T, check, go, examine, base } = h;
  const found = await (await cand.request.get(`${base}/api/v1/roles/${role.id}`)).json();
  const orgName = found.organization.name_en;
  await go(cand, '/account/profile-views');
  const view = cand.locator('.view', { hasText: orgName });
  await view.waitFor();
  check((await view.textContent()).includes(T('en', 'web.views.source_application')), 'the view does not say the application was opened');
  await examine(cand, 'profile-views', 'en', { shot: false });
}

/** withdrawsAndGivesTransfer: withdrawing the transfer to Japan hides the profile from the organisation at once; giving it again shows it. */
export async function withdrawsAndGivesTransfer(h, cand, org, appPath) {
  const { T, check, go, examine, scan } = h;
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
}

/** downloadsData: the export holds the account, the profile, the consent ledger, the views and the applications. */
export async function downloadsData(h, cand) {
  const { T, check, go, examine } = h;
  await go(cand, '/account/data');
  await examine(cand, 'data', 'en', { shot: false });
  const [download] = await Promise.all([cand.waitForEvent('download'), cand.getByRole('button', { name: T('en', 'web.data.export') }).click()]);
  const data = JSON.parse(readFileSync(await download.path(), 'utf8'));
  check(data.account?.email === priya.email, `the export is for ${data.account?.email}`);
  check(data.profile?.city === 'Bengaluru', 'the export has no profile');
  check(data.consents.filter((c) => c.purpose === 'transfer_to_japan').length >= 3, 'the export lacks the consent ledger');
  check(data.profile_views.length >= 1 && data.applications.length >= 1, 'the export lacks profile views or applications');
  await cand.getByText(T('en', 'web.data.export_done')).waitFor();
}

/** signsOutEverywhere: a phone lists both sessions and ends them all; the first browser signs in again. */
export async function signsOutEverywhere(h, cand) {
  const { T, check, go, examine, signIn, openPage, closePage, base } = h;
  // The account's saved language is Hindi by now; this browser has chosen English.
  const phone = await openPage({ viewport: { width: 390, height: 844 }, init: () => localStorage.setItem('setubashi.lang', 'en') });
  await signIn(phone, priya.email, priya.password);
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
  await closePage(phone);
  await signIn(cand, priya.email, priya.password);
}

/** The organisation member who signs up, and their authenticator app's state. */
export const kenji = { name: 'Kenji Sato', email: `kenji.${Date.now()}@example.jp`, password: 'bridges-over-rivers-2026', secret: '', lastStep: 0 };

/** enrolsAuthenticator: a new organisation member is sent to set up an authenticator app (a wrong code first), then keeps the recovery codes. */
export async function enrolsAuthenticator(h, page) {
  const { T, check, go, settle, examine } = h;
  await go(page, '/signup?as=org_member');
  await page.getByLabel(T('en', 'web.account.name')).fill(kenji.name);
  await page.getByLabel(T('en', 'web.account.email')).fill(kenji.email);
  await page.getByLabel(T('en', 'web.account.password')).fill(kenji.password);
  await page.getByRole('button', { name: T('en', 'web.signup.submit') }).click();
  // Sent to the enrolment page, with the organisation page to come back to.
  await page.waitForURL(/\/account\/authenticator\?next=%2Forganization$/);
  await settle(page);
  await examine(page, 'authenticator-start', 'en', { shot: false });
  await page.getByLabel(T('en', 'web.account.password')).fill(kenji.password);
  await page.getByRole('button', { name: T('en', 'web.enrol.begin') }).click();
  const uri = (await page.getByTestId('totp-uri').textContent()).trim();
  check(uri.startsWith('otpauth://totp/'), `not an otpauth URI: ${uri}`);
  kenji.secret = new URL(uri).searchParams.get('secret');
  check((await page.getByTestId('totp-secret').textContent()).replace(/\s/g, '') === kenji.secret, 'the key shown differs from the URI');
  // The QR code is drawn in the browser (an SVG data URI), not fetched from anywhere.
  const qr = page.getByRole('img', { name: T('en', 'web.enrol.qr_alt') });
  await page.waitForFunction(() => document.querySelector('.qr__image')?.getAttribute('src')?.startsWith('data:image/svg+xml'));
  check(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code did not render');
  await examine(page, 'authenticator', 'en', { mobile: true });
  // A wrong code is refused beside the field.
  await page.getByLabel(T('en', 'web.second_step.code_label')).fill(totp(kenji.secret, stepNow() - 5));
  await page.getByRole('button', { name: T('en', 'web.enrol.confirm') }).click();
  await page.locator('#field-code-error').waitFor();
  kenji.lastStep = stepNow();
  await page.getByLabel(T('en', 'web.second_step.code_label')).fill(totp(kenji.secret, kenji.lastStep));
  await page.getByRole('button', { name: T('en', 'web.enrol.confirm') }).click();
  const codes = page.getByRole('list', { name: T('en', 'web.recovery.list_label') });
  await codes.waitFor();
  check((await codes.locator('li').count()) === 10, 'not ten recovery codes');
  await examine(page, 'recovery-codes', 'en', { shot: false });
  await page.getByLabel(T('en', 'web.recovery.saved')).check();
  await page.getByRole('button', { name: T('en', 'web.enrol.continue') }).click();
  await page.waitForURL(/\/organization$/);
  await settle(page);
}

/** signsInWithCode: after signing out, the member signs in with the password and then a fresh code from the app. */
export async function signsInWithCode(h, page) {
  const { T, check, go, settle, examine, signOut } = h;
  await signOut(page);
  await go(page, '/signin');
  await page.getByLabel(T('en', 'web.account.email')).fill(kenji.email);
  await page.getByLabel(T('en', 'web.account.password')).fill(kenji.password);
  await page.getByRole('button', { name: T('en', 'web.signin.submit') }).click();
  const code = page.getByLabel(T('en', 'web.second_step.code_label'));
  await code.waitFor();
  await examine(page, 'signin-code', 'en', { shot: false });
  // A code is good once: the next step's code (the server accepts one step either side).
  const next = Math.max(kenji.lastStep + 1, stepNow());
  check(next <= stepNow() + 1, 'the TOTP step ran too far ahead');
  kenji.lastStep = next;
  await code.fill(totp(kenji.secret, next));
  await page.getByRole('button', { name: T('en', 'web.second_step.submit') }).click();
  await page.waitForURL(/\/organization$/);
  await settle(page);
  // Account and security: the app is on, ten recovery codes left; this session proved the code.
  await go(page, '/account');
  await page.locator('.badge', { hasText: T('en', 'web.security.on') }).waitFor();
  await page.getByText(T('en', 'web.security.codes_left', { Count: 10 })).waitFor();
  await examine(page, 'account', 'en', { shot: false });
  await go(page, '/account/sessions');
  await page.locator('.row-card', { has: page.locator('.badge', { hasText: T('en', 'web.sessions.this_device') }) }).locator('.badge', { hasText: T('en', 'web.sessions.with_code') }).waitFor();
}

/** erases: a throwaway candidate erases their account, which needs the box ticked as well as the password. */
export async function erases(h) {
  const { T, check, go, examine, scan, openPage, closePage, base } = h;
  const gone = await openPage();
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
  await closePage(gone);
}
