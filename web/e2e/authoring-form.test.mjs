// Browser test of the authoring form (issue 11, item 7): a trainer edits a
// hidden need and adds a fact through the form and sees the YAML change
// (its comments kept), empties a need's id and sees the problem at the
// field (and at its line in the YAML view), fixes it, and publishes the
// draft; a trainer with the German interface reads the problems in
// German, at line:col.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, login, newPage as openPage, noHorizontalScroll, screenshot, startServer } from './lib.mjs';

const desktop = { width: 1280, height: 900 };
const trainer = { name: 'fiona', password: 'fiona-pass-2026' };
const scenario = 'crm-software-en';

let server;
let browser;

before(async () => {
  server = await startServer();
  server.addUser(trainer.name, 'trainer', trainer.password);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

function newPage(t, { locale = 'en-GB', viewport = desktop } = {}) {
  return openPage(browser, t, { locale, viewport });
}

/** copyTemplate copies the shipped template id into a new draft and opens it. */
async function copyTemplate(page, id) {
  await page.goto(`${server.url}/authoring`);
  await page.waitForSelector('#template-list [data-template]');
  await Promise.all([page.waitForURL(/\/authoring\/drafts\/\d+$/),
    page.click(`#template-list button[data-copy="${id}"][data-template="yes"]`)]);
  await page.waitForSelector('#yaml:not([disabled])');
}

/** settled waits until no form edit is on its way. */
function settled(page) {
  return page.waitForSelector('#form:not(.is-busy)');
}

/** edit fills a form field and leaves it, which sends the edit; it waits for the answer. */
async function edit(page, selector, value) {
  const before = await page.inputValue('#yaml');
  await page.fill(selector, value);
  await page.locator(selector).blur();
  await page.waitForFunction((b) => document.getElementById('yaml').value !== b, before);
  await settled(page);
}

test('a trainer edits a need and adds a fact in the form, fixes a flagged field and publishes', async (t) => {
  const { page, errors } = await newPage(t);
  await login(page, server.url, trainer.name, trainer.password);
  await copyTemplate(page, scenario);

  // A comment of the trainer's own, to see that form edits keep it.
  const original = await page.inputValue('#yaml');
  const commented = original.replace(/^needs:\n/m, 'needs:\n  # Tom\'s real worries, in the order he admits them.\n');
  assert.notEqual(commented, original, 'the template has a needs list');
  await page.fill('#yaml', commented);
  await page.waitForSelector('#problems .problems-none');
  await page.click('#save');
  await page.waitForSelector('#editor-state.tag-ready');

  // The form shows the same draft.
  await page.click('#tab-form');
  await page.waitForSelector('#form [data-section="needs"]');
  assert.ok(await page.isHidden('#yaml'), 'the YAML view is hidden behind the form');
  const firstNeed = page.locator('#form details[data-row="needs/0"]');
  assert.equal(await page.isVisible('[data-key="needs/0/id"]'), false, 'a closed row shows no fields yet');
  await firstNeed.locator('summary').click();
  const oldID = await page.inputValue('[data-key="needs/0/id"]');
  assert.ok(oldID, 'the first need has an id');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'authoring-form');

  // Edit the need: a new wording of what earns it, and one more reveal line.
  const reveal = await page.inputValue('[data-key="needs/0/reveal"]');
  await edit(page, '[data-key="needs/0/reveal"]', reveal + '\nHonestly? Every rep keeps his own list on his phone.');
  await page.check('[data-key="needs/0/earned_by/reflection"]');
  await page.waitForFunction(() => /earned_by: \[.*reflection/.test(document.getElementById('yaml').value));
  await settled(page);
  let yaml = await page.inputValue('#yaml');
  assert.match(yaml, /- Honestly\? Every rep keeps his own list on his phone\.|"Honestly\? Every rep keeps his own list on his phone\."/);
  assert.match(yaml, /# Tom's real worries, in the order he admits them\./, 'the comment is kept');
  assert.match(yaml, /^dialogue:/m, 'the dialogue the form does not show is kept');

  // Add a fact.
  const facts = await page.locator('#form details[data-row^="facts/"]').count();
  await page.click('#form button[data-add="facts"]');
  await page.waitForSelector(`#form details[data-row="facts/${facts}"][open]`);
  await settled(page);
  assert.match(await page.inputValue('#yaml'), /- key: new-fact/, 'the new fact is in the YAML');
  await page.waitForSelector(`[data-key="facts/${facts}/about"][aria-invalid="true"]`);
  // Filled in one go, without waiting: each field is sent as it is left,
  // one edit after the other.
  await page.fill(`[data-key="facts/${facts}/key"]`, 'parking');
  await page.fill(`[data-key="facts/${facts}/about"]`, 'parking\nwhere do i park');
  await page.fill(`[data-key="facts/${facts}/say"]`, 'There are two visitor spaces behind the warehouse.');
  await page.locator(`[data-key="facts/${facts}/say"]`).blur();
  const fact = /- key: parking\n\s+about: \[parking, where do i park\]\n\s+say: \[There are two visitor spaces behind the warehouse\.\]/;
  await page.waitForFunction((re) => new RegExp(re).test(document.getElementById('yaml').value), fact.source);
  await settled(page);
  assert.equal(await page.inputValue(`[data-key="facts/${facts}/about"]`), 'parking\nwhere do i park');
  await page.waitForSelector('#problems .problems-none');

  // An error through the form: the need's id emptied is flagged at the field.
  await edit(page, '[data-key="needs/0/id"]', '');
  await page.waitForSelector('[data-key="needs/0/id"][aria-invalid="true"]');
  const fieldProblem = await page.locator('#form details[data-row="needs/0"] .field-bad .field-problem').first().textContent();
  assert.match(fieldProblem, /^\d+:\d+ id must not be empty$/);
  const [line] = fieldProblem.split(' ')[0].split(':').map(Number);
  assert.equal((await page.inputValue('#yaml')).split('\n')[line - 1].trim(), '- id: ""', 'the problem\'s line is the emptied id');
  assert.ok(await page.isDisabled('#publish'), 'a draft with a problem cannot be published');
  assert.match(await page.textContent('#form details[data-row="needs/0"] summary'), /1 problem/);
  // A click on the problem in the list goes to its field.
  await page.locator('#save').focus();
  await page.click('#problems button.problem-at');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'needs/0/id');
  await page.locator('#form details[data-row="needs/0"] .field-bad').first().scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 200));
  await screenshot(page, 'authoring-form-error');

  // The YAML view marks the same line.
  await page.click('#tab-yaml');
  await page.waitForSelector(`#gutter .gl-bad[data-line="${line}"]`);

  // Fixed in the form, the draft validates and is published.
  await page.click('#tab-form');
  await edit(page, '[data-key="needs/0/id"]', oldID);
  await page.waitForSelector('#problems .problems-none');
  assert.equal(await page.locator('#form .field-bad').count(), 0, 'no field is flagged once fixed');
  assert.match(await page.inputValue('#yaml'), new RegExp(`- id: ${oldID}\n`));
  await page.click('#publish');
  await page.waitForSelector('#editor-ok:not([hidden])');
  assert.match(await page.textContent('#editor-ok'), /Published/);
  const exported = await page.evaluate(async (id) => (await fetch(`/api/authoring/scenarios/${id}/export`)).text(), scenario);
  assert.match(exported, /key: parking/, 'the published version has the new fact');
  assert.match(exported, /# Tom's real worries/, 'and the comment');
  assert.deepEqual(errors, []);
});

test('a German trainer sees the validator\'s problems in German with line:col, in the YAML and the form', async (t) => {
  const { page, errors } = await newPage(t, { locale: 'de-DE' });
  await login(page, server.url, trainer.name, trainer.password);
  await copyTemplate(page, 'herr-b-handwerker');
  const lines = (await page.inputValue('#yaml')).split('\n');
  const at = lines.findIndex((l) => l === '  patience: 5') + 1;
  assert.ok(at > 0);
  lines[at - 1] = '  patience: 15';
  await page.fill('#yaml', lines.join('\n'));
  await page.waitForSelector(`#gutter .gl-bad[data-line="${at}"]`);
  const problem = await page.locator('#problems .problem').first().textContent();
  assert.equal(problem, `${at}:13 patience muss zwischen 1 und 10 liegen, nicht 15`);
  await page.click('#problems button.problem-at');
  await screenshot(page, 'authoring-editor-german');

  await page.click('#tab-form');
  await page.waitForSelector('[data-key="persona/0/patience"][aria-invalid="true"]');
  assert.equal(await page.locator('[data-section="persona"] .field-problem').textContent(), `${at}:13 patience muss zwischen 1 und 10 liegen, nicht 15`);
  await page.locator('[data-key="persona/0/patience"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'authoring-form-german');
  assert.ok(await noHorizontalScroll(page));
  assert.deepEqual(errors, []);
});

test('the form fits a phone', async (t) => {
  const { page, errors } = await newPage(t, { viewport: { width: 360, height: 740 } });
  await login(page, server.url, trainer.name, trainer.password);
  await copyTemplate(page, 'herr-b-handwerker');
  await page.click('#tab-form');
  await page.click('#form details[data-row="needs/0"] summary');
  assert.ok(await noHorizontalScroll(page), 'no sideways scrolling');
  await page.locator('#form details[data-row="needs/0"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'authoring-form-360');
  assert.deepEqual(errors, []);
});
