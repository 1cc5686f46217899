// Browser journeys of offers, run by e2e/run.mjs with its helpers (h): the
// demo organisation's offer with a planned status of residence that does not
// fit the post (Cultural Activities on a paid post) is refused beside the
// field in Japanese; the organisation then makes the offer with its terms;
// the candidate reads it in English, Japanese and Hindi (screenshots of the
// offer card at 1440 px and 390 px) and accepts it in Hindi after confirming.

export const letter = {
  en: 'We would be glad to welcome you to the team in Tokyo.',
  ja: '東京のチームにお迎えできることを、心より楽しみにしております。',
};

/** The offer as made: a status that fits the role's kind (the form starts from it), and the salary. */
export const made = { status: '', salary: 0 };

/**
 * fillOffer opens the offer form and fills its terms in lang. The planned
 * status is the one given, or one that fits the kind of post: an internship
 * under Designated Activities (a term and the university's agreement), else
 * Highly Skilled Professional (i)(b).
 */
async function fillOffer(h, page, lang, status) {
  const { T, today } = h;
  await page.getByRole('button', { name: T(lang, 'web.offer.make_open') }).click();
  const internship = (await page.getByLabel(T(lang, 'web.offer.kind')).inputValue()) === 'internship';
  made.status = status ?? (internship ? 'designated_internship' : 'hsp_1b');
  made.salary = internship ? 2_400_000 : 7_200_000;
  await page.getByLabel(T(lang, 'web.offer.salary')).fill(String(made.salary));
  await page.getByLabel(T(lang, 'web.offer.start')).fill(today(90));
  if (internship) {
    await page.getByLabel(T(lang, 'web.offer.term_months')).fill('6');
    await page.getByLabel(T(lang, 'web.offer.agreement')).check();
  }
  await page.getByLabel(T(lang, 'web.offer.status')).selectOption(made.status);
  await page.getByLabel(T(lang, 'web.offer.respond_by')).fill(today(30));
  await page.getByLabel(T(lang, 'web.offer.text_en')).fill(letter.en);
  await page.getByLabel(T(lang, 'web.offer.text_ja')).fill(letter.ja);
  await page.getByRole('button', { name: T(lang, 'web.offer.send') }).click();
}

/** orgRefusedOffer: Cultural Activities on a paid post is refused beside the field, in the reader's language. */
export async function orgRefusedOffer(h, org) {
  const { T, check, setLang, scan } = h;
  await setLang(org, 'ja');
  await fillOffer(h, org, 'ja', 'cultural_activities');
  const error = org.locator('#field-planned_status-error');
  await error.waitFor();
  const text = (await error.textContent()) ?? '';
  check(text.includes(T('ja', 'visa.cultural_activities')) && text.includes('無報酬'), `the planned status's error is not the localized reason: ${text}`);
  check((await org.getByLabel(T('ja', 'web.offer.status')).getAttribute('aria-invalid')) === 'true', 'the planned status is not marked invalid');
  check((await org.getByLabel(T('ja', 'web.offer.text_en')).inputValue()) === letter.en, 'the typed offer letter was lost');
  await org.locator('.lead-line .badge', { hasText: T('ja', 'stage.screening') }).waitFor();
  await scan(org, 'offer form with errors (ja)');
  await setLang(org, 'en');
}

/** orgMakesOffer: the offer with its terms moves the application to offer and lists the revision. */
export async function orgMakesOffer(h, org) {
  const { T, check } = h;
  await fillOffer(h, org, 'en');
  await org.locator('.lead-line .badge', { hasText: T('en', 'stage.offer') }).waitFor();
  const revision = org.locator('.offer-revision').first();
  await revision.getByText(T('en', 'web.offer.state_awaiting')).waitFor();
  await revision.getByText(letter.en).waitFor();
  // The bare move to offer is gone: the stage form lists only the other moves.
  check((await org.getByRole('radio', { name: T('en', 'stage.offer'), exact: true }).count()) === 0, 'the stage form still offers a bare move to offer');
  await org.getByRole('button', { name: T('en', 'web.offer.revise_open') }).waitFor();
}

/** candidateAcceptsOffer: the offer card in three languages (screenshots at 1440 and 390 px), accepted in Hindi. */
export async function candidateAcceptsOffer(h, cand, appPath) {
  const { T, check, go, setLang, scan, shot } = h;
  await go(cand, appPath);
  const card = cand.locator('.offer-card');
  for (const lang of ['en', 'ja', 'hi']) {
    await setLang(cand, lang);
    await card.getByRole('heading', { name: T(lang, 'web.offer.yours') }).waitFor();
    const text = (await card.textContent()) ?? '';
    check(text.includes(T(lang, `visa.${made.status}`)), `the card (${lang}) lacks the planned status`);
    check(text.replace(/,/g, '').includes(`¥${made.salary}`), `the card (${lang}) lacks the salary in yen`);
    await card.getByText(lang === 'ja' ? letter.ja : letter.en).waitFor();
    if (lang === 'hi') await card.getByText(T('hi', 'content.fallback', { Language: T('hi', 'language.en') })).waitFor();
    await scan(cand, `offer card (${lang})`);
    await h.fits(cand, `offer card (${lang})`);
    await cand.setViewportSize({ width: 1440, height: 900 });
    await shot(cand, `offer-${lang}`, { element: card });
    await shot(cand, `offer-${lang}-mobile`, { mobile: true, element: card });
  }
  await card.getByRole('button', { name: T('hi', 'web.application.accept'), exact: true }).click();
  await card.getByText(T('hi', 'web.offer.accept_confirm')).waitFor();
  await card.getByRole('button', { name: T('hi', 'web.offer.accept_yes'), exact: true }).click();
  await cand.locator('.lead-line .badge', { hasText: T('hi', 'stage.accepted') }).waitFor();
  await cand.locator('.offer-revision .badge', { hasText: T('hi', 'web.offer.state_accepted') }).waitFor();
  await setLang(cand, 'en');
}
