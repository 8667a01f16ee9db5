// Browser tests of a trainer's course work: assign a scenario with a due
// date, the trainee sees it and calls it, its status changes; the trainer
// sees the trainee's progress with its charts; asks a colleague for a blind
// score, the colleague scores without seeing any other, both show.
// Run: node --test web/e2e/
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  audit, hangUp, launch, login, noHorizontalScroll, sayLine, screenshot, startServer, waitForTurnToSpeak,
} from './lib.mjs';

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
let callId; // anna's call, made in the first test

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

/**
 * shot keeps a picture of the screen and audits it with axe-core: a serious
 * or critical WCAG violation fails the test that took it.
 */
async function shot(page, name) {
  await screenshot(page, name, { fullPage: true });
  const found = await audit(page, name);
  assert.deepEqual(found, [], 'serious or critical accessibility violations:\n' + found.join('\n'));
}

/** talk starts the call on the call screen, says the lines and hangs up. */
async function talk(page) {
  await page.waitForSelector('#start-call');
  await page.click('#start-call');
  await waitForTurnToSpeak(page);
  for (const line of lines) await sayLine(page, line);
  await hangUp(page);
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
    await shot(trainer, 'assignments-trainer');

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
    await shot(trainee, 'assignments-trainee');
    assert.ok(await noHorizontalScroll(trainee));

    await trainee.click(`[data-call="${scenario}"]`);
    await talk(trainee);

    await trainee.goto(server.url + '/assignments');
    assert.equal(await mine.getAttribute('data-state'), 'passed', 'the call passed the assignment');
    assert.match(await mine.textContent(), /Bestanden/);
    assert.match(await mine.textContent(), /1 von 2/);
    assert.equal(await trainee.locator('[data-call]').count(), 0, 'a passed assignment needs no more calls');
    callId = (await trainee.locator('a[href^="/calls/"]').getAttribute('href')).split('/').pop();

    // Two more calls, one on an easy prospect, so progress has a line and
    // two difficulties to keep apart.
    for (const s of [scenario, 'frau-h-praktikum']) {
      await trainee.goto(server.url + '/call/' + s);
      await talk(trainee);
    }

    await trainer.reload();
    assert.equal(await row.getAttribute('data-state'), 'passed');
    assert.match(await trainer.locator('#assign-counts').textContent(), /1 passed/);

    // Progress: the trainee's charts, by difficulty, with a table beside.
    await trainer.goto(server.url + '/progress?trainee=anna');
    assert.equal(await trainer.locator('h1').textContent(), 'Progress of anna');
    const chart = trainer.locator('#lane-medium svg[role="img"]');
    assert.equal(await chart.count(), 1, 'a chart for the medium prospect');
    assert.match(await chart.locator('title').first().textContent(), /medium/i);
    assert.equal(await trainer.locator('#lane-medium svg circle').count(), 4, 'two calls: a dot each for openness and curiosity');
    assert.equal(await trainer.locator('#lane-medium svg polyline').count(), 2, 'a line each for openness and curiosity');
    assert.equal(await trainer.locator('#lane-easy svg[role="img"]').count(), 1, 'the easy call on a chart of its own');
    assert.ok(await trainer.locator('#holding-back li').count() > 0, 'what holds anna back');
    assert.equal(await trainer.locator('#scenario-table tbody tr').count(), 2);
    await shot(trainer, 'progress-trainee');

    await trainer.selectOption('#progress-trainee', '');
    await Promise.all([trainer.waitForURL(/\/progress\?trainee=$/), trainer.click('#progress-filter button[type=submit]')]);
    assert.equal(await trainer.locator('h1').textContent(), 'Progress of all trainees');
    assert.equal(await trainer.locator('#trainee-table tbody tr').count(), 1);
    await shot(trainer, 'progress-course');

    await trainee.goto(server.url + '/progress');
    assert.equal(await trainee.locator('h1').textContent(), 'Mein Fortschritt');
    assert.equal(await trainee.locator('#progress-filter').count(), 0, 'a trainee sees only her own');
    await shot(trainee, 'progress-mine');
  });

  test('a trainer asks a colleague for a blind score; the colleague scores blind; both show', async (t) => {
    assert.ok(callId, 'the first test made a call');
    const trainer = await as(t, tom, 'en-GB');
    await trainer.goto(server.url + '/calls/' + callId);
    await trainer.waitForSelector('#calibration:not([hidden]) #rating-form');
    assert.match(await trainer.locator('#ratings .rating-computed').textContent(), /Openness \d+ · Curiosity \d+/);
    await trainer.fill('#rate-openness', '60');
    await trainer.fill('#rate-curiosity', '50');
    await trainer.fill('#rate-note', 'Good questions, pitched again after the no.');
    await trainer.click('#rating-form button[type=submit]');
    await trainer.waitForSelector('#ratings [data-trainer="tom"]');
    assert.equal(await trainer.locator('#rating-form').count(), 0, 'a score is given once');
    await trainer.selectOption('#ask-trainer', uta.name);
    await trainer.click('#ask-form button[type=submit]');
    await trainer.waitForSelector('#ratings [data-trainer="uta"].rating-pending');
    await trainer.locator('#calibration').scrollIntoViewIfNeeded();
    await shot(trainer, 'calibration-call');

    // The colleague is sent to the blind page and sees no score at all.
    const colleague = await as(t, uta, 'de-DE');
    await colleague.goto(server.url + '/calibration');
    assert.equal(await colleague.locator(`#asked-table tr[data-call="${callId}"]`).count(), 1);
    await shot(colleague, 'calibration-asked');
    await colleague.goto(server.url + '/calls/' + callId);
    await colleague.waitForURL(server.url + '/calls/' + callId + '/blind');
    assert.equal(await colleague.locator('h1').textContent(), 'Dieses Gespräch blind bewerten');
    assert.equal(await colleague.locator('.score-value, .big-score-value, #ratings').count(), 0, 'no score on the blind page');
    assert.ok((await colleague.locator('.transcript-plain li').count()) >= 4, 'the whole call to judge');
    const json = await colleague.evaluate(async (id) => (await fetch('/api/calls/' + id)).json(), callId);
    assert.equal(json.scorecard, null, 'the API withholds the scorecard too');
    await shot(colleague, 'calibration-blind');
    await colleague.fill('#blind-openness', '55');
    await colleague.fill('#blind-curiosity', '45');
    await Promise.all([colleague.waitForURL(server.url + '/calls/' + callId), colleague.click('#blind-form button[type=submit]')]);
    await colleague.waitForSelector('#ratings [data-trainer="uta"]:not(.rating-pending)');
    assert.equal(await colleague.locator('#ratings .rating').count(), 3, 'the computed score and both trainers\' scores');
    assert.match(await colleague.locator('#ratings [data-trainer="tom"]').textContent(), /Offenheit 60 · Neugier 50/);

    await trainer.reload();
    await trainer.waitForSelector('#ratings [data-trainer="uta"]:not(.rating-pending)');
    assert.match(await trainer.locator('#ratings [data-trainer="uta"]').textContent(), /Openness 55 · Curiosity 45/);
    await trainer.locator('#calibration').scrollIntoViewIfNeeded();
    await shot(trainer, 'calibration-both');
    await trainer.goto(server.url + '/calibration');
    const pairs = trainer.locator('section[data-group=""] tr[data-between="trainers"] td').first();
    assert.equal(await pairs.textContent(), '1');
    await shot(trainer, 'calibration-agreement');
  });
});
