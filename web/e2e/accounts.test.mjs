// Browser test of a trainer's day with accounts and groups: a real
// `openline serve`, Debian's Chromium through playwright-core. The steps
// run in order and build on each other.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, login, noHorizontalScroll, screenshot, startServer } from './lib.mjs';

const desktop = { width: 1280, height: 860 };
const trainer = { name: 'tina', password: 'trainer-pass-2026' };
const trainee = { name: 'paula', password: 'first-pass-2026', next: 'a-new-pass-2026' };

let server;
let browser;
let trainerPage;
let resetLink;

before(async () => {
  server = await startServer();
  server.addUser(trainer.name, 'trainer', trainer.password);
  browser = await launch();
  const context = await browser.newContext({ locale: 'de-DE', viewport: desktop });
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
  await page.fill('#user-name', trainee.name);
  await page.fill('#user-password', trainee.password);
  await page.click('#user-form button[type=submit]');
  await page.waitForSelector(`[data-user="${trainee.name}"]`);

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

test('the trainer hands a reset link over and the trainee sets a new password with it', async (t) => {
  const page = trainerPage;
  await page.click(`[data-reset="${trainee.name}"]`);
  const box = page.locator(`[data-reset-link="${trainee.name}"]`);
  await box.waitFor();
  resetLink = await box.locator('input').inputValue();
  assert.match(resetLink, new RegExp('^' + server.url + '/reset\\?token=[\\w-]{43}$'));
  assert.match(await box.textContent(), /gilt einmal/);
  await screenshot(page, 'trainees-reset-link', { fullPage: true });

  const context = await browser.newContext({ locale: 'de-DE', viewport: desktop });
  t.after(() => context.close());
  const own = await context.newPage();
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

test('no script errors', () => {
  assert.deepEqual(errors, []);
});
