// Browser tests of openline: a real `openline serve` with a fresh SQLite
// store, Debian's Chromium driven by playwright-core, node's test runner.
// Run: node --test web/e2e/   (OPENLINE_BIN=path/to/openline to test a built binary)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  choosePassword, createTrainee, hangUp, launch, login, noHorizontalScroll, prospectTurns, sayLine, screenshot, startServer, waitForTurnToSpeak,
} from './lib.mjs';

const desktop = { width: 1280, height: 860 };
const phoneSize = { width: 360, height: 740 };

const trainer = { name: 'tom', password: 'trainer-pass-2026' };
const anna = { name: 'anna', password: 'anna-pass-2026' };
const ben = { name: 'ben', password: 'ben-pass-2026' };
const clara = { name: 'clara', password: 'clara-pass-2026' };

const german = {
  scenario: 'herr-b-handwerker',
  lines: [
    'Guten Tag Herr B., hier ist Anna Berger. Passt es Ihnen gerade kurz?',
    'Wie organisieren Sie denn heute die Nachwuchsgewinnung in Ihren Betrieben?',
    'Das verstehe ich gut. Was beschäftigt Ihre Betriebe im Moment am meisten?',
  ],
};

const english = {
  scenario: 'craft-network-feedback',
  lines: [
    'Good morning, this is Ben Carter from Northwind. Is this a good moment for you?',
    'How do your member businesses find new apprentices these days?',
    'I see, that sounds hard. What else keeps your members busy at the moment?',
  ],
};

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** newPage opens a fresh context (no cookies) with the browser language and viewport. */
async function newPage(t, { locale = 'de-DE', viewport = desktop } = {}) {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Script errors and CSP violations; a failed request the test provokes (401, 409) is not one.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  t.after(async () => {
    await context.close();
  });
  return { context, page, errors };
}

/** callId returns the id of the call on the call screen. */
function callId(page) {
  return page.locator('#phone').getAttribute('data-call-id');
}

/** placeCall opens a scenario from the picker and starts the call. */
async function placeCall(page, scenario) {
  await page.click(`a[href="/call/${scenario}"]`);
  await page.waitForSelector('#start-call');
  await page.click('#start-call');
}

/** checkScorecard opens the scorecard of the call and checks the evidence marks. */
async function checkScorecard(page, id, lines) {
  await page.goto(`${server.url}/calls/${id}`);
  await page.waitForSelector('.big-score');
  const values = await page.locator('.big-score-value').allTextContents();
  assert.equal(values.length, 2, 'two scores');
  for (const v of values) assert.match(v, /^\d{1,3}$/, 'a score is a number 0–100');
  const marks = page.locator('.transcript-static mark.ev');
  assert.ok((await marks.count()) > 0, 'at least one piece of evidence is marked in the transcript');
  const quote = await marks.first().locator('.ev-q').textContent();
  assert.ok(lines.some((l) => l.includes(quote)), `the marked words "${quote}" are the trainee's own`);
  await marks.first().focus();
  assert.ok(await marks.first().locator('.ev-tip').isVisible(), 'the reason shows on focus');
  assert.ok((await page.locator('.evidence-item').count()) > 0, 'the evidence is listed');
}

test('first-run setup link creates the trainer, who creates a trainee', async (t) => {
  const { page, errors } = await newPage(t);
  await page.goto(server.setupLink);
  await page.fill('#setup-name', trainer.name);
  await page.fill('#setup-password', trainer.password);
  await page.fill('#setup-password2', trainer.password);
  await screenshot(page, 'setup');
  await Promise.all([page.waitForURL(server.url + '/trainees'), page.click('#setup-form button[type=submit]')]);
  await page.waitForSelector(`[data-user="${trainer.name}"]`);

  await page.click('#user-form button[type=submit]');
  assert.equal(await page.locator('#user-error').textContent(), 'Bitte geben Sie einen Namen ein.');
  await page.fill('#user-name', trainer.name);
  await page.click('#user-form button[type=submit]');
  await page.waitForSelector('#user-error:not([hidden])');
  assert.equal(await page.locator('#user-error').textContent(), 'Diesen Namen gibt es schon.');
  const setupLink = await createTrainee(page, clara.name);
  assert.match(await page.locator('#user-ok').textContent(), /clara/);
  assert.match(await page.locator('[data-setup-link="clara"]').textContent(), /gilt einmal/);
  await screenshot(page, 'trainees');
  await choosePassword(browser, setupLink, clara.password);

  // The setup link works once.
  const again = await page.request.post(server.url + '/api/setup', {
    data: { token: new URL(server.setupLink).searchParams.get('token'), name: 'eve', password: 'eve-pass-2026' },
    headers: { Origin: server.url },
  });
  assert.ok(again.status() >= 400, `a second setup answers ${again.status()}`);

  // The new trainee can log in and sees no trainer pages.
  const second = await newPage(t);
  await login(second.page, server.url, clara.name, clara.password);
  assert.equal(await second.page.locator('a[href="/trainees"]').count(), 0);
  assert.deepEqual(errors, []);
});

describe('trainee', () => {
  before(() => {
    // Accounts made on the command line while the server runs.
    server.addUser(anna.name, 'trainee', anna.password);
    server.addUser(ben.name, 'trainee', ben.password);
  });

  test('German call: three lines, hang up, scorecard with evidence, found in my calls', async (t) => {
    const { page, errors } = await newPage(t, { locale: 'de-DE' });
    await page.goto(server.url + '/');
    assert.match(page.url(), /\/login\?next=%2F$/, 'anonymous goes to the login');
    await screenshot(page, 'login');
    await page.fill('#login-name', anna.name);
    await page.fill('#login-password', 'not her password');
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#login-error:not([hidden])');
    assert.equal(await page.locator('#login-error').textContent(), 'Name oder Passwort stimmt nicht.');
    await login(page, server.url, anna.name, anna.password);
    assert.equal(await page.locator('h1').textContent(), 'Wen rufen Sie heute an?');
    await screenshot(page, 'picker', { fullPage: true });

    await page.click(`a[href="/call/${german.scenario}"]`);
    await page.waitForSelector('#start-call');
    assert.equal(await page.locator('#call-status').textContent(), 'Bereit');
    await page.click('#start-call');
    await page.waitForSelector('#phone[data-state="ringing"]');
    assert.equal(await page.locator('#call-status').textContent(), 'Klingelt …');
    await screenshot(page, 'call-ringing');
    await waitForTurnToSpeak(page);
    assert.equal(await prospectTurns(page), 1, 'the prospect picks up with a line');
    for (const line of german.lines) await sayLine(page, line);
    assert.equal(await page.locator('#transcript .turn-trainee').count(), 3);
    assert.match(await page.locator('#call-timer').textContent(), /^\d+:\d\d$/);
    await screenshot(page, 'call');

    const id = await callId(page);
    assert.ok(id, 'the call has an id');
    await hangUp(page);
    assert.match(await page.locator('#transcript .turn-event').textContent(), /Sie haben aufgelegt/);
    assert.equal(await page.locator('#result .score-tile').count(), 2);

    await checkScorecard(page, id, german.lines);
    assert.match(await page.locator('.metrics').textContent(), /Sie haben \d+ Fragen? gestellt/);
    await screenshot(page, 'scorecard', { fullPage: true });

    await page.goto(server.url + '/calls');
    await page.waitForSelector(`[data-call="${id}"]`);
    assert.equal(await page.locator('h1').textContent(), 'Meine Anrufe');
    assert.equal(await page.locator('.chart-svg').count(), 1, 'the chart of scores over time');
    assert.deepEqual(errors, []);
  });

  test('inbound call: the phone rings at the trainee, who picks up and answers first', async (t) => {
    const { page, errors } = await newPage(t, { locale: 'de-DE' });
    await login(page, server.url, anna.name, anna.password);
    await page.click('a[href="/call/frau-h-praktikum"]');
    await page.waitForSelector('#phone[data-state="incoming"]');
    assert.equal(await page.locator('#call-status').textContent(), 'Eingehender Anruf …');
    assert.equal((await page.locator('#start-call').textContent()).trim(), 'Annehmen');
    await screenshot(page, 'call-incoming');
    await page.click('#start-call');
    await waitForTurnToSpeak(page);
    assert.equal(await prospectTurns(page), 0, 'the caller waits for the trainee to answer');
    assert.equal(await page.locator('#say').getAttribute('placeholder'), 'Wie melden Sie sich am Telefon?');
    await sayLine(page, 'Netzwerk Nord, Anna Berger, guten Tag! Was kann ich für Sie tun?');
    assert.equal(await prospectTurns(page), 1, 'the caller says why she calls');
    assert.equal(await page.locator('#transcript .turn-prospect .speaker').first().textContent(), 'Frau H.');
    assert.match(await page.locator('#transcript .turn-prospect .turn-text').first().textContent(), /H\./);
    const first = await page.locator('#transcript .turn').first().getAttribute('class');
    assert.match(first, /turn-trainee/, 'the trainee spoke first');
    await screenshot(page, 'call-inbound-answered');
    const id = await callId(page);
    await hangUp(page);
    await page.goto(`${server.url}/calls/${id}`);
    await page.waitForSelector('.big-score');
    assert.match(await page.locator('body').textContent(), /Melden|gemeldet|abgehoben/, 'the scorecard judges how the phone was answered');
    assert.deepEqual(errors, []);
  });

  test('a meeting agreed, confirmed and goodbyes said before the prospect hangs up', async (t) => {
    const { page, errors } = await newPage(t, { locale: 'en-GB' });
    await page.goto(server.url + '/login');
    await page.click('a.lang-link[data-lang="en"]');
    await page.waitForSelector('html[lang="en"]');
    await login(page, server.url, ben.name, ben.password);
    await placeCall(page, 'workplace-pension-owner');
    await waitForTurnToSpeak(page);
    for (const line of [
      'Hello Karen, this is Sam Taylor. Have you got two minutes?',
      "What's the biggest challenge with your staff at the moment?",
      'That must be hard. How is your pension set up at the moment?',
      'Would it help if I came by next week and we looked at it together, with your office manager?',
    ]) await sayLine(page, line);
    const agreed = await page.locator('#transcript .turn-prospect .turn-text').last().textContent();
    assert.notEqual(await page.locator('#phone').getAttribute('data-state'), 'ended', `the call goes on after the agreement: ${agreed}`);
    await sayLine(page, 'Perfect, that works for me. I will bring the figures along.');
    assert.notEqual(await page.locator('#phone').getAttribute('data-state'), 'ended', 'the confirmation is answered');
    assert.match(agreed, /half an hour|workshop|Lorraine|Tuesday|Thursday|\d/i, `the agreement comes with a detail: ${agreed}`);
    const confirmed = await page.locator('#transcript .turn-prospect .turn-text').last().textContent();
    assert.notEqual(confirmed, agreed, 'the confirmation gets its own reply, not the agreement again');
    assert.doesNotMatch(confirmed, /\bbye\b/i, `no goodbye before the trainee says it: ${confirmed}`);
    await sayLine(page, 'Thank you, Karen. Goodbye!');
    await page.waitForSelector('#result:not([hidden])', { timeout: 20000 });
    const last = await page.locator('#transcript .turn-prospect .turn-text').last().textContent();
    assert.match(last, /bye/i, `the prospect says goodbye: ${last}`);
    const events = await page.locator('#transcript .turn-event').allTextContents();
    assert.ok(events.some((e) => /hung up/.test(e)), `the prospect hangs up: ${events}`);
    assert.ok(events.includes('Agreed: a meeting.'), `the outcome names the meeting: ${events}`);
    await screenshot(page, 'call-meeting-agreed', { fullPage: true });
    assert.deepEqual(errors, []);
  });

  test('English call with the UI switched to English', async (t) => {
    const { page, errors } = await newPage(t, { locale: 'de-DE' });
    await page.goto(server.url + '/login');
    assert.equal(await page.locator('h1').textContent(), 'Anmelden');
    await page.click('a.lang-link[data-lang="en"]');
    await page.waitForSelector('html[lang="en"]');
    assert.equal(await page.locator('h1').textContent(), 'Log in');
    await login(page, server.url, ben.name, ben.password);
    assert.equal(await page.locator('h1').textContent(), 'Who are you calling today?', 'the choice is kept');

    await placeCall(page, english.scenario);
    await waitForTurnToSpeak(page);
    for (const line of english.lines) await sayLine(page, line);
    const id = await callId(page);
    await hangUp(page);
    assert.match(await page.locator('#transcript .turn-event').textContent(), /You hung up/);

    await checkScorecard(page, id, english.lines);
    assert.match(await page.locator('.metrics').textContent(), /You asked \d+ questions?/);

    await page.goto(server.url + '/calls');
    await page.waitForSelector(`[data-call="${id}"]`);
    assert.equal(await page.locator('h1').textContent(), 'My calls');
    assert.deepEqual(errors, []);
  });

  test('a dropped connection resumes with the transcript intact', async (t) => {
    const { context, page } = await newPage(t);
    await keepSockets(context);
    await login(page, server.url, anna.name, anna.password);
    await placeCall(page, german.scenario);
    await sayLine(page, german.lines[0]);
    await sayLine(page, german.lines[1]);
    const id = await callId(page);
    const before = await page.locator('#transcript .turn-text').allTextContents();

    await context.setOffline(true);
    await page.evaluate(() => window.__sockets.at(-1).close());
    await page.waitForSelector('#phone[data-state="reconnecting"]');
    assert.ok(await page.locator('#banner').isVisible(), 'the reconnecting state is visible');
    await screenshot(page, 'reconnecting');
    await context.setOffline(false);

    await page.waitForSelector('#phone[data-state="connected"]', { timeout: 30000 });
    assert.equal(await callId(page), id, 'the same call goes on');
    assert.match(await page.evaluate(() => window.__sockets.at(-1).url), /resume=/);
    assert.deepEqual(await page.locator('#transcript .turn-text').allTextContents(), before, 'the transcript is intact');

    await sayLine(page, german.lines[2]);
    assert.equal(await page.locator('#transcript .turn-trainee').count(), 3);

    // A reload comes back into the same call (?resume=ID in the address).
    const all = await page.locator('#transcript .turn-text').allTextContents();
    assert.match(page.url(), new RegExp(`resume=${id}`));
    await page.reload();
    await page.waitForSelector('#phone[data-state="connected"]');
    assert.deepEqual(await page.locator('#transcript .turn-text').allTextContents(), all, 'the transcript is rebuilt');
    await hangUp(page);

    const res = await page.request.get(`${server.url}/api/calls/${id}`);
    const data = await res.json();
    const said = data.transcript.turns.filter((tu) => tu.speaker === 'trainee').map((tu) => tu.text);
    assert.deepEqual(said, german.lines, 'the stored call has every line once');
  });

  test('error frames are shown without blocking the call', async (t) => {
    const { context, page, errors } = await newPage(t, { locale: 'en-US' });
    await keepSockets(context);
    await login(page, server.url, anna.name, anna.password);
    await placeCall(page, english.scenario);
    await sayLine(page, english.lines[0]);
    await page.evaluate(() => window.__sockets.at(-1).send('this is not JSON'));
    await page.waitForSelector('.toast-error');
    assert.match(await page.locator('.toast-error').textContent(), /did not understand/, 'the error is told in the page language');
    assert.equal(await page.locator('#phone').getAttribute('data-state'), 'connected', 'the call goes on');
    await sayLine(page, english.lines[1]);
    assert.equal(await page.locator('#transcript .turn-trainee').count(), 2);
    await hangUp(page);
    assert.deepEqual(errors, []);
  });

  test('the prospect hangs up on a pushy caller, and the pressure is marked red', async (t) => {
    const { page, errors } = await newPage(t, { locale: 'de-DE' });
    await login(page, server.url, anna.name, anna.password);
    await placeCall(page, german.scenario);
    const pushy = [
      'Guten Tag Herr B., hier ist Müller, ich hatte Ihnen die Unterlagen zur Finanzberatung geschickt.',
      'Aber Sie müssen doch zugeben, dass unser Angebot Ihren Betrieben viel Geld sparen würde!',
      'Sie sollten sich das wirklich noch einmal überlegen, das Angebot gilt nur noch diese Woche.',
      'Sie müssen jetzt handeln, sonst verpassen Sie das!',
      'Das ist Ihre letzte Chance, entscheiden Sie sich jetzt!',
    ];
    const said = [];
    await waitForTurnToSpeak(page);
    for (const line of pushy) {
      if (await page.locator('#phone').getAttribute('data-state') !== 'connected') break;
      await sayLine(page, line);
      said.push(line);
    }
    await page.waitForSelector('#result:not([hidden])');
    assert.equal(await page.locator('#transcript .turn-event').textContent(), 'Herr B. hat aufgelegt.');
    assert.equal(await page.locator('#composer').isVisible(), false, 'no more talking after the hang-up');
    const id = await callId(page);
    await page.goto(`${server.url}/calls/${id}`);
    await page.waitForSelector('.big-score');
    const red = page.locator('.transcript-static mark.ev-minus, .transcript-static mark.ev-mixed');
    assert.ok((await red.count()) > 0, 'the pressure is marked');
    const quote = await red.first().locator('.ev-q').textContent();
    assert.ok(said.some((l) => l.includes(quote)), `"${quote}" was said`);
    assert.match(await page.locator('.metrics').textContent(), /Druck gemacht/);
    await screenshot(page, 'scorecard-hangup', { fullPage: true });
    assert.deepEqual(errors, []);
  });

  test('keyboard only: log in, place a call, send a line, hang up', async (t) => {
    const { page } = await newPage(t, { locale: 'en-US' });
    await page.goto(server.url + '/login');
    await page.keyboard.type(anna.name); // the name field has focus
    await page.keyboard.press('Tab');
    await page.keyboard.type(anna.password);
    await Promise.all([page.waitForURL(server.url + '/'), page.keyboard.press('Enter')]);

    // Tab to the scenario's link and open it.
    const target = `/call/${english.scenario}`;
    await tabTo(page, (el) => el.getAttribute('href'), target);
    await page.keyboard.press('Enter');
    await page.waitForURL(server.url + target);

    await tabTo(page, (el) => el.id, 'start-call');
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'say', 'the text box gets the focus');
    await waitForTurnToSpeak(page);
    await page.keyboard.type(english.lines[0]);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('And how are you today?');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#transcript .turn-trainee').length === 1);
    assert.equal(await page.locator('#transcript .turn-trainee .turn-text').textContent(), english.lines[0] + '\nAnd how are you today?');
    await waitForTurnToSpeak(page);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'say', 'the focus stays in the text box');
    assert.equal(await page.locator('#announcer').getAttribute('aria-live'), 'polite');

    await tabTo(page, (el) => el.id, 'hangup');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#result:not([hidden])');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'result-title', 'the result takes the focus');
  });

  test('360 px wide: no horizontal scrolling on the call and the scorecard', async (t) => {
    const { page } = await newPage(t, { locale: 'de-DE', viewport: phoneSize });
    await login(page, server.url, anna.name, anna.password);
    assert.ok(await noHorizontalScroll(page), 'picker fits');
    await placeCall(page, german.scenario);
    await sayLine(page, german.lines[0]);
    await sayLine(page, german.lines[1]);
    assert.ok(await noHorizontalScroll(page), 'call screen fits');
    await screenshot(page, 'call-360');
    const id = await callId(page);
    await hangUp(page);
    assert.ok(await noHorizontalScroll(page), 'call result fits');
    await page.goto(`${server.url}/calls/${id}`);
    await page.waitForSelector('.big-score');
    assert.ok(await noHorizontalScroll(page), 'scorecard fits');
    await screenshot(page, 'scorecard-360', { fullPage: true });
    await page.goto(`${server.url}/calls`);
    await page.waitForSelector(`[data-call="${id}"]`);
    assert.ok(await noHorizontalScroll(page), 'history fits');
  });
});

test('history: a trainee sees their scores over time, a trainer filters all calls', async (t) => {
  const { page, errors } = await newPage(t, { locale: 'de-DE' });
  await login(page, server.url, anna.name, anna.password);
  await page.goto(server.url + '/calls');
  await page.waitForSelector('.call-row');
  const rows = await page.locator('.call-row').count();
  assert.ok(rows >= 3, `anna has ${rows} calls`);
  assert.ok((await page.locator('.chart-svg polyline').count()) === 2, 'a line per score');
  const trainees = await page.locator('.call-row-meta').allTextContents();
  assert.ok(trainees.every((m) => !m.includes('ben')), 'a trainee sees only their own calls');
  await screenshot(page, 'history', { fullPage: true });

  const tr = await newPage(t, { locale: 'en-US' });
  await login(tr.page, server.url, trainer.name, trainer.password);
  await tr.page.goto(server.url + '/calls');
  await tr.page.waitForSelector('.call-row');
  assert.equal(await tr.page.locator('h1').textContent(), 'All calls');
  const all = await tr.page.locator('.call-row').count();
  assert.ok(all > rows, `the trainer sees every call (${all} > ${rows})`);
  await tr.page.waitForSelector('#filter-trainee option[value="ben"]', { state: 'attached' });
  await tr.page.selectOption('#filter-trainee', 'ben');
  await tr.page.waitForFunction(() => [...document.querySelectorAll('.call-row-meta')].every((m) => m.textContent.includes('ben')));
  assert.match(tr.page.url(), /\/calls\?trainee=ben$/);
  await Promise.all([tr.page.waitForURL(server.url + '/login'), tr.page.click('#logout')]);
  await tr.page.goto(server.url + '/calls');
  assert.match(tr.page.url(), /\/login\?next=/, 'logged out');
  assert.deepEqual(errors.concat(tr.errors), []);
});

/** keepSockets records the page's websockets in window.__sockets, so a test can drop one or send a raw frame. */
function keepSockets(context) {
  return context.addInitScript(() => {
    const Native = window.WebSocket;
    window.__sockets = [];
    window.WebSocket = class extends Native {
      constructor(...args) {
        super(...args);
        window.__sockets.push(this);
      }
    };
  });
}

/** tabTo presses Tab until get(activeElement) equals want (at most 80 times). */
async function tabTo(page, get, want) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const handle = await page.evaluateHandle(() => document.activeElement);
    const got = await handle.evaluate(get);
    await handle.dispose();
    if (got === want) return;
  }
  assert.fail(`Tab never reached ${want}`);
}
