// End-to-end test of the web UI against the real server on SQLite, in
// Debian's Chromium driven by playwright-core: `npm run e2e` after `npm run build`.
//
// This file is the order of the steps; e2e/harness.mjs builds the binary
// (which embeds frontend/dist), starts it in development mode on a free port
// with a fresh database (the demo data and accounts), and holds the helpers;
// the journeys live in a module each:
//   visitor.mjs        the landing page and the role search
//   candidate.mjs      signing up, the profile, applying, the offer in three languages, withdrawing, accepting
//   organisation.mjs   moving an application to offer, placement and arrival, posting a role, registering
//   account.mjs        profile views, consent withdrawn and given, the export, sessions, the authenticator app, erasure
//   admin.mjs          keyboard-only sign-in, verifying an organisation, accounts, the audit log
//   matching.mjs       skills, recommendations, HSP points, a matching round, the dashboard
//   notifications.mjs the bell, the notification and its e-mail, unsubscribing, saved searches
// Every main page gets an axe-core scan (no serious or critical violation), a
// check that it fits 390 px without sideways scrolling, and a screenshot in
// docs/screenshots/. The run is bounded in time, always stops its server and
// browser, and exits non-zero on the first failure.
import { buildServer, h, openPage, prepare, run, signIn, startServer, step } from './harness.mjs';
import * as visitors from './visitor.mjs';
import * as candidates from './candidate.mjs';
import * as organisations from './organisation.mjs';
import * as account from './account.mjs';
import * as admins from './admin.mjs';
import * as m35 from './matching.mjs';
import * as n7 from './notifications.mjs';
import * as offers from './offers.mjs';

await run(async () => {
  prepare();
  await step('build the server binary', buildServer);
  await step('start the server on SQLite with demo data', startServer);
  const visitor = await openPage();
  const org = await openPage();
  const cand = await openPage();

  await step('visitor: landing page and role search', () => visitors.landingAndSearch(h, visitor));
  await step('visitor: live progress, the public progress page and the HSP points calculator', () => m35.visitorPages(h, visitor));
  const role = await step('organisation member signs in and finds an open role', () => organisations.findsOpenRole(h, org));

  const admin35 = await openPage();
  await step('administrator drafts a matching round over two open roles and opens it', async () => {
    await signIn(admin35, 'admin@demo.setubashi.test');
    await m35.adminCreatesRound(h, admin35, org, role.id);
  });

  await step('candidate signs up', () => candidates.signsUp(h, cand));
  await step('candidate fills the profile, with a mistake shown beside its field', () => candidates.fillsProfile(h, cand));
  await step('candidate sees recommended roles with the reasons for each score', () => m35.candidateRecommendations(h, cand));
  await step('candidate ranks the roles of the open round, reordering with the keyboard', () => m35.candidateRanks(h, cand));
  const appPath = await step('candidate browses roles and applies with a cover note', () => candidates.applies(h, cand, role));
  await step('candidate sees the HSP points a role\'s pay would give them', () => m35.candidateHsp(h, cand, m35.round.roleId));
  await step('organisation moves the application to screening, with a reason', () => organisations.movesToScreening(h, org, role, appPath));
  await step('an offer planning Cultural Activities for a paid post is refused beside the field, in Japanese', () => offers.orgRefusedOffer(h, org));
  await step('organisation makes the offer with its terms', () => organisations.makesOffer(h, org, role));
  await step('organisation sees applicants ranked by match, recommended candidates, and ranks the round\'s candidates', () =>
    m35.orgRanksAndReviews(h, org, role.id, candidates.priya.name),
  );
  await step('candidate sees that the organisation viewed the profile', () => account.seesProfileViews(h, cand, role));
  await step('candidate withdraws the transfer to Japan and gives it again; the organisation loses and regains the profile', () =>
    account.withdrawsAndGivesTransfer(h, cand, org, appPath),
  );
  await step('candidate downloads everything held about them', () => account.downloadsData(h, cand));
  await step('candidate sees the offer in the list and on the application', () => candidates.seesOffer(h, cand, role, appPath));
  await step('the language switch turns the same pages into Japanese and Hindi', () => candidates.switchesLanguage(h, cand, role));
  await step('candidate applies to another role and withdraws', () => candidates.appliesAndWithdraws(h, cand, role));
  await step('candidate reads the offer in three languages and accepts it in Hindi', () => offers.candidateAcceptsOffer(h, cand, appPath));
  await step('candidate lists the sessions and signs out everywhere from a second browser', () => account.signsOutEverywhere(h, cand));
  await step('organisation records the placement and the arrival', () => organisations.recordsPlacement(h, org, appPath));
  await step('organisation posts a role with Japanese and English side by side, and publishes it', () => organisations.postsRole(h, org, appPath));

  const ananya = await openPage();
  await step('organisation moves a demo candidate\'s application to screening and shares the reason with her', async () => {
    await signIn(ananya, n7.demoCandidate);
    await n7.orgSharesReason(h, org, ananya);
  });
  await step('the candidate sees the bell\'s count, reads the notification with the reason and opens the application from it', () => n7.candidateReadsIt(h, ananya));
  await step('the candidate got an e-mail about it (development mail catcher)', () => n7.mailArrived(h, ananya));
  await step('the e-mail\'s unsubscribe link turns that kind of e-mail off; the settings page shows it and turns it back on', () =>
    n7.unsubscribes(h, visitor, ananya),
  );
  await step('the candidate saves a role search, shows its roles and deletes it', () => n7.savedSearch(h, ananya));

  await step('a new organisation member must set up an authenticator app first (codes computed here)', () => account.enrolsAuthenticator(h, visitor));
  await step('a new organisation registers and waits for verification', () => organisations.registers(h, visitor));
  await step('the organisation member signs in again with a code from the app', () => account.signsInWithCode(h, visitor));
  await step('administrator signs in with the keyboard only and verifies it', () => admins.verifiesOrganisation(h, visitor));
  await step('a candidate erases their account after confirming', () => account.erases(h));

  await step('ministry viewer lands on the goal dashboard, in three languages, and exports', async () => {
    const ministry = await openPage();
    await signIn(ministry, 'ministry@demo.setubashi.test');
    h.check(new URL(ministry.url()).pathname === '/ministry', `landed on ${ministry.url()}`);
    await m35.ministryDashboard(h, ministry);
  });
  await step('administrator runs the round after its deadline; the candidate sees the match and the offer', () => m35.runRound(h, admin35, cand));
});
