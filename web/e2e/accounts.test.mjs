// Browser test of a trainer's day with accounts and groups: a real
// `openline serve`, Debian's Chromium through playwright-core. The steps
// run in order and build on each other.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hangUp, launch, login, noHorizontalScroll, sayLine, screenshot, startServer } from './lib.mjs';

const desktop = { width: 1280, height: 860 };
const trainer = { name: 'tina', password: 'trainer-pass-2026' };
const trainee = { name: 'paula', password: 'first-pass-2026', next: 'a-new-pass-2026' };

let server;
let browser;
let trainerPage;
let resetLink;
let traineePage;
let callId;

before(async () => {
  server = await startServer();
  server.addUser(trainer.name, 'trainer', trainer.password);
  browser = await launch();
  const context = await browser.newContext({ locale: 'de-DE', viewport: desktop, acceptDownloads: true });
  trainerPage = await context.newPage();
  watchErrors(trainerPage);
  await login(trainerPage, server.url, trainer.name, trainer.password);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const errors = [];

/** watchErrors collects script errors and CSP violations of a page. */
function watchErrors(page) {
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
}

test('a trainer creates a group and a trainee and puts the trainee in it', async () => {
  const page = trainerPage;
  await page.goto(server.url + '/trainees');
  // No password field: the new account comes with a set-up link, with
  // which the trainee chooses the password.
  assert.equal(await page.locator('#user-form input[type=password]').count(), 0, 'the trainer types no password');
  await page.fill('#user-name', trainee.name);
  await page.click('#user-form button[type=submit]');
  await page.waitForSelector(`[data-user="${trainee.name}"]`);
  const setup = page.locator(`[data-setup-link="${trainee.name}"]`);
  const setupLink = await setup.locator('input').inputValue();
  assert.match(setupLink, new RegExp('^' + server.url + '/reset\\?token=[\\w-]{43}$'));
  const first = await browser.newContext({ locale: 'de-DE', viewport: desktop });
  const firstPage = await first.newPage();
  await firstPage.goto(setupLink);
  assert.equal(await firstPage.locator('h1').textContent(), 'Passwort festlegen');
  await firstPage.fill('#reset-password', trainee.password);
  await firstPage.fill('#reset-password2', trainee.password);
  await Promise.all([firstPage.waitForURL(server.url + '/'), firstPage.click('#reset-form button[type=submit]')]);
  await first.close();

  await page.click('a[href="/groups"]');
  await page.waitForSelector('#group-form');
  // A name with markup is shown as text.
  await page.fill('#group-name', 'Kurs <b>Herbst</b>');
  await page.click('#group-form button[type=submit]');
  await page.waitForSelector('[data-group="Kurs <b>Herbst</b>"]');
  assert.equal(await page.locator('.group-card b').count(), 0, 'the group name is not markup');
  await page.fill('#group-name', 'ACME GmbH');
  await page.click('#group-form button[type=submit]');
  await page.waitForSelector('[data-group="ACME GmbH"]');
  await page.fill('#group-name', 'ACME GmbH');
  await page.click('#group-form button[type=submit]');
  await page.waitForSelector('#group-error:not([hidden])');
  assert.equal(await page.locator('#group-error').textContent(), 'Eine Gruppe mit diesem Namen gibt es schon.');

  const card = page.locator('[data-group="Kurs <b>Herbst</b>"]');
  await card.locator('select').selectOption({ label: trainee.name });
  await card.locator('button[type=submit]').click();
  await page.waitForSelector(`[data-group="Kurs <b>Herbst</b>"] [data-member="${trainee.name}"]`);

  // Rename the group.
  await page.click('[data-rename="Kurs <b>Herbst</b>"]');
  await page.fill('[data-group="Kurs <b>Herbst</b>"] .inline-form input', 'Kurs Herbst');
  await page.click('[data-group="Kurs <b>Herbst</b>"] .inline-form button[type=submit]');
  await page.waitForSelector(`[data-group="Kurs Herbst"] [data-member="${trainee.name}"]`);
  assert.ok(await noHorizontalScroll(page));
  await screenshot(page, 'groups', { fullPage: true });

  await page.goto(server.url + '/trainees');
  const row = page.locator(`[data-user="${trainee.name}"]`);
  await row.locator('.tag-group').waitFor();
  assert.equal(await row.locator('.tag-group').textContent(), 'Kurs Herbst');
});

test('the trainer hands a reset link over and the trainee sets a new password with it', async () => {
  const page = trainerPage;
  await page.click(`[data-reset="${trainee.name}"]`);
  const box = page.locator(`[data-reset-link="${trainee.name}"]`);
  await box.waitFor();
  resetLink = await box.locator('input').inputValue();
  assert.match(resetLink, new RegExp('^' + server.url + '/reset\\?token=[\\w-]{43}$'));
  assert.match(await box.textContent(), /gilt einmal/);
  await screenshot(page, 'trainees-reset-link', { fullPage: true });

  const context = await browser.newContext({ locale: 'de-DE', viewport: desktop, acceptDownloads: true });
  const own = await context.newPage();
  traineePage = own;
  watchErrors(own);
  await own.goto(resetLink);
  await own.waitForSelector('#reset-form');
  assert.match(await own.locator('.auth-card').textContent(), new RegExp(trainee.name));
  await own.fill('#reset-password', trainee.next);
  await own.fill('#reset-password2', trainee.next + 'x');
  await own.click('#reset-form button[type=submit]');
  assert.equal(await own.locator('#reset-error').textContent(), 'Die beiden Passwörter sind verschieden.');
  await own.fill('#reset-password2', trainee.next);
  await screenshot(own, 'reset');
  await Promise.all([own.waitForURL(server.url + '/'), own.click('#reset-form button[type=submit]')]);
  assert.equal(await own.locator('.whoami').textContent(), trainee.name);

  // The link worked once: opened again, it says so and shows no form.
  await own.goto(resetLink);
  await own.waitForSelector('#reset-bad');
  assert.equal(await own.locator('#reset-form').count(), 0);
  await screenshot(own, 'reset-used');

  // The old password no longer logs in; the new one does.
  const res = await own.request.post(server.url + '/api/login', {
    data: { name: trainee.name, password: trainee.password }, headers: { Origin: server.url },
  });
  assert.equal(res.status(), 401);
  const ok = await own.request.post(server.url + '/api/login', {
    data: { name: trainee.name, password: trainee.next }, headers: { Origin: server.url },
  });
  assert.equal(ok.status(), 200);
});

test('the trainee calls; the trainer filters the calls, comments on a turn and adjusts a score', async () => {
  // The trainee's browser from the reset step is logged in.
  const own = traineePage;
  await own.goto(server.url + '/');
  await own.click('a[href="/call/herr-b-handwerker"]');
  await own.waitForSelector('#start-call');
  await own.click('#start-call');
  await sayLine(own, 'Guten Tag Herr B., hier ist Paula Berger. Passt es Ihnen gerade kurz?');
  await sayLine(own, 'Wie organisieren Sie denn heute die Nachwuchsgewinnung in Ihren Betrieben?');
  await hangUp(own);
  callId = await own.locator('#phone').getAttribute('data-call-id');
  assert.ok(callId);

  const page = trainerPage;
  await page.goto(server.url + '/review');
  await page.waitForSelector(`tr[data-call="${callId}"]`);
  await page.selectOption('#f-group', { label: 'Kurs Herbst' });
  await page.waitForFunction(() => new URL(location.href).searchParams.has('group'));
  await page.waitForSelector(`tr[data-call="${callId}"]`);
  const row = page.locator(`tr[data-call="${callId}"]`);
  assert.match(await row.textContent(), /paula/);
  assert.match(await row.textContent(), /Kurs Herbst/);
  assert.match(await row.textContent(), /Trainee/, 'who hung up');
  await page.selectOption('#f-group', { label: 'ACME GmbH' });
  await page.waitForSelector('#review-rows td[colspan]');
  assert.equal(await page.locator(`tr[data-call="${callId}"]`).count(), 0, 'another group\'s filter hides the call');
  await page.selectOption('#f-group', { label: 'Kurs Herbst' });
  await page.waitForSelector(`tr[data-call="${callId}"]`);
  await page.click('th[data-sort="openness"] button');
  await page.waitForSelector('th[data-sort="openness"][aria-sort="descending"]');
  assert.ok(await noHorizontalScroll(page));
  await screenshot(page, 'review', { fullPage: true });

  // Export CSV, filtered as on screen.
  const csvHref = await page.locator('#export-csv').getAttribute('href');
  assert.match(csvHref, /group=\d+/);
  assert.match(csvHref, /sort=openness/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const csvPath = await download.path();
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(csvPath, 'utf8').trim().split('\n');
  assert.equal(csv.length, 2, 'the header and the one call of the group');
  assert.match(csv[0], /^call_id,trainee,groups,scenario/);
  assert.match(csv[1], new RegExp('^' + callId + ',paula,Kurs Herbst,herr-b-handwerker'));

  // The call page, worded for a trainer.
  await row.locator('a').click();
  await page.waitForSelector('.big-score');
  assert.match(await page.locator('#metrics-title').textContent(), /Was paula getan hat/);
  assert.equal(await page.locator('.turn-trainee .speaker').first().evaluate((el) => el.firstChild.textContent), 'paula');
  // Comment on the trainee's first turn (turn 2, index 1); markup stays text.
  await page.click('[data-comment-turn="1"]');
  await page.fill('#turn-1 .comment-form textarea', 'Schöner Einstieg <b>mit</b> Erlaubnisfrage.');
  await page.click('#turn-1 .comment-form button[type=submit]');
  await page.waitForSelector('#turn-1 .turn-comment');
  assert.equal(await page.locator('#turn-1 .comment-text').textContent(), 'Schöner Einstieg <b>mit</b> Erlaubnisfrage.');
  // Adjust the openness with a reason; the computed score stays beside it.
  const computed = await page.locator('#score-openness-value').textContent();
  const adjusted = computed === '40' ? '45' : '40';
  await page.selectOption('#adjust-dim', 'openness');
  await page.fill('#adjust-score', adjusted);
  await page.fill('#adjust-reason', 'Die Erlaubnisfrage kam zu spät.');
  await page.click('#adjust-form button[type=submit]');
  await page.waitForSelector('#score-openness-computed');
  assert.equal(await page.locator('#score-openness-value').textContent(), adjusted);
  assert.match(await page.locator('#score-openness-computed').textContent(), new RegExp('berechnet: ' + computed));
  assert.match(await page.locator('.adjust-list').textContent(), /tina/);
  await screenshot(page, 'scorecard-trainer', { fullPage: true });

  // The trainee sees the comment and the adjusted score on her call.
  await own.goto(`${server.url}/calls/${callId}`);
  await own.waitForSelector('#turn-1 .turn-comment');
  assert.equal(await own.locator('#turn-1 .comment-text').textContent(), 'Schöner Einstieg <b>mit</b> Erlaubnisfrage.');
  assert.equal(await own.locator('#score-openness-value').textContent(), adjusted);
  assert.match(await own.locator('#metrics-title').textContent(), /Was Sie getan haben/);
  assert.equal(await own.locator('[data-comment-turn]').count(), 0, 'a trainee cannot comment');
  assert.equal(await own.locator('#adjust-form').count(), 0, 'a trainee cannot adjust');
  await screenshot(own, 'scorecard-comment', { fullPage: true });
});

test('no script errors', () => {
  assert.deepEqual(errors, []);
});
