// Browser journeys of notifications, run by e2e/run.mjs with its helpers (h): the
// demo organisation moves one of the demo candidate's applications with a
// reason it shares; the candidate sees the bell's count, finds the
// notification with the reason, opens the application from it (and it is
// read), and got the e-mail (the development mail catcher, /dev/mail); the
// e-mail's unsubscribe link turns that kind of e-mail off, which
// the settings page shows and changes back; a role search is saved, listed,
// shown and deleted.

export const demoCandidate = 'candidate@demo.setubashi.test';

/** The shared state of the steps. */
export const state = { appId: 0, reason: '', unsubscribe: '' };

/** bellName matches the bell's accessible name with a count ("Notifications, 3 unread"), in lang. */
function bellName(h, lang) {
  const text = h.T(lang, 'web.notify.bell_unread', { Count: '\u0000' });
  const [before, after] = text.split('\u0000').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${before}(\\d+)${after}$`);
}

/** orgSharesReason: the organisation moves the demo candidate's submitted application to screening, sharing the reason. */
export async function orgSharesReason(h, org, candidate) {
  const { T, check, go, settle, base } = h;
  const mine = await (await candidate.request.get(`${base}/api/v1/me/applications?limit=100`)).json();
  const app = mine.items.find((a) => a.stage === 'submitted');
  check(app, `the demo candidate has no submitted application: ${mine.items.map((a) => a.stage)}`);
  state.appId = app.id;
  state.reason = `Your thesis on retrieval-augmented generation stood out (${Date.now() % 100000}).`;
  await go(org, `/applications/${app.id}`);
  await org.getByLabel(T('en', 'stage.screening'), { exact: true }).check();
  await org.getByLabel(T('en', 'web.move.reason'), { exact: true }).fill(state.reason);
  const share = org.getByLabel(T('en', 'web.notify.share_reason'));
  check(!(await share.isChecked()), 'sharing the reason is on before anyone chose it');
  await share.check();
  await org.getByRole('button', { name: T('en', 'web.move.submit') }).click();
  await org.locator('.lead-line .badge', { hasText: T('en', 'stage.screening') }).waitFor();
  check(!(await share.isChecked()), 'the share box stayed ticked after the move');
  await settle(org);
}

/** candidateReadsIt: the bell counts it, the list shows it with the reason, and it opens the application, read. */
export async function candidateReadsIt(h, cand) {
  const { T, check, go, settle, examine, base } = h;
  await go(cand, '/applications');
  const bell = cand.getByRole('link', { name: bellName(h, 'en') });
  await bell.waitFor();
  const count = Number(bellName(h, 'en').exec(await bell.getAttribute('aria-label'))[1]);
  check(count >= 1, `the bell counts ${count} unread`);
  check((await bell.locator('.bell__count').textContent()).trim() === String(Math.min(count, 99)) + (count > 99 ? '+' : ''), 'the badge differs from the name');
  await bell.click();
  await cand.waitForURL(/\/notifications$/);
  await settle(cand);
  const note = cand.locator('.note[data-kind="stage_changed"]', { hasText: state.reason });
  await note.waitFor();
  check((await note.locator('.note__unread').textContent()) === T('en', 'web.notifications.unread'), 'the notification is not marked unread in words');
  check((await note.locator('.note__body').textContent()).includes(state.reason), 'the reason is not in the notification');
  await examine(cand, 'notifications', 'en', { mobile: true });
  // The unread-only view lists it too.
  await cand.getByLabel(T('en', 'web.notifications.unread_only')).check();
  await cand.waitForURL(/unread=true/);
  await note.waitFor();
  await cand.getByLabel(T('en', 'web.notifications.unread_only')).uncheck();
  await settle(cand);
  await note.locator('.row-card__title a').click();
  await cand.waitForURL(new RegExp(`/applications/${state.appId}$`));
  await settle(cand);
  await cand.getByText(state.reason).first().waitFor();
  const list = await (await cand.request.get(`${base}/api/v1/me/notifications?limit=50`)).json();
  const it = list.items.find((n) => n.kind === 'stage_changed' && n.object_id === state.appId);
  check(it && it.read, 'the notification was not marked read when opened');
  check(it.link === `/applications/${state.appId}`, `the notification links to ${it.link}`);
  // The same notification in Japanese and Hindi, worded by the server.
  for (const lang of ['ja', 'hi']) {
    await h.setLang(cand, lang);
    await go(cand, '/notifications');
    await cand.locator('.note[data-kind="stage_changed"]', { hasText: state.reason }).waitFor();
    const local = await (await cand.request.get(`${base}/api/v1/me/notifications?limit=50&lang=${lang}`)).json();
    const title = local.items.find((n) => n.id === it.id).title;
    check(title !== it.title, `the ${lang} title is the English one`);
    await cand.getByRole('link', { name: title }).first().waitFor();
    await examine(cand, 'notifications', lang, { shot: lang === 'ja' });
  }
  await h.setLang(cand, 'en');
}

/** mailArrived: the development mail catcher got an e-mail to the candidate about the move, with the reason. */
export async function mailArrived(h, page) {
  const { check, base } = h;
  let found = null;
  let last = [];
  for (let i = 0; i < 60 && !found; i++) {
    last = await (await page.request.get(`${base}/dev/mail/latest.json`)).json();
    found = last.find((m) => m.to === demoCandidate && m.text.includes(state.reason));
    if (!found) await page.waitForTimeout(250);
  }
  check(found, `no e-mail to ${demoCandidate} with the reason; caught: ${last.map((m) => `${m.to}: ${m.subject}`).join(' | ')}`);
  check(found.subject.trim() !== '', 'the e-mail has no subject');
  check(found.html.includes(state.reason), 'the HTML part lacks the reason');
  check(found.text.includes(`/applications/${state.appId}`), 'the e-mail does not link to the application');
  // The unsubscribe link of the text (List-Unsubscribe needs an https address, which the e2e server has not).
  const link = /\/unsubscribe\?token=[^\s<>"]+/.exec(found.text);
  check(link, 'the e-mail has no unsubscribe link');
  check(found.html.includes(link[0].replace(/&/g, '&amp;')) || found.html.includes(link[0]), 'the HTML part lacks the unsubscribe link');
  state.unsubscribe = link[0];
}

/** unsubscribes: the e-mail's link turns that kind off (a forged one is refused); the settings page shows it and turns it back on. */
export async function unsubscribes(h, visitor, cand) {
  const { T, check, go, settle, examine, scan, base } = h;
  await go(visitor, '/unsubscribe?token=forged-token');
  await visitor.getByRole('button', { name: T('en', 'web.unsubscribe.submit') }).click();
  await visitor.getByText(T('en', 'web.unsubscribe.invalid_title')).waitFor();
  await scan(visitor, 'unsubscribe, link not valid (en)');
  await go(visitor, state.unsubscribe);
  await examine(visitor, 'unsubscribe', 'en');
  await visitor.getByRole('button', { name: T('en', 'web.unsubscribe.submit') }).click();
  await visitor.getByText(T('en', 'web.unsubscribe.done_body', { Kind: T('en', 'web.notify_kind.stage_changed') })).waitFor();
  await scan(visitor, 'unsubscribed (en)');
  const prefs = await (await cand.request.get(`${base}/api/v1/me/notification-preferences`)).json();
  check(prefs.preferences.stage_changed === 'in_app', `stage_changed is ${prefs.preferences.stage_changed} after unsubscribing`);

  await go(cand, '/account/notifications');
  const group = cand.getByRole('group', { name: T('en', 'web.notify_kind.stage_changed') });
  check(await group.getByLabel(T('en', 'web.notify_prefs.in_app')).isChecked(), 'the settings do not show the unsubscribe');
  await examine(cand, 'notification-settings', 'en');
  await group.getByLabel(T('en', 'web.notify_prefs.now')).check();
  await cand.getByRole('group', { name: T('en', 'web.notify_kind.new_roles') }).getByLabel(T('en', 'web.notify_prefs.digest')).check();
  await cand.getByRole('button', { name: T('en', 'web.notify_prefs.save') }).click();
  await cand.locator('.notice--success', { hasText: T('en', 'web.notify_prefs.saved') }).waitFor();
  const now = await (await cand.request.get(`${base}/api/v1/me/notification-preferences`)).json();
  check(now.preferences.stage_changed === 'now' && now.preferences.new_roles === 'digest', `saved: ${JSON.stringify(now.preferences)}`);
  await settle(cand);
}

/** savedSearch: the candidate saves a role search, finds it among saved searches, shows its roles and deletes it. */
export async function savedSearch(h, cand) {
  const { T, check, go, settle, examine } = h;
  await go(cand, '/roles?type=research&remote=true');
  await cand.getByRole('button', { name: T('en', 'web.save_search.open') }).click();
  const name = cand.getByLabel(T('en', 'web.save_search.name'));
  const summary = `${T('en', 'role_type.research')} · ${T('en', 'web.roles.remote_only')}`;
  check((await name.inputValue()) === summary, `the default name is ${await name.inputValue()}`);
  await examine(cand, 'roles-save-search', 'en', { shot: false });
  await cand.getByLabel(T('en', 'web.save_search.weekly')).check();
  await cand.getByRole('button', { name: T('en', 'web.save_search.submit') }).click();
  await cand.getByText(T('en', 'web.save_search.saved')).waitFor();
  await cand.getByRole('link', { name: T('en', 'web.save_search.see_all') }).click();
  await cand.waitForURL(/\/account\/searches$/);
  await settle(cand);
  const row = cand.locator('.row-card', { hasText: summary });
  await row.getByText(T('en', 'web.saved_searches.weekly')).waitFor();
  await examine(cand, 'saved-searches', 'en');
  await row.getByRole('link', { name: T('en', 'web.saved_searches.show_named', { Name: summary }) }).click();
  await cand.waitForURL((u) => u.pathname === '/roles' && u.searchParams.get('type') === 'research' && u.searchParams.get('remote') === 'true');
  await settle(cand);
  check((await cand.getByLabel(T('en', 'web.roles.type')).inputValue()) === 'research', 'the role search did not take the saved filters');
  await go(cand, '/account/searches');
  await row.getByRole('button', { name: T('en', 'web.saved_searches.delete_named', { Name: summary }) }).click();
  await row.getByRole('button', { name: T('en', 'web.saved_searches.delete_yes') }).click();
  await row.waitFor({ state: 'detached' });
  await cand.getByText(T('en', 'web.saved_searches.none')).waitFor();
}
