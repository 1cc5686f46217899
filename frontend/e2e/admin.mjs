// Browser journeys of an administrator, run by e2e/run.mjs with its helpers (h):
// signing in with the keyboard only, verifying the new organisation (which its
// member then sees), finding the member among the accounts, and the audit log.
import { kenji } from './account.mjs';
import { sakura } from './organisation.mjs';

/** verifiesOrganisation: the administrator verifies the new organisation, then reads the accounts and the audit log. */
export async function verifiesOrganisation(h, member) {
  const { T, check, go, settle, examine, openPage, demoPassword } = h;
  const admin = await openPage();
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
  const verify = admin.getByRole('button', { name: T('en', 'web.admin.verify_named', { Name: sakura.nameEn }) });
  await verify.focus();
  await examine(admin, 'admin', 'en');
  await verify.focus();
  await admin.keyboard.press('Enter');
  await verify.waitFor({ state: 'detached' });
  await go(member, '/organization');
  await member.locator('.badge', { hasText: T('en', 'web.org.verified') }).waitFor();
  // Accounts: find the new member; the audit log names the verification.
  await admin.getByRole('link', { name: T('en', 'web.menu.users') }).click();
  await admin.waitForURL(/\/admin\/users$/);
  await settle(admin);
  await admin.getByLabel(T('en', 'web.users.email')).fill(kenji.email);
  await admin.getByRole('button', { name: T('en', 'web.users.search') }).click();
  await admin.waitForURL(/email=/);
  await admin.locator('.row-card', { hasText: kenji.email }).waitFor();
  await admin.getByRole('button', { name: T('en', 'web.users.reset_named', { Name: kenji.name }) }).waitFor();
  await examine(admin, 'admin-users', 'en', { shot: false });
  await go(admin, '/admin/audit');
  await admin.locator('.table tbody tr', { hasText: '/verify' }).first().waitFor();
  await examine(admin, 'audit', 'en', { shot: false });
}
