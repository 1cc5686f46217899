// Browser journeys of a visitor (no account), run by e2e/run.mjs with its helpers (h):
// the landing page and the role search with a filter.

/** landingAndSearch: the landing page, then the roles filtered to jobs. */
export async function landingAndSearch(h, visitor) {
  const { T, check, go, settle, examine } = h;
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
}
