// Accessibility audit of every screen with axe-core (WCAG 2.1 A and AA
// rules), in German and in English. A WCAG violation of impact "serious" or
// "critical" fails the test; every violation found (axe's best practices
// too, which do not fail it) is printed with its rule, its help text and the
// elements it concerns, and for contrast the colours and the ratio.
//
// The pages' Content-Security-Policy allows scripts from the server only
// (script-src 'self'), so axe cannot be added as a <script> tag (Playwright's
// addScriptTag inlines the file, which the CSP blocks). Instead its source is
// evaluated through the DevTools protocol (page.evaluate), which a CSP does
// not govern; the pages are audited with their real CSP in force.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  audit, choosePassword, createTrainee, hangUp, launch, login, sayLine, startServer, waitForTurnToSpeak,
} from './lib.mjs';

const desktop = { width: 1280, height: 860 };
const phoneSize = { width: 360, height: 740 };

const trainer = { name: 'tina', password: 'tina-pass-2026' };

const languages = [
  {
    code: 'de',
    locale: 'de-DE',
    trainee: { name: 'dora', password: 'dora-pass-2026' },
    scenario: 'herr-b-handwerker',
    lines: [
      'Guten Tag Herr B., hier ist Dora Klein. Passt es Ihnen gerade kurz?',
      'Wie organisieren Sie denn heute die Nachwuchsgewinnung in Ihren Betrieben?',
    ],
  },
  {
    code: 'en',
    locale: 'en-US',
    viewport: phoneSize, // the trainee's English screens are audited at 360 px wide
    trainee: { name: 'emil', password: 'emil-pass-2026' },
    scenario: 'craft-network-feedback',
    lines: [
      'Good morning, this is Emil Stone from Northwind. Is this a good moment for you?',
      'How do your member businesses find new apprentices these days?',
    ],
  },
];

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

/** newPage opens a fresh context (no cookies) in the given browser language. */
async function newPage(t, locale, viewport = desktop) {
  const context = await browser.newContext({ locale, viewport });
  t.after(() => context.close());
  const page = await context.newPage();
  return page;
}

test('the audit finds a violation the page has', async (t) => {
  const page = await newPage(t, 'en-US');
  await page.goto(server.url + '/login');
  await page.evaluate(() => {
    const img = document.createElement('img'); // an image without alt text
    img.src = document.querySelector('.auth-logo').src;
    document.querySelector('#login-form').append(img);
  });
  const found = await audit(page, 'login with an image without alt text');
  assert.equal(found.length, 1, found.join('\n'));
  assert.match(found[0], /image-alt \(critical\)/);
});

test('the setup, login and trainer screens have no serious accessibility violations', async (t) => {
  const found = [];
  for (const l of languages) {
    const page = await newPage(t, l.locale);
    await page.goto(server.url + '/login');
    await page.waitForSelector(`html[lang="${l.code}"]`);
    found.push(...(await audit(page, `login (${l.code})`)));
    await page.goto(server.setupLink);
    await page.waitForSelector('#setup-form');
    found.push(...(await audit(page, `setup (${l.code})`)));
  }

  // The German setup creates the trainer, who lands on the trainees page.
  const page = await newPage(t, 'de-DE');
  await page.goto(server.setupLink);
  await page.fill('#setup-name', trainer.name);
  await page.fill('#setup-password', trainer.password);
  await page.fill('#setup-password2', trainer.password);
  await Promise.all([page.waitForURL(server.url + '/trainees'), page.click('#setup-form button[type=submit]')]);
  await page.waitForSelector(`[data-user="${trainer.name}"]`);
  // A failed attempt shows the error message, which must be readable too.
  await page.fill('#user-name', trainer.name);
  await page.click('#user-form button[type=submit]');
  await page.waitForSelector('#user-error:not([hidden])');
  found.push(...(await audit(page, 'trainees with an error (de)')));
  for (const l of languages) {
    await choosePassword(browser, await createTrainee(page, l.trainee.name), l.trainee.password);
  }
  found.push(...(await audit(page, 'trainees (de)')));

  const en = await newPage(t, 'en-US');
  await login(en, server.url, trainer.name, trainer.password);
  await en.goto(server.url + '/trainees');
  await en.waitForSelector(`[data-user="${trainer.name}"]`);
  found.push(...(await audit(en, 'trainees (en)')));

  // Authoring: the scenario list, and a draft's editor with a problem flagged.
  await en.goto(server.url + '/authoring');
  await en.waitForSelector('#template-list [data-template]');
  found.push(...(await audit(en, 'authoring (en)')));
  await Promise.all([en.waitForURL(/\/authoring\/drafts\/\d+$/), en.click('#template-list button[data-template="yes"]')]);
  await en.waitForSelector('#yaml:not([disabled])');
  const original = await en.inputValue('#yaml');
  await en.fill('#yaml', original.replace('\n  ', '\n\t'));
  await en.waitForSelector('#gutter .gl-bad');
  found.push(...(await audit(en, 'authoring editor with a problem (en)')));
  // The form view, a need's id emptied and flagged at its field.
  await en.fill('#yaml', original);
  await en.waitForSelector('#problems .problems-none');
  await en.click('#tab-form');
  await en.click('#form details[data-row="needs/0"] summary');
  await en.fill('[data-key="needs/0/id"]', '');
  await en.locator('[data-key="needs/0/id"]').blur();
  await en.waitForSelector('[data-key="needs/0/id"][aria-invalid="true"]');
  found.push(...(await audit(en, 'authoring form with a problem (en)')));
  await en.click('#tab-yaml');
  assert.deepEqual(found, [], 'serious or critical violations:\n' + found.join('\n'));
});

test('the trainee screens and the history have no serious accessibility violations', async (t) => {
  const found = [];
  const ids = [];
  for (const l of languages) {
    const page = await newPage(t, l.locale, l.viewport);
    const where = l.viewport ? `${l.code}, ${l.viewport.width} px` : l.code;
    await login(page, server.url, l.trainee.name, l.trainee.password);
    await page.waitForSelector(`html[lang="${l.code}"]`);
    found.push(...(await audit(page, `picker (${where})`)));

    await page.click(`a[href="/call/${l.scenario}"]`);
    await page.waitForSelector('#start-call');
    found.push(...(await audit(page, `call ready (${where})`)));
    await page.click('#start-call');
    await waitForTurnToSpeak(page);
    for (const line of l.lines) await sayLine(page, line);
    await page.waitForSelector('#phone[data-state="connected"]');
    found.push(...(await audit(page, `call connected (${where})`)));
    const id = await page.locator('#phone').getAttribute('data-call-id');
    ids.push(id);
    await hangUp(page);
    found.push(...(await audit(page, `call ended (${where})`)));

    await page.goto(`${server.url}/calls/${id}`);
    await page.waitForSelector('.big-score');
    await page.waitForSelector('#scorecard[aria-busy="false"]');
    await page.locator('.transcript-static mark.ev').first().focus(); // its tooltip shows
    found.push(...(await audit(page, `scorecard (${where})`)));

    await page.goto(server.url + '/calls');
    await page.waitForSelector(`[data-call="${id}"]`);
    found.push(...(await audit(page, `history as trainee (${where})`)));

    await page.goto(server.url + '/call/no-such-scenario');
    await page.waitForSelector('.empty-state');
    found.push(...(await audit(page, `unknown scenario (${where})`)));
  }

  for (const l of languages) {
    const page = await newPage(t, l.locale);
    await login(page, server.url, trainer.name, trainer.password);
    await page.goto(server.url + '/calls');
    for (const id of ids) await page.waitForSelector(`[data-call="${id}"]`);
    await page.waitForSelector('#filter-trainee option[value="emil"]', { state: 'attached' });
    found.push(...(await audit(page, `history as trainer (${l.code})`)));
  }
  assert.deepEqual(found, [], 'serious or critical violations:\n' + found.join('\n'));
});
