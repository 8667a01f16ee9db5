// Browser tests of a trainer's course work: assign a scenario with a due
// date, the trainee sees it and calls it, its status changes; the trainer
// sees the trainee's progress with its charts. Run: node --test web/e2e/
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hangUp, launch, login, noHorizontalScroll, sayLine, screenshot, startServer, waitForTurnToSpeak } from './lib.mjs';

const desktop = { width: 1280, height: 860 };
const tom = { name: 'tom', password: 'trainer-pass-2026' };
const uta = { name: 'uta', password: 'colleague-pass-2026' };
const anna = { name: 'anna', password: 'anna-pass-2026' };

const scenario = 'herr-b-handwerker';
const lines = [
  'Guten Tag Herr B., hier ist Anna Berger. Passt es Ihnen gerade kurz?',
  'Wie organisieren Sie denn heute die Nachwuchsgewinnung in Ihren Betrieben?',
  'Das verstehe ich gut. Was beschäftigt Ihre Betriebe im Moment am meisten?',
];

let server;
let browser;

before(async () => {
  server = await startServer();
  server.addUser(tom.name, 'trainer', tom.password);
  server.addUser(uta.name, 'trainer', uta.password);
  server.addUser(anna.name, 'trainee', anna.password);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** as opens a fresh browser context logged in as who, failing the test on any script error. */
async function as(t, who, locale) {
  const context = await browser.newContext({ locale, viewport: desktop });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  t.after(async () => {
    await context.close();
    assert.deepEqual(errors, [], 'no script errors or CSP violations');
  });
  await login(page, server.url, who.name, who.password);
  return page;
}

/** inDays is the local date n days from now as the date input takes it. */
function inDays(n) {
  const d = new Date(Date.now() + n * 24 * 3600 * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('a trainer runs the course', () => {
  test('assign a scenario with a due date; the trainee calls it and its status changes; progress shows it', async (t) => {
    const trainer = await as(t, tom, 'en-GB');
    await trainer.goto(server.url + '/assignments');
    assert.equal(await trainer.locator('h1').textContent(), 'Assignments');
    await trainer.selectOption('#assign-scenario', scenario);
    await trainer.selectOption('#assign-trainee', anna.name);
    await trainer.fill('#assign-due', inDays(7));
    await trainer.fill('#assign-mark', '10');
    await trainer.fill('#assign-attempts', '2');
    await Promise.all([trainer.waitForEvent('load'), trainer.click('#assign-form button[type=submit]')]);
    const row = trainer.locator('#assign-table tbody tr');
    assert.equal(await row.count(), 1);
    assert.equal(await row.getAttribute('data-state'), 'open');
    assert.match(await row.textContent(), /anna/);
    assert.match(await row.textContent(), /0 of 2/);
    await screenshot(trainer, 'assignments-trainer', { fullPage: true });

    // A pass mark above 100 is refused at the form, in plain words.
    await trainer.fill('#assign-mark', '100');
    await trainer.fill('#assign-due', '');
    await trainer.evaluate(() => { document.getElementById('assign-mark').max = '1000'; });
    await trainer.fill('#assign-mark', '101');
    await trainer.click('#assign-form button[type=submit]');
    await trainer.waitForSelector('#assign-form .form-error:not([hidden])');
    assert.match(await trainer.locator('#assign-form .form-error').textContent(), /pass mark is 0 to 100/);

    const trainee = await as(t, anna, 'de-DE');
    await trainee.goto(server.url + '/assignments');
    assert.equal(await trainee.locator('h1').textContent(), 'Meine Aufgaben');
    const mine = trainee.locator('#assign-table tbody tr');
    assert.equal(await mine.getAttribute('data-state'), 'open');
    assert.match(await mine.textContent(), /Offen/);
    assert.equal(await trainee.locator('#assign-form').count(), 0, 'no form for a trainee');
    await screenshot(trainee, 'assignments-trainee', { fullPage: true });
    assert.ok(await noHorizontalScroll(trainee));

    await trainee.click(`[data-call="${scenario}"]`);
    await trainee.waitForSelector('#start-call');
    await trainee.click('#start-call');
    await waitForTurnToSpeak(trainee);
    for (const line of lines) await sayLine(trainee, line);
    await hangUp(trainee);

    await trainee.goto(server.url + '/assignments');
    assert.equal(await mine.getAttribute('data-state'), 'passed', 'the call passed the assignment');
    assert.match(await mine.textContent(), /Bestanden/);
    assert.match(await mine.textContent(), /1 von 2/);
    assert.equal(await trainee.locator('[data-call]').count(), 0, 'a passed assignment needs no more calls');

    await trainer.reload();
    assert.equal(await row.getAttribute('data-state'), 'passed');
    assert.match(await trainer.locator('#assign-counts').textContent(), /1 passed/);

    // Progress: the trainee's charts, by difficulty, with a table beside.
    await trainer.goto(server.url + '/progress?trainee=anna');
    assert.equal(await trainer.locator('h1').textContent(), 'Progress of anna');
    const chart = trainer.locator('#lane-medium svg[role="img"]');
    assert.equal(await chart.count(), 1, 'a chart for the medium prospect');
    assert.match(await chart.locator('title').first().textContent(), /medium/i);
    assert.equal(await trainer.locator('#lane-medium svg circle').count(), 2, 'a dot for openness and one for curiosity');
    assert.ok(await trainer.locator('#holding-back li').count() > 0, 'what holds anna back');
    assert.equal(await trainer.locator('#scenario-table tbody tr').count(), 1);
    await screenshot(trainer, 'progress-trainee', { fullPage: true });

    await trainer.selectOption('#progress-trainee', '');
    await Promise.all([trainer.waitForURL(/\/progress\?trainee=$/), trainer.click('#progress-filter button[type=submit]')]);
    assert.equal(await trainer.locator('h1').textContent(), 'Progress of all trainees');
    assert.equal(await trainer.locator('#trainee-table tbody tr').count(), 1);
    await screenshot(trainer, 'progress-course', { fullPage: true });

    await trainee.goto(server.url + '/progress');
    assert.equal(await trainee.locator('h1').textContent(), 'Mein Fortschritt');
    assert.equal(await trainee.locator('#progress-filter').count(), 0, 'a trainee sees only her own');
    await screenshot(trainee, 'progress-mine', { fullPage: true });
  });
});
