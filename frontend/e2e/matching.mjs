// Browser journeys of matching, HSP points and the dashboard, run by e2e/run.mjs with its helpers
// (h): skills autocomplete in three languages, recommendations with their
// reasons, HSP points on a role page and the public calculator, applicants
// ranked by match, recommended candidates, a matching round from draft to
// results (rank lists reordered with the keyboard), the ministry dashboard in
// the three languages and the public progress page.

/** tokyoLocal writes an instant as a datetime-local value in Asia/Tokyo (the browsers' time zone), to the second. */
function tokyoLocal(ms) {
  return new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19);
}

/** The round's state, shared between the steps. */
export const round = { id: 0, deadline: 0, roleId: 0, roleTitle: '', otherTitle: '' };

/** visitorPages: the live progress figure, the public progress page and the HSP calculator (with a field error first). */
export async function visitorPages(h, visitor) {
  const { T, check, go, examine, settle } = h;
  await go(visitor, '/');
  await visitor.locator('.progress-figure__number').waitFor();
  await visitor.getByRole('link', { name: T('en', 'web.progress.home_link') }).click();
  await visitor.waitForURL(/\/progress$/);
  await visitor.locator('.kpi__value').first().waitFor();
  await visitor.locator('.chart .recharts-surface').first().waitFor();
  check((await visitor.locator('.panel table').count()) >= 1 || (await visitor.getByText(T('en', 'web.progress.withheld')).count()) >= 1, 'no breakdown on the progress page');
  // How far the open figures run (a closed month, in the reader's date format), when months appear, small groups hidden.
  const through = (await visitor.locator('.published-through').textContent()).trim();
  const [before, after] = T('en', 'web.progress.published_through', { Date: '\u0000' }).split('\u0000');
  check(through.startsWith(before) && through.endsWith(after) && /\d{1,2} [A-Z][a-z]{2} \d{4}/.test(through), `published-through line reads ${through}`);
  await examine(visitor, 'progress', 'en', { shot: false });
  await progressShots(h, visitor);

  await go(visitor, '/hsp');
  await visitor.getByRole('button', { name: T('en', 'web.hsp.submit') }).click();
  // The API names each missing field; the message lands beside it.
  await visitor.locator('#field-age-error').waitFor();
  const age = visitor.getByLabel(T('en', 'web.hsp.age'), { exact: true });
  check((await age.getAttribute('aria-invalid')) === 'true', 'the age is not marked invalid');
  await age.fill('29');
  await visitor.getByLabel(T('en', 'web.hsp.degree'), { exact: true }).selectOption('master');
  await visitor.locator('#field-annual_salary_jpy').fill('8000000');
  await visitor.locator('#field-jlpt').selectOption('N2');
  await visitor.getByRole('button', { name: T('en', 'web.hsp.submit') }).click();
  await visitor.locator('.points__value').waitFor();
  const points = await visitor.locator('.points__value').textContent();
  check(/\d+ points/.test(points), `no points shown: ${points}`);
  await visitor.locator('.table th', { hasText: T('en', 'hsp.item.degree_master') }).waitFor();
  await settle(visitor);
  await examine(visitor, 'hsp', 'en');
}

/** progressShots: the open progress page in the three languages, on a wide screen and a phone, its published-through line in each. */
async function progressShots(h, visitor) {
  const { T, settle, setLang, fits } = h;
  for (const lang of ['en', 'ja', 'hi']) {
    if (lang !== 'en') await setLang(visitor, lang);
    await visitor.getByRole('heading', { level: 1, name: T(lang, 'web.progress.title') }).waitFor();
    await visitor.locator('.published-through').waitFor();
    await visitor.locator('.chart .recharts-surface').first().waitFor();
    await settle(visitor);
    if (lang !== 'en') await fits(visitor, `progress (${lang})`);
    await h.shot(visitor, `progress-${lang}`, { width: 1440 });
    await h.shot(visitor, `progress-${lang}-mobile`, { mobile: true });
  }
  await setLang(visitor, 'en');
}

/** openRoleOfOrg finds an open job of the demo organisation other than `exceptId`, through the API. */
export async function openJobOfOrg(h, org, exceptId) {
  const { base, check } = h;
  const orgs = await (await org.request.get(`${base}/api/v1/me/organizations`)).json();
  const roles = await (await org.request.get(`${base}/api/v1/organizations/${orgs.items[0].id}/roles?limit=50&lang=en`)).json();
  const job = roles.items.find((r) => r.status === 'open' && r.type === 'job' && r.id !== exceptId);
  check(job, 'the demo organisation has no other open job');
  return job;
}

/** adminCreatesRound: an administrator drafts a round over two open roles and opens it. */
export async function adminCreatesRound(h, admin, org, exceptRoleId) {
  const { T, check, go, settle, examine, base } = h;
  const job = await openJobOfOrg(h, org, exceptRoleId);
  round.roleId = job.id;
  round.roleTitle = job.display.title;
  await go(admin, '/rounds');
  await admin.getByRole('link', { name: T('en', 'web.rounds.new') }).click();
  await admin.waitForURL(/\/rounds\/new$/);
  await settle(admin);
  await admin.getByLabel(T('en', 'web.rounds.name')).fill('Autumn 2026 matching round');
  // Long enough for both sides to rank on a loaded machine (the run waits
  // for the deadline before the round can run).
  round.deadline = Date.now() + 150_000;
  await admin.getByLabel(T('en', 'web.rounds.deadline')).fill(tokyoLocal(round.deadline));
  await admin.getByLabel(T('en', 'web.rounds.find_roles')).fill(job.display.title);
  await admin.getByRole('button', { name: T('en', 'web.roles.search') }).click();
  await settle(admin);
  await admin.getByLabel(job.display.title, { exact: false }).first().check();
  // A second role: the first other one listed without a search.
  await admin.getByLabel(T('en', 'web.rounds.find_roles')).fill('');
  await admin.getByRole('button', { name: T('en', 'web.roles.search') }).click();
  await settle(admin);
  await admin.locator('.pick-list li').first().waitFor();
  const other = await admin.locator('.pick-list li').evaluateAll((items) => {
    for (const li of items) {
      const box = li.querySelector('input');
      if (box && !box.checked) return { id: box.id, title: (li.querySelector('label span')?.textContent ?? '').trim() };
    }
    return null;
  });
  check(other, 'no other open role to add');
  round.otherTitle = other.title;
  await admin.locator(`#${other.id}`).check();
  await admin.getByText(T('en', 'web.rounds.chosen', { Count: 2 })).waitFor();
  await examine(admin, 'round-new', 'en', { shot: false });
  await admin.getByRole('button', { name: T('en', 'web.rounds.create') }).click();
  await admin.waitForURL(/\/rounds\/\d+$/);
  round.id = Number(new URL(admin.url()).pathname.split('/').pop());
  await admin.getByRole('button', { name: T('en', 'web.rounds.open') }).click();
  await admin.locator('.page__lead .badge', { hasText: T('en', 'web.rounds.status_open') }).waitFor();
  const r = await (await admin.request.get(`${base}/api/v1/rounds/${round.id}`)).json();
  check(r.status === 'open' && r.role_ids.includes(job.id) && r.role_ids.length === 2, `round ${JSON.stringify(r)}`);
  round.deadline = Date.parse(r.ranking_deadline);
  check(round.deadline > Date.now() + 30_000, `the deadline ${r.ranking_deadline} is too close`);
}

/** profileSkills fills the skills step with the autocomplete: typed in English, Japanese and with a typo fixed by the API's suggestion. */
export async function profileSkills(h, cand) {
  const { T, check } = h;
  const L = (id, args) => T('en', id, args);
  const pick = async (n, typed, label) => {
    await cand.getByRole('button', { name: L('web.profile.add_skill') }).click();
    const box = cand.getByRole('combobox', { name: L('web.profile.skill_n', { N: n }) });
    await box.fill(typed);
    await cand.getByRole('option', { name: new RegExp(label) }).first().waitFor();
    await box.press('ArrowDown');
    check((await box.getAttribute('aria-activedescendant')) !== null, 'ArrowDown did not move to an option');
    await box.press('Enter');
    check((await box.inputValue()) === label, `skill ${n} shows ${await box.inputValue()}, want ${label}`);
    return box;
  };
  await pick(1, 'pytor', 'PyTorch');
  await cand.locator('#field-skills-0-proficiency').selectOption('4');
  await pick(2, 'コンピュータビジョン', 'Computer vision');
  // A typo is kept as typed; the API refuses it and offers the nearest skills.
  await cand.getByRole('button', { name: L('web.profile.add_skill') }).click();
  const third = cand.getByRole('combobox', { name: L('web.profile.skill_n', { N: 3 }) });
  await third.fill('tensorflw');
  await third.press('Escape');
  await cand.getByLabel(L('web.profile.experience_years')).fill('2');
  await cand.getByLabel(L('web.profile.papers')).fill('1');
  await cand.getByRole('button', { name: L('web.profile.save_next') }).click();
  await cand.locator('#field-skills-2-skill-error').waitFor();
  const suggestion = cand.locator('.skill-picker__suggest button').first();
  await suggestion.waitFor();
  await suggestion.click();
  // Taken: the suggestions go, and the field shows the skill.
  await cand.locator('.skill-picker__suggest').waitFor({ state: 'detached' });
  check(!['', 'tensorflw'].includes(await third.inputValue()), `the suggestion was not taken: ${await third.inputValue()}`);
  await h.scan(cand, 'profile skills with a suggestion (en)');
}

/** candidateRecommendations: ranked open roles with score, reasons and the type filter. */
export async function candidateRecommendations(h, cand) {
  const { T, check, go, examine, settle } = h;
  await go(cand, '/recommendations');
  await cand.locator('.rec .score__value').first().waitFor();
  const reasons = await cand.locator('.rec').first().locator('.match__reasons li').allTextContents();
  check(reasons.length > 0 && reasons.every((r) => r.trim().length > 0), 'the first recommendation shows no reasons');
  await examine(cand, 'recommendations', 'en', { mobile: true });
  await cand.getByLabel(T('en', 'web.roles.type')).selectOption('research');
  await cand.waitForURL(/type=research/);
  await settle(cand);
  // The previous list stays on screen until the filtered one arrives: wait for it, then check.
  const research = T('en', 'role_type.research');
  await cand
    .waitForFunction((label) => {
      const tags = [...document.querySelectorAll('.rec .role-card__top .tag:first-child')].map((e) => e.textContent);
      return tags.length > 0 && tags.every((t) => t === label);
    }, research, { timeout: 10_000 })
    .catch(() => {});
  const tags = await cand.locator('.rec .role-card__top .tag:first-child').allTextContents();
  check(tags.every((t) => t === research), `the type filter kept other types: ${tags}`);
}

/** candidateRanks: the candidate ranks the round's two roles and reorders them with the keyboard. */
export async function candidateRanks(h, cand) {
  const { T, check, go, examine, settle } = h;
  await go(cand, '/rounds');
  await cand.getByRole('link', { name: 'Autumn 2026 matching round' }).click();
  await cand.waitForURL(new RegExp(`/rounds/${round.id}$`));
  await settle(cand);
  const add = cand.locator('.add-list__item button');
  await add.first().waitFor();
  check((await add.count()) === 2, `${await add.count()} roles to add, want 2`);
  // Add the other role first, then the organisation's, and move it up with the keyboard.
  await cand.getByRole('button', { name: T('en', 'web.rank.add_named', { Name: round.otherTitle }) }).click();
  await cand.getByRole('button', { name: T('en', 'web.rank.add_named', { Name: round.roleTitle }) }).click();
  const up = cand.getByRole('button', { name: T('en', 'web.rank.up_named', { Name: round.roleTitle }) });
  await up.focus();
  await cand.keyboard.press('Enter');
  const first = await cand.locator('.rank-list__item').first().locator('.rank-list__body').textContent();
  check(first.includes(round.roleTitle), `the role did not move up: ${first}`);
  // Focus stays with the moved role (now first: its "down" button, as "up" is disabled).
  const focused = await cand.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  check(focused === T('en', 'web.rank.down_named', { Name: round.roleTitle }), `focus is on "${focused}"`);
  await cand.getByRole('button', { name: T('en', 'web.rounds.save_ranking') }).click();
  await cand.locator('.notice--success', { hasText: T('en', 'web.rounds.saved') }).waitFor();
  await examine(cand, 'round-candidate', 'en');
}

/** orgRanksAndReviews: applicants ranked by match, recommended candidates, and the round's rank list of candidates. */
export async function orgRanksAndReviews(h, org, roleId, candidateName) {
  const { T, check, go, examine, settle } = h;
  await go(org, `/organization/roles/${roleId}/applicants`);
  const row = org.locator('.row-card', { hasText: candidateName });
  await row.locator('.score__value').waitFor();
  check((await org.getByLabel(T('en', 'web.ranked.order')).inputValue()) === 'match', 'applicants are not ranked by match');
  await row.getByText(T('en', 'web.match.why')).click();
  check((await row.locator('.match__reasons li').count()) > 0, 'no reasons for the applicant');
  // (The step before examined this page: it ranks by match by default.)
  await org.getByRole('link', { name: T('en', 'web.candidates.link') }).click();
  await org.waitForURL(/\/candidates$/);
  await settle(org);
  await org.locator('.score__value').first().waitFor();
  await examine(org, 'candidates', 'en', { shot: false });

  await go(org, `/rounds/${round.id}`);
  const section = org.locator('section.panel', { has: org.getByRole('heading', { level: 2, name: round.roleTitle }) });
  await section.getByRole('button', { name: T('en', 'web.rank.add_named', { Name: candidateName }) }).click();
  await section.getByRole('button', { name: T('en', 'web.rounds.save_ranking') }).click();
  await section.locator('.notice--success', { hasText: T('en', 'web.rounds.saved') }).waitFor();
  await h.scan(org, 'round, organisation (en)');
}

/** candidateHsp: the HSP points this role's pay would give the candidate (at both ends of a range), with the items that scored. */
export async function candidateHsp(h, cand, roleId) {
  const { T, check, go } = h;
  await go(cand, `/roles/${roleId}`);
  const points = cand.locator('.hsp-panel .points__value');
  await points.first().waitFor();
  const values = await points.allTextContents();
  check(values.length >= 1 && values.every((v) => /\d+ points?/.test(v)), `no HSP points: ${values}`);
  if (values.length === 2) {
    // A range: the bottom and the top, never the top alone.
    const ends = await cand.locator('.hsp-panel .hsp-end__at').allTextContents();
    const [bottom, top] = ['web.hsp.at_bottom', 'web.hsp.at_top'].map((id) => T('en', id, { Salary: '' }).trim());
    check(ends[0].startsWith(bottom) && ends[1].startsWith(top), `the range's ends are not labelled: ${ends}`);
  }
  check((await cand.locator('.hsp-panel .verdict').count()) === 4, 'the HSP verdicts are missing');
}

/** runRound: after the deadline the administrator runs the round, sees the summary, and the candidate the result. */
export async function runRound(h, admin, cand) {
  const { T, check, go, examine, log } = h;
  const wait = round.deadline - Date.now() + 1500;
  if (wait > 0) {
    log(`waiting ${(wait / 1000).toFixed(1)} s for the round's ranking deadline`);
    await new Promise((r) => setTimeout(r, wait));
  }
  await go(admin, `/rounds/${round.id}`);
  await admin.getByRole('button', { name: T('en', 'web.rounds.run') }).click();
  await admin.locator('.page__lead .badge', { hasText: T('en', 'web.rounds.status_completed') }).waitFor();
  await admin.locator('.kpis').waitFor();
  const matched = await admin.locator('.kpis dd').first().textContent();
  check(matched.trim() === '1', `matched ${matched}, want 1`);
  await admin.locator('table tbody tr').first().waitFor();
  await examine(admin, 'round-admin', 'en');
  await go(cand, `/rounds/${round.id}`);
  await cand.getByText(T('en', 'web.rounds.matched_candidate')).waitFor();
  await cand.getByRole('link', { name: T('en', 'web.rounds.see_offer') }).click();
  await cand.waitForURL(/\/applications\/\d+$/);
  await cand.locator('.lead-line .badge', { hasText: T('en', 'stage.offer') }).waitFor();
  // The round made the offer; its terms come from the organisation.
  await cand.getByText(T('en', 'web.offer.awaiting_terms')).waitFor();
}

/** ministryDashboard: the dashboard in three languages, chart/table switch, breakdown with a period, exports. */
export async function ministryDashboard(h, ministry) {
  const { T, check, settle, examine, setLang, base } = h;
  await ministry.locator('.kpi__value').first().waitFor();
  await ministry.locator('.chart .recharts-surface').first().waitFor();
  const counted = await ministry.locator('.kpi__value').first().textContent();
  check(/^\d+ of \d+$/.test(counted.trim()), `counted tile reads ${counted}`);
  // Chart → table: the same numbers, readable and copyable.
  const panel = ministry.locator('.chart-panel').first();
  await panel.getByRole('button', { name: T('en', 'web.chart.table') }).click();
  await panel.locator('.chart-panel__table table tbody tr').first().waitFor();
  check((await panel.locator('.chart').count()) === 0, 'the chart stayed after switching to the table');
  await panel.getByRole('button', { name: T('en', 'web.chart.chart') }).click();
  // A breakdown by prefecture over a period.
  await ministry.locator('#field-by').selectOption('prefecture');
  await ministry.waitForURL(/by=prefecture/);
  await ministry.locator('#field-from').fill('2026-07-01');
  await ministry.locator('#field-to').fill('2026-12-31');
  await ministry.getByRole('button', { name: T('en', 'web.dashboard.apply') }).click();
  await ministry.waitForURL(/from=2026-07-01/);
  await settle(ministry);
  await ministry.getByRole('heading', { name: new RegExp(T('en', 'dashboard.dimension.prefecture')) }).first().waitFor();
  // Exports: the links download with the session.
  const xlsx = await ministry.getByRole('link', { name: T('en', 'web.dashboard.export_all') }).getAttribute('href');
  const rx = await ministry.request.get(base + xlsx);
  check(rx.ok() && (rx.headers()['content-type'] ?? '').includes('spreadsheetml'), `XLSX export: ${rx.status()} ${rx.headers()['content-type']}`);
  const csv = await ministry.locator('.chart-panel__actions a[href*="table=breakdown"][href*="format=csv"]').getAttribute('href');
  check(/by=prefecture/.test(csv) && /from=2026-07-01/.test(csv), `CSV link ${csv}`);
  const rc = await ministry.request.get(base + csv);
  check(rc.ok() && (await rc.text()).includes(T('en', 'dashboard.dimension.prefecture')), `CSV export: ${rc.status()}`);
  // The pipeline forecast beside the run rate: its dates, the steps with where their figures come from, the months.
  const forecast = ministry.locator('section.forecast');
  await forecast.getByRole('heading', { level: 2, name: T('en', 'web.dashboard.forecast_title') }).waitFor();
  await forecast.getByText(T('en', 'web.dashboard.forecast_method')).waitFor();
  for (const label of ['web.dashboard.pipeline_date', 'web.dashboard.run_rate_date', 'dashboard.figure.in_pipeline']) {
    await forecast.locator('.kpi__label', { hasText: T('en', label) }).waitFor();
  }
  const steps = await forecast.locator('.forecast__steps tbody th').allTextContents();
  check(steps.join('|') === [T('en', 'web.dashboard.step_placed'), T('en', 'web.dashboard.step_arrived')].join('|'), `forecast steps: ${steps}`);
  const sources = await forecast.locator('.forecast__steps tbody td:last-child').allTextContents();
  const known = ['observed', 'typical', 'mixed'].map((k) => T('en', `web.dashboard.source_${k}`));
  check(sources.length === 2 && sources.every((x) => known.includes(x)), `step sources: ${sources}`);
  check(/^\d+(\.\d+)?%$/.test((await forecast.locator('.forecast__steps tbody td').first().textContent()).trim()), 'step conversion is not a percentage');
  await forecast.locator('.chart .recharts-surface').first().waitFor();
  // The milestones: each year's figure, the current year standing at the counted figure.
  await ministry.getByRole('heading', { level: 2, name: T('en', 'web.dashboard.milestones_title') }).waitFor();
  const current = ministry.locator('.milestones tbody tr[aria-current="date"]');
  check((await ministry.locator('.milestones tbody tr').count()) >= 2, 'too few milestones');
  const now = T('en', 'web.dashboard.standing_now', { N: counted.trim().split(' ')[0] });
  check((await current.textContent()).includes(now), `current milestone reads ${await current.textContent()}, not ${now}`);
  await examine(ministry, 'dashboard', 'en', { shot: false });
  // The three languages on a wide screen and a phone (scanned above in English): the top, the forecast, the milestones.
  for (const lang of ['en', 'ja', 'hi']) {
    if (lang !== 'en') await setLang(ministry, lang);
    await ministry.getByRole('heading', { level: 1, name: T(lang, 'web.ministry.title') }).waitFor();
    await ministry.locator('.forecast .chart .recharts-surface').first().waitFor();
    await settle(ministry);
    if (lang !== 'en') await h.fits(ministry, `dashboard (${lang})`);
    await ministry.mouse.move(1, 1); // no tooltip left where the pointer last was
    await h.shot(ministry, `dashboard-${lang}`, { width: 1440 });
    await h.shot(ministry, `dashboard-${lang}-forecast`, { width: 1440, at: '.forecast' });
    await h.shot(ministry, `dashboard-${lang}-milestones`, { width: 1440, at: '.forecast .chart-panel' });
    await h.shot(ministry, `dashboard-${lang}-mobile`, { mobile: true });
    await h.shot(ministry, `dashboard-${lang}-forecast-mobile`, { mobile: true, at: '.forecast' });
  }
  await setLang(ministry, 'en');
}
