// Browser test of a trainer authoring a scenario (issue 11, item 7): copy a
// shipped template, edit it with a deliberate error and see it flagged at
// its line, fix it, run its tests, make a test call on the draft, publish
// it as a new version, and an older call still shows and scores on its
// own version. Screenshots of every authoring screen.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hangUp, launch, login, newPage as openPage, noHorizontalScroll, sayLine, screenshot, startServer } from './lib.mjs';

const desktop = { width: 1280, height: 900 };
const trainer = { name: 'tina', password: 'tina-pass-2026' };
const trainee = { name: 'anna', password: 'anna-pass-2026' };
const scenario = 'herr-b-handwerker';
const newTitle = 'Herr B. – zweite Fassung';

let server;
let browser;

before(async () => {
  server = await startServer();
  server.addUser(trainer.name, 'trainer', trainer.password);
  server.addUser(trainee.name, 'trainee', trainee.password);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

function newPage(t, { locale = 'de-DE', viewport = desktop } = {}) {
  return openPage(browser, t, { locale, viewport });
}

/** call places a call on the open call screen, says lines and hangs up; it returns the call's id. */
async function call(page, lines) {
  await page.waitForSelector('#start-call');
  await page.click('#start-call');
  for (const line of lines) await sayLine(page, line);
  await hangUp(page);
  return page.locator('#phone').getAttribute('data-call-id');
}

/** api fetches a JSON API path with the page's session. */
function api(page, path) {
  return page.evaluate(async (p) => (await fetch(p)).json(), path);
}

/** problems returns the places listed in the editor's problem list. */
function problems(page) {
  return page.locator('#problems .problem .problem-at').allTextContents();
}

test('a trainer copies a template, fixes a flagged error, tests, calls and publishes it; an older call keeps its version', async (t) => {
  // Anna's call on the shipped version, before any edit.
  const { page: annaPage } = await newPage(t);
  await login(annaPage, server.url, trainee.name, trainee.password);
  await annaPage.goto(`${server.url}/call/${scenario}`);
  const oldCall = await call(annaPage, ['Guten Tag Herr B., hier ist Anna Berger. Passt es Ihnen gerade kurz?']);
  assert.ok(oldCall, 'the old call has an id');

  const { page, errors } = await newPage(t);
  await login(page, server.url, trainer.name, trainer.password);
  await page.click('a[href="/authoring"]');
  await page.waitForSelector('#template-list [data-template]');
  assert.equal(await page.locator('#draft-list .authoring-row').count(), 0, 'no drafts yet');
  await screenshot(page, 'authoring', { fullPage: true });
  const before = await api(page, '/api/authoring/scenarios');
  const shipped = before.templates.find((s) => s.id === scenario);

  // Copy the template and open the draft.
  await Promise.all([page.waitForURL(/\/authoring\/drafts\/\d+$/),
    page.click(`#template-list button[data-copy="${scenario}"][data-template="yes"]`)]);
  const draftURL = page.url();
  await page.waitForSelector('#yaml:not([disabled])');
  await page.waitForSelector('#problems .problems-none');
  const original = await page.inputValue('#yaml');
  assert.match(original, /^title: /m);

  // A deliberate error: a tab indents the persona's name.
  const lines = original.split('\n');
  const nameLine = lines.findIndex((l) => l === '  name: Herr B.') + 1;
  assert.ok(nameLine > 1, 'the template has the persona name line');
  lines[nameLine - 1] = '\tname: Herr B.';
  await page.fill('#yaml', lines.join('\n'));
  await page.waitForSelector(`#gutter .gl-bad[data-line="${nameLine}"]`);
  assert.equal((await problems(page))[0], `${nameLine}:1`, 'the tab is flagged at its own line and column');
  assert.match(await page.locator('#problems .problem').first().textContent(), /tab/i);
  assert.ok(await page.isDisabled('#publish'), 'a draft with a problem cannot be published');
  assert.ok(await page.isDisabled('#test-call'), 'nor called');
  await page.click('#save');
  await page.waitForSelector('#editor-state.tag-problems');
  await page.click(`#problems button.problem-at`);
  const caretLine = await page.evaluate(() => {
    const ta = document.getElementById('yaml');
    return ta.value.slice(0, ta.selectionStart).split('\n').length;
  });
  assert.equal(caretLine, nameLine, 'a click on the problem puts the cursor on its line');
  await screenshot(page, 'authoring-editor-error');

  // The list flags the saved draft.
  await page.goto(`${server.url}/authoring`);
  await page.waitForSelector('#draft-list .authoring-row .tag-problems');
  await screenshot(page, 'authoring-drafts', { fullPage: true });
  await page.goto(draftURL);
  await page.waitForSelector('#yaml:not([disabled])');

  // Fix it, with a new title so that the new version shows.
  lines[nameLine - 1] = '  name: Herr B.';
  const fixed = lines.join('\n').replace(/^title: .*$/m, `title: "${newTitle}"`);
  await page.fill('#yaml', fixed);
  await page.waitForSelector('#problems .problems-none');
  assert.equal(await page.locator('#gutter .gl-bad').count(), 0, 'no line is marked once fixed');

  // Its own tests, run in the browser (saving first).
  await page.click('#run-tests');
  await page.waitForSelector('#tests-summary.tests-passed, #tests-summary.tests-failed', { timeout: 60000 });
  assert.match(await page.textContent('#tests-summary'), / 0 fehlgeschlagen$/);
  assert.match(await page.textContent('#tests-output'), /^ok /m);
  assert.equal(await page.textContent('#editor-state'), 'Gespeichert');
  await screenshot(page, 'authoring-editor-tests', { fullPage: true });

  // A test call on the draft, on the normal call screen.
  await Promise.all([page.waitForURL(/\/authoring\/drafts\/\d+\/call$/), page.click('#test-call')]);
  assert.equal(await page.textContent('.brief-scenario'), newTitle, 'the call screen shows the draft');
  const testCall = await call(page, ['Guten Tag Herr B., hier ist Tina Roth. Passt es Ihnen gerade kurz?']);
  await screenshot(page, 'authoring-test-call');
  const tc = await api(page, `/api/calls/${testCall}`);
  assert.equal(tc.call.scenario_title, newTitle);
  assert.notEqual(tc.call.scenario_version, shipped.version, 'the test call ran on the draft\'s version');
  assert.ok(tc.scorecard, 'the test call is scored');

  // Publish it as a new version.
  await page.goto(draftURL);
  await page.waitForSelector('#yaml:not([disabled])');
  await page.click('#publish');
  await page.waitForSelector('#editor-ok:not([hidden])');
  assert.match(await page.textContent('#editor-ok'), /Veröffentlicht/);
  await screenshot(page, 'authoring-published');
  const published = (await api(page, '/api/authoring/scenarios')).published.find((s) => s.id === scenario);
  assert.equal(published.shipped, false);
  assert.equal(published.publisher, trainer.name);
  assert.equal(published.version, tc.call.scenario_version, 'the published version is the one test-called');
  await page.goto(`${server.url}/authoring`);
  await page.waitForSelector(`#published-list [data-scenario="${scenario}"]`);
  assert.match(await page.textContent(`#published-list [data-scenario="${scenario}"]`), /veröffentlicht von tina/);
  assert.equal(await page.locator('#draft-list .authoring-row').count(), 0, 'the published draft is gone');

  // The older call still shows, and is scored, on its own version.
  await page.goto(`${server.url}/calls/${oldCall}`);
  await page.waitForSelector('.big-score');
  assert.equal(await page.textContent('h1'), shipped.title, 'the old call shows its own version\'s title');
  const old = await api(page, `/api/calls/${oldCall}`);
  assert.equal(old.call.scenario_version, shipped.version);
  assert.ok(old.scorecard && typeof old.scorecard.openness === 'number', 'the old call keeps its scorecard');
  await screenshot(page, 'authoring-old-call', { fullPage: true });

  // A trainee now calls the new version.
  await annaPage.goto(server.url + '/');
  await annaPage.waitForSelector(`a[href="/call/${scenario}"]`);
  assert.match(await annaPage.textContent(`a[href="/call/${scenario}"]`), /zweite Fassung/);
  assert.equal((await annaPage.goto(`${server.url}/authoring`)).status(), 403, 'a trainee may not author');

  assert.deepEqual(errors, []);
});

test('an import of hostile YAML is refused with its problems, and markup in a title stays text', async (t) => {
  const { page, errors } = await newPage(t, { locale: 'en-GB' });
  await login(page, server.url, trainer.name, trainer.password);
  await page.goto(`${server.url}/authoring?lang=en`);
  await page.waitForSelector('#template-list [data-template]');
  const bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n';
  await page.setInputFiles('#import-file', { name: 'bomb.yaml', mimeType: 'application/yaml', buffer: Buffer.from(bomb) });
  await page.waitForSelector('#import-problems:not([hidden]) .problem');
  assert.match(await page.textContent('#authoring-error'), /bomb\.yaml was not imported/);
  assert.match(await page.textContent("#import-problems"), /2:\d+ YAML aliases/);
  assert.equal(await page.locator('#draft-list .authoring-row').count(), 0, 'nothing is kept');
  await screenshot(page, 'authoring-import-refused', { fullPage: true });

  // A readable file with markup in its title is kept as a flagged draft;
  // the title is shown as text, never run.
  const markup = 'id: markup\ntitle: "<img src=x onerror=alert(1)><b>bold</b>"\n';
  await Promise.all([page.waitForURL(/\/authoring\/drafts\/\d+$/),
    page.setInputFiles('#import-file', { name: 'markup.yaml', mimeType: 'application/yaml', buffer: Buffer.from(markup) })]);
  await page.waitForSelector('#problems .problem');
  assert.equal(await page.textContent('#editor-title'), '<img src=x onerror=alert(1)><b>bold</b>');
  assert.equal(await page.locator('#editor-title img, #editor-title b').count(), 0);
  assert.ok(await noHorizontalScroll(page));
  const draftURL = page.url();

  // The editor on a phone: no sideways scrolling of the page.
  const { page: phone } = await newPage(t, { locale: 'en-GB', viewport: { width: 360, height: 740 } });
  await login(phone, server.url, trainer.name, trainer.password);
  await phone.goto(draftURL);
  await phone.waitForSelector('#problems .problem');
  assert.ok(await noHorizontalScroll(phone), 'the editor fits a phone');
  await screenshot(phone, 'authoring-editor-360', { fullPage: true });

  await page.goto(`${server.url}/authoring`);
  await page.waitForSelector('#draft-list .authoring-row');
  assert.equal(await page.locator('#draft-list img, #draft-list b').count(), 0);
  assert.deepEqual(errors, []);
});
