// Browser test of a trainer's day, as issue 11's "Tests" lists it, on a
// fresh `openline serve` in Debian's Chromium, with no terminal after the
// server's start: the first trainer sets up through the printed link,
// creates a group, a trainee and a colleague (each choosing a password
// through a one-time link), assigns a scenario with a due date; the
// trainee calls it through the page's real websocket; the trainer
// filters the calls, comments on a turn (the trainee sees it), adjusts a
// score with a reason, asks the colleague for a blind score (the
// colleague gives it), exports CSV; then edits a scenario with a
// deliberate error flagged at its line, fixes it, makes a test call on the
// draft, runs its tests and publishes a new version, and older calls —
// one finished before, one still open during the publishing — show and
// score on their own version; at the end of the course she deactivates
// the trainee, whose calls stay. Every screen is kept as
// docs/screenshots/day-*.png by `make screenshots` and audited with axe.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import {
  audit, hangUp, launch, noHorizontalScroll, sayLine, screenshot, startServer, waitForTurnToSpeak,
} from './lib.mjs';

const desktop = { width: 1280, height: 860 };
const tina = { name: 'tina', password: 'tina-trainer-2026' }; // the trainer, in German
const uta = { name: 'uta', password: 'uta-colleague-2026' }; // her colleague, in English
const paula = { name: 'paula', password: 'paula-chose-this' }; // the trainee, in German
const group = 'Kurs Winter';
const scenario = 'herr-b-handwerker';
const newTitle = 'Herr B. – Fassung Winter';
const greeting = 'Guten Tag Herr B., hier ist Paula Berger. Passt es Ihnen gerade kurz?';
// Herr B. says no to the permission question; the trainee takes the no and asks
// for feedback, as the method teaches, so the call reaches the pass mark.
const question = 'Verstehe, danke für die offenen Worte. Darf ich fragen, woran es für Sie liegt?';

let server;
let browser;
const errors = [];

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** open starts a fresh browser context in locale, collecting script errors and CSP violations. */
async function open(locale) {
  const context = await browser.newContext({ locale, viewport: desktop, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${locale}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`${locale}: ${m.text()}`);
  });
  page.on('dialog', (d) => d.accept());
  return page;
}

/** shot keeps the screen as day-NAME.png and fails on a serious or critical WCAG violation on it. */
async function shot(page, name) {
  await screenshot(page, 'day-' + name, { fullPage: true });
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className}`));
  assert.ok(await noHorizontalScroll(page), `${name}: no sideways scrolling; too wide: ${wide.join(', ')}`);
  const found = await audit(page, name);
  assert.deepEqual(found, [], 'serious or critical accessibility violations:\n' + found.join('\n'));
}

/** choose opens a one-time link in page and chooses password there; it lands on the picker, logged in. */
async function choose(page, link, password, name) {
  await page.goto(link);
  await page.waitForSelector('#reset-form');
  assert.match(await page.locator('.auth-card').textContent(), new RegExp(name));
  await page.fill('#reset-password', password);
  await page.fill('#reset-password2', password);
  await Promise.all([page.waitForURL(server.url + '/'), page.click('#reset-form button[type=submit]')]);
  assert.equal(await page.locator('.whoami').textContent(), name);
}

/** createAccount creates an account on the trainees page and returns its set-up link. */
async function createAccount(page, name, role) {
  await page.fill('#user-name', name);
  await page.selectOption('#user-role', role);
  await page.click('#user-form button[type=submit]');
  await page.waitForSelector(`[data-user="${name}"]`);
  const link = await page.locator(`[data-setup-link="${name}"] input`).inputValue();
  assert.match(link, new RegExp('^' + server.url + '/reset\\?token=[\\w-]{43}$'));
  return link;
}

/** api fetches a JSON API path with the page's session. */
function api(page, path) {
  return page.evaluate(async (p) => (await fetch(p)).json(), path);
}

/** needsWeight is the weight the scorer gave the hidden needs in a call's scorecard. */
function needsWeight(card) {
  return card.parts.find((p) => p.dimension === 'curiosity' && p.name === 'needs').weight;
}

/** inDays is the local date n days from now, as a date input takes it. */
function inDays(n) {
  const d = new Date(Date.now() + n * 24 * 3600 * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** parseCSV splits the export (no quoted commas in these cells) into objects by the header. */
function parseCSV(text) {
  const [head, ...rows] = text.trim().split(/\r?\n/).map((l) => l.split(','));
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

test("a trainer's day: accounts, an assignment, review, calibration, export and a new scenario version", async (t) => {
  const trainer = await open('de-DE');
  let trainee;
  let colleague;
  let groupId;
  let callId; // paula's assigned call, on the shipped version
  let shipped; // the shipped version of the scenario
  let computed;
  let adjusted;

  await t.test('the first trainer sets up through the printed link, with no account yet', async () => {
    await trainer.goto(server.url + '/login');
    await trainer.waitForSelector('#login-form');
    assert.match(await trainer.textContent('main'), /noch nicht eingerichtet/, 'the login page says how to finish set-up');
    await shot(trainer, '01-login-fresh');
    // A link printed by an earlier start says so, with no form to fill in vain.
    await trainer.goto(server.url + '/setup?token=printed-by-an-earlier-start');
    await trainer.waitForSelector('#setup-dead');
    assert.equal(await trainer.locator('#setup-form').count(), 0);
    assert.match(await trainer.textContent('#setup-dead'), /nur der neueste gilt/);
    await trainer.goto(server.setupLink);
    await trainer.fill('#setup-name', tina.name);
    await trainer.fill('#setup-password', tina.password);
    await trainer.fill('#setup-password2', tina.password);
    await shot(trainer, '02-setup');
    await Promise.all([trainer.waitForURL(server.url + '/trainees'), trainer.click('#setup-form button[type=submit]')]);
  });

  await t.test('she creates a trainee and a colleague, each with a set-up link, and a group', async () => {
    assert.equal(await trainer.locator('#user-form input[type=password]').count(), 0, 'no password typed by the trainer');
    const traineeLink = await createAccount(trainer, paula.name, 'trainee');
    assert.match(await trainer.textContent(`[data-setup-link="${paula.name}"]`), /gilt einmal/);
    await shot(trainer, '03-trainee-created');
    const colleagueLink = await createAccount(trainer, uta.name, 'trainer');

    // The trainee chooses her password through the link; so does the colleague.
    trainee = await open('de-DE');
    await trainee.goto(traineeLink);
    await trainee.waitForSelector('#reset-form');
    assert.equal(await trainee.textContent('h1'), 'Passwort festlegen');
    await shot(trainee, '04-trainee-chooses-password');
    await choose(trainee, traineeLink, paula.password, paula.name);
    colleague = await open('en-GB');
    await choose(colleague, colleagueLink, uta.password, uta.name);
    // The link worked once.
    await colleague.goto(colleagueLink);
    await colleague.waitForSelector('#reset-bad');
    assert.equal(await colleague.locator('#reset-form').count(), 0);

    await trainer.click('a[href="/groups"]');
    await trainer.fill('#group-name', group);
    await trainer.click('#group-form button[type=submit]');
    const card = trainer.locator(`[data-group="${group}"]`);
    await card.waitFor();
    await card.locator('select').selectOption({ label: paula.name });
    await card.locator('button[type=submit]').click();
    await trainer.waitForSelector(`[data-group="${group}"] [data-member="${paula.name}"]`);
    await shot(trainer, '05-groups');
    groupId = (await api(trainer, '/api/groups')).groups.find((g) => g.name === group).id;
  });

  await t.test('she assigns the scenario to the group with a due date; the trainee sees it', async () => {
    await trainer.click('a[href="/assignments"]');
    await trainer.selectOption('#assign-scenario', scenario);
    await trainer.selectOption('#assign-group', String(groupId));
    await trainer.fill('#assign-due', inDays(5));
    await trainer.fill('#assign-mark', '10');
    await Promise.all([trainer.waitForEvent('load'), trainer.click('#assign-form button[type=submit]')]);
    const row = trainer.locator('#assign-table tbody tr');
    assert.equal(await row.count(), 1, 'the group\'s one member has one assignment');
    assert.equal(await row.getAttribute('data-state'), 'open');
    assert.match(await row.textContent(), new RegExp(paula.name));
    await shot(trainer, '06-assignment');

    await trainee.click('a[href="/assignments"]');
    const mine = trainee.locator('#assign-table tbody tr');
    assert.equal(await mine.getAttribute('data-state'), 'open');
    assert.match(await mine.textContent(), /Offen/);
    await shot(trainee, '07-assigned-to-me');
  });

  await t.test('the trainee calls it through the page (a real websocket) and the assignment is done', async () => {
    await trainee.click(`[data-call="${scenario}"]`);
    await trainee.waitForSelector('#start-call');
    await trainee.click('#start-call');
    await sayLine(trainee, greeting);
    await sayLine(trainee, question);
    await shot(trainee, '08-call');
    await hangUp(trainee);
    callId = await trainee.locator('#phone').getAttribute('data-call-id');
    assert.ok(callId);
    const made = (await api(trainee, `/api/calls/${callId}`)).call;
    shipped = { version: made.scenario_version, title: made.scenario_title };
    assert.ok(shipped.version && shipped.title, 'the call names its scenario version');
    await shot(trainee, '09-scorecard-trainee');

    await trainee.goto(server.url + '/assignments');
    assert.equal(await trainee.locator('#assign-table tbody tr').getAttribute('data-state'), 'passed');
  });

  await t.test('the trainer filters the calls and exports them as CSV', async () => {
    await trainer.click('a[href="/review"]');
    await trainer.waitForSelector(`tr[data-call="${callId}"]`);
    await trainer.selectOption('#f-group', String(groupId));
    await trainer.waitForFunction(() => new URL(location.href).searchParams.has('group'));
    await trainer.selectOption('#f-trainee', paula.name);
    await trainer.waitForFunction(() => new URL(location.href).searchParams.get('trainee') === 'paula');
    await trainer.waitForSelector(`tr[data-call="${callId}"]`);
    assert.equal(await trainer.locator('#review-rows tr[data-call]').count(), 1);
    const row = trainer.locator(`tr[data-call="${callId}"]`);
    assert.match(await row.textContent(), new RegExp(group));
    assert.match(await trainer.locator('a[href="/review"]').getAttribute('aria-current'), /page/);
    await shot(trainer, '10-review-filtered');
  });

  await t.test('she comments on a turn and adjusts a score with a reason; the trainee sees both', async () => {
    await trainer.locator(`tr[data-call="${callId}"] a`).first().click();
    await trainer.waitForSelector('.big-score');
    assert.match(await trainer.textContent('#metrics-title'), /Was paula getan hat/);
    await trainer.click('[data-comment-turn="1"]');
    await trainer.fill('#turn-1 .comment-form textarea', 'Gute Erlaubnisfrage – <b>genau so</b>.');
    await trainer.click('#turn-1 .comment-form button[type=submit]');
    await trainer.waitForSelector('#turn-1 .turn-comment');
    computed = await trainer.textContent('#score-openness-value');
    adjusted = computed === '40' ? '45' : '40';
    await trainer.selectOption('#adjust-dim', 'openness');
    await trainer.fill('#adjust-score', adjusted);
    await trainer.fill('#adjust-reason', 'Die Erlaubnisfrage kam zu spät.');
    await trainer.click('#adjust-form button[type=submit]');
    await trainer.waitForSelector('#score-openness-computed');
    assert.equal(await trainer.textContent('#score-openness-value'), adjusted);
    assert.match(await trainer.textContent('#score-openness-computed'), new RegExp('berechnet: ' + computed));
    assert.match(await trainer.textContent('.adjust-list'), /tina/);
    assert.match(await trainer.textContent('.adjust-list'), /zu spät/);
    await shot(trainer, '11-scorecard-comment-adjusted');

    await trainee.goto(`${server.url}/calls/${callId}`);
    await trainee.waitForSelector('#turn-1 .turn-comment');
    assert.equal(await trainee.textContent('#turn-1 .comment-text'), 'Gute Erlaubnisfrage – <b>genau so</b>.', 'the comment is text, not markup');
    assert.equal(await trainee.textContent('#score-openness-value'), adjusted);
    await shot(trainee, '12-trainee-sees-comment');
  });

  await t.test('the CSV export carries the call as filtered, with both scores', async () => {
    await trainer.goto(`${server.url}/review?group=${groupId}&trainee=${paula.name}`);
    await trainer.waitForSelector(`tr[data-call="${callId}"]`);
    const [download] = await Promise.all([trainer.waitForEvent('download'), trainer.click('#export-csv')]);
    const rows = parseCSV(readFileSync(await download.path(), 'utf8'));
    assert.equal(rows.length, 1, 'the one call of the filter');
    const r = rows[0];
    assert.equal(r.call_id, callId);
    assert.equal(r.trainee, paula.name);
    assert.equal(r.groups, group);
    assert.equal(r.scenario, scenario);
    assert.equal(r.scenario_version, shipped.version);
    assert.equal(r.openness, adjusted, 'the adjusted openness');
    assert.equal(r.openness_computed, computed, 'beside the computed one');
    assert.equal(r.ended_by, 'trainee');
    assert.ok(Number(r.duration_s) >= 0 && r.curiosity !== '', 'a duration and a curiosity score');
  });

  await t.test('she asks her colleague for a blind score; the colleague gives it; both show', async () => {
    await trainer.goto(`${server.url}/calls/${callId}`);
    await trainer.waitForSelector('#calibration:not([hidden]) #rating-form');
    await trainer.fill('#rate-openness', '50');
    await trainer.fill('#rate-curiosity', '40');
    await trainer.click('#rating-form button[type=submit]');
    await trainer.waitForSelector(`#ratings [data-trainer="${tina.name}"]`);
    await trainer.selectOption('#ask-trainer', uta.name);
    await trainer.click('#ask-form button[type=submit]');
    await trainer.waitForSelector(`#ratings [data-trainer="${uta.name}"].rating-pending`);
    await trainer.locator('#calibration').scrollIntoViewIfNeeded();
    await shot(trainer, '13-calibration-asked');

    await colleague.click('a[href="/calibration"]');
    await colleague.waitForSelector(`#asked-table tr[data-call="${callId}"]`);
    await shot(colleague, '14-colleague-asked');
    await colleague.goto(`${server.url}/calls/${callId}`);
    await colleague.waitForURL(`${server.url}/calls/${callId}/blind`);
    assert.equal(await colleague.locator('.score-value, .big-score-value, #ratings, .turn-comment').count(), 0, 'nothing to lean on');
    assert.equal((await api(colleague, `/api/calls/${callId}`)).scorecard, null, 'nor in the API');
    await shot(colleague, '15-colleague-blind');
    await colleague.fill('#blind-openness', '55');
    await colleague.fill('#blind-curiosity', '45');
    await Promise.all([colleague.waitForURL(`${server.url}/calls/${callId}`), colleague.click('#blind-form button[type=submit]')]);
    await colleague.waitForSelector(`#ratings [data-trainer="${uta.name}"]:not(.rating-pending)`);
    assert.match(await colleague.textContent(`#ratings [data-trainer="${tina.name}"]`), /Openness 50 · Curiosity 40/);

    await trainer.reload();
    await trainer.waitForSelector(`#ratings [data-trainer="${uta.name}"]:not(.rating-pending)`);
    assert.match(await trainer.textContent(`#ratings [data-trainer="${uta.name}"]`), /Offenheit 55 · Neugier 45/);
    assert.equal(await trainer.locator('#ratings .rating').count(), 3, 'the computed score and both trainers\'');
    await trainer.locator('#calibration').scrollIntoViewIfNeeded();
    await shot(trainer, '16-calibration-both');
    await trainer.click('a[href="/calibration"]');
    assert.equal(await trainer.textContent(`section[data-group="${group}"] tr[data-between="trainers"] td`), '1', 'one pair of trainers in the group');
    await shot(trainer, '17-calibration-agreement');
  });

  let openCallPage;
  await t.test('a call is still open on the shipped version while the trainer authors', async () => {
    openCallPage = trainee;
    await openCallPage.goto(`${server.url}/call/${scenario}`);
    await openCallPage.click('#start-call');
    await sayLine(openCallPage, greeting);
  });

  let draftURL;
  let lines;
  let nameLine;
  await t.test('she copies the scenario, makes a deliberate error and sees it flagged at its line', async () => {
    await trainer.click('a[href="/authoring"]');
    await trainer.waitForSelector('#template-list [data-template]');
    await shot(trainer, '18-authoring');
    await Promise.all([trainer.waitForURL(/\/authoring\/drafts\/\d+$/),
      trainer.click(`#template-list button[data-copy="${scenario}"][data-template="yes"]`)]);
    draftURL = trainer.url();
    await trainer.waitForSelector('#yaml:not([disabled])');
    await trainer.waitForSelector('#problems .problems-none');
    lines = (await trainer.inputValue('#yaml')).split('\n');
    nameLine = lines.findIndex((l) => l === '  name: Herr B.') + 1;
    assert.ok(nameLine > 1, 'the persona name line');
    lines[nameLine - 1] = '\tname: Herr B.';
    await trainer.fill('#yaml', lines.join('\n'));
    await trainer.waitForSelector(`#gutter .gl-bad[data-line="${nameLine}"]`);
    assert.equal((await trainer.locator('#problems .problem .problem-at').allTextContents())[0], `${nameLine}:1`);
    assert.ok(await trainer.isDisabled('#publish'), 'a draft with a problem is never published');
    // A click on the problem takes the cursor, and the view, to its line.
    await trainer.click('#problems button.problem-at');
    assert.equal(await trainer.evaluate(() => {
      const ta = document.getElementById('yaml');
      return ta.value.slice(0, ta.selectionStart).split('\n').length;
    }), nameLine);
    await shot(trainer, '19-editor-error');
  });

  await t.test('she fixes it, with a new title and a heavier weight on the hidden needs, and runs its tests', async () => {
    lines[nameLine - 1] = '  name: Herr B.';
    assert.ok(lines.includes('  curiosity: {needs: 3, follow_ups: 2}'), 'the shipped scenario weighs the needs 3');
    const fixed = lines.join('\n')
      .replace(/^title: .*$/m, `title: "${newTitle}"`)
      .replace('curiosity: {needs: 3, follow_ups: 2}', 'curiosity: {needs: 4, follow_ups: 2}');
    await trainer.fill('#yaml', fixed);
    await trainer.waitForSelector('#problems .problems-none');
    assert.equal(await trainer.locator('#gutter .gl-bad').count(), 0);
    await trainer.click('#run-tests');
    await trainer.waitForSelector('#tests-summary.tests-passed, #tests-summary.tests-failed', { timeout: 90000 });
    assert.match(await trainer.textContent('#tests-summary'), / 0 fehlgeschlagen$/);
    await trainer.evaluate(() => {
      const ta = document.getElementById('yaml');
      ta.scrollTop = 0;
      ta.dispatchEvent(new Event('scroll'));
    });
    await shot(trainer, '20-editor-tests');
  });

  let testCall;
  await t.test('she makes a test call against the draft', async () => {
    await Promise.all([trainer.waitForURL(/\/authoring\/drafts\/\d+\/call$/), trainer.click('#test-call')]);
    assert.equal(await trainer.textContent('.brief-scenario'), newTitle);
    assert.equal(await trainer.locator('a[aria-current="page"]').getAttribute('href'), '/authoring', 'the nav marks authoring');
    await trainer.click('#start-call');
    await sayLine(trainer, 'Guten Tag Herr B., hier ist Tina Roth. Passt es Ihnen gerade kurz?');
    await hangUp(trainer);
    testCall = await trainer.locator('#phone').getAttribute('data-call-id');
    await shot(trainer, '21-test-call');
    const tc = await api(trainer, `/api/calls/${testCall}`);
    assert.equal(tc.call.scenario_title, newTitle);
    assert.notEqual(tc.call.scenario_version, shipped.version);
    assert.equal(needsWeight(tc.scorecard), 4, 'scored on the draft');
  });

  await t.test('she publishes it as a new version', async () => {
    await trainer.goto(draftURL);
    await trainer.waitForSelector('#yaml:not([disabled])');
    await trainer.click('#publish');
    await trainer.waitForSelector('#editor-ok:not([hidden])');
    assert.match(await trainer.textContent('#editor-ok'), /Veröffentlicht/);
    await shot(trainer, '22-published');
    const published = (await api(trainer, '/api/authoring/scenarios')).published.find((s) => s.id === scenario);
    assert.equal(published.publisher, tina.name);
    assert.notEqual(published.version, shipped.version);
  });

  await t.test('older calls show and score on their own version; a new call on the new one', async () => {
    // The call left open during the publishing ends on its own version.
    await sayLine(openCallPage, question);
    await hangUp(openCallPage);
    const openedBefore = await openCallPage.locator('#phone').getAttribute('data-call-id');
    const ob = await api(openCallPage, `/api/calls/${openedBefore}`);
    assert.equal(ob.call.scenario_version, shipped.version, 'the call open during the publishing keeps its version');
    assert.equal(needsWeight(ob.scorecard), 3, 'and is scored on it');

    // The assigned call, finished before, still shows its version.
    await trainer.goto(`${server.url}/calls/${callId}`);
    await trainer.waitForSelector('.big-score');
    assert.equal(await trainer.textContent('h1'), shipped.title);
    const old = await api(trainer, `/api/calls/${callId}`);
    assert.equal(old.call.scenario_version, shipped.version);
    assert.equal(needsWeight(old.scorecard), 3);
    assert.equal(await trainer.textContent('#score-openness-value'), adjusted, 'the adjustment stays');
    await shot(trainer, '23-old-call');

    // A new call runs on the new version.
    await trainee.goto(server.url + '/');
    await trainee.waitForSelector(`a[href="/call/${scenario}"]`);
    assert.match(await trainee.textContent(`a[href="/call/${scenario}"]`), /Fassung Winter/);
    await trainee.click(`a[href="/call/${scenario}"]`);
    await trainee.click('#start-call');
    await waitForTurnToSpeak(trainee);
    await sayLine(trainee, greeting);
    await hangUp(trainee);
    const fresh = await api(trainee, `/api/calls/${await trainee.locator('#phone').getAttribute('data-call-id')}`);
    assert.equal(fresh.call.scenario_title, newTitle);
    assert.equal(needsWeight(fresh.scorecard), 4);
  });

  await t.test('the day in numbers: progress and completion', async () => {
    await trainer.goto(`${server.url}/progress?trainee=${paula.name}`);
    assert.equal(await trainer.textContent('h1'), 'Fortschritt von paula');
    assert.equal(await trainer.locator('#lane-medium svg[role="img"]').count(), 1);
    await shot(trainer, '24-progress');
    const course = await api(trainer, '/api/progress');
    assert.deepEqual(course.trainees.map((r) => r.name), [paula.name], 'the course is its trainees, not the trainer\'s test call');
    await trainer.goto(server.url + '/assignments');
    assert.equal(await trainer.locator('#assign-table tbody tr').getAttribute('data-state'), 'passed');
    await shot(trainer, '25-assignments-done');
  });

  await t.test('the course ends: she deactivates the trainee, whose calls stay', async () => {
    await trainer.click('a[href="/trainees"]');
    await trainer.click(`[data-deactivate="${paula.name}"]`); // the confirmation is accepted
    await trainer.waitForSelector(`[data-user="${paula.name}"] [data-reset]`, { state: 'detached' });
    assert.match(await trainer.textContent(`[data-user="${paula.name}"]`), /deaktiviert am/);
    await shot(trainer, '26-deactivated');
    // Her open session ended; her password no longer logs her in, said as a wrong one.
    await trainee.goto(server.url + '/');
    await trainee.waitForURL(/\/login\?next=/);
    await trainee.fill('#login-name', paula.name);
    await trainee.fill('#login-password', paula.password);
    await trainee.click('#login-form button[type=submit]');
    await trainee.waitForSelector('#login-error:not([hidden])');
    assert.equal(await trainee.textContent('#login-error'), 'Name oder Passwort stimmt nicht.');
    await trainer.goto(`${server.url}/review?trainee=${paula.name}`);
    await trainer.waitForSelector(`tr[data-call="${callId}"]`);
  });

  assert.deepEqual(errors, [], 'no script errors or CSP violations');
});
