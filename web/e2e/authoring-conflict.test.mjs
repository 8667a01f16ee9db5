// Browser test of a draft changed elsewhere (issue 12, item 6): two
// trainers have one draft open in two pages. The later save, and a
// publication of a text the trainer has not seen, are refused; the page
// says so in plain words (German and English), keeps the trainer's text
// to copy from, and loads the newer version on request. Nothing is lost
// and nothing unseen is published.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, login, newPage as openPage, screenshot, startServer } from './lib.mjs';

const desktop = { width: 1280, height: 900 };
const fiona = { name: 'fiona', password: 'fiona-pass-2026' };
const greta = { name: 'greta', password: 'greta-pass-2026' };
const scenario = 'crm-software-en';

let server;
let browser;

before(async () => {
  server = await startServer();
  server.addUser(fiona.name, 'trainer', fiona.password);
  server.addUser(greta.name, 'trainer', greta.password);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** typeAndSave puts text into the YAML editor, waits for its check and saves. */
async function typeAndSave(page, text) {
  await page.fill('#yaml', text);
  await page.waitForSelector('#problems .problems-none');
  await page.click('#save');
}

test('two trainers on one draft: the later save and an unseen publication are refused, nothing is lost', async (t) => {
  const a = await openPage(browser, t, { locale: 'en-GB', viewport: desktop });
  const b = await openPage(browser, t, { locale: 'de-DE', viewport: desktop });
  await login(a.page, server.url, fiona.name, fiona.password);
  await login(b.page, server.url, greta.name, greta.password);

  // Fiona copies a template; Greta opens the same draft.
  await a.page.goto(`${server.url}/authoring`);
  await a.page.waitForSelector('#template-list [data-template]');
  await Promise.all([a.page.waitForURL(/\/authoring\/drafts\/\d+$/),
    a.page.click(`#template-list button[data-copy="${scenario}"][data-template="yes"]`)]);
  await a.page.waitForSelector('#yaml:not([disabled])');
  const draftURL = a.page.url();
  await b.page.goto(draftURL);
  await b.page.waitForSelector('#yaml:not([disabled])');
  const original = await a.page.inputValue('#yaml');
  assert.equal(await b.page.inputValue('#yaml'), original);

  // Fiona saves first.
  const fionas = original.replace(/^title: .*$/m, 'title: "Fiona\'s version"');
  assert.notEqual(fionas, original, 'the template has a title line');
  await typeAndSave(a.page, fionas);
  await a.page.waitForSelector('#editor-state.tag-ready');

  // Greta's save, made on the text before, is refused: she reads why in
  // German, her text stays in the editor and in the box to copy from.
  const gretas = original.replace(/^needs:\n/m, 'needs:\n  # Gretas Notiz: erst zuhören.\n');
  assert.notEqual(gretas, original, 'the template has a needs list');
  await typeAndSave(b.page, gretas);
  await b.page.waitForSelector('#conflict:not([hidden])');
  assert.match(await b.page.textContent('#conflict-title'), /Jemand anderes hat diesen Entwurf geändert/);
  assert.match(await b.page.textContent('#conflict-text'), /Ihre Änderung wurde nicht gespeichert/);
  assert.equal(await b.page.inputValue('#conflict-mine'), gretas, 'her text is kept in the box');
  assert.equal(await b.page.inputValue('#yaml'), gretas, 'and still in the editor');
  assert.ok(await b.page.isHidden('#editor-error'), 'the conflict is said once, in the box');
  await screenshot(b.page, 'authoring-conflict-german');

  // She loads the newer version: Fiona's text is in the editor, hers
  // still in the box; she copies her comment over and saves.
  await b.page.click('#conflict-reload');
  await b.page.waitForFunction(() => /Fiona's version/.test(document.getElementById('yaml').value));
  assert.equal(await b.page.inputValue('#yaml'), fionas);
  assert.equal(await b.page.inputValue('#conflict-mine'), gretas, 'her text stays after the reload');
  assert.match(await b.page.textContent('#conflict-text'), /neuere Fassung steht jetzt im Editor/);
  assert.ok(await b.page.isHidden('#conflict-reload'));
  const merged = fionas.replace(/^needs:\n/m, 'needs:\n  # Gretas Notiz: erst zuhören.\n');
  await typeAndSave(b.page, merged);
  await b.page.waitForSelector('#editor-ok:not([hidden])');
  await b.page.click('#conflict-close');
  assert.ok(await b.page.isHidden('#conflict'));

  // Fiona, who has not seen Greta's comment, tries to publish: refused,
  // in English, and nothing is published.
  await a.page.click('#publish');
  await a.page.waitForSelector('#conflict:not([hidden])');
  assert.match(await a.page.textContent('#conflict-title'), /Someone else changed this draft/);
  assert.match(await a.page.textContent('#conflict-text'), /nothing was published/);
  assert.equal(await a.page.inputValue('#conflict-mine'), fionas);
  await screenshot(a.page, 'authoring-conflict');
  const list = await a.page.evaluate(async () => (await fetch('/api/authoring/scenarios')).json());
  const current = list.published.find((p) => p.id === scenario);
  assert.ok(current && current.shipped, `${scenario} is still current as shipped: ${JSON.stringify(current)}`);
  assert.equal(list.drafts.length, 1, 'the draft is still there');

  // After loading the newer version she publishes what she now sees.
  await a.page.click('#conflict-reload');
  await a.page.waitForFunction(() => /Gretas Notiz/.test(document.getElementById('yaml').value));
  await a.page.waitForSelector('#publish:not([disabled])');
  await a.page.click('#publish');
  await a.page.waitForSelector('#editor-ok a[href="/authoring"]');
  const exported = await a.page.evaluate(async (id) => (await fetch(`/api/authoring/scenarios/${id}/export`)).text(), scenario);
  assert.match(exported, /Fiona's version/);
  assert.match(exported, /Gretas Notiz: erst zuhören/);

  assert.deepEqual(a.errors, [], 'no page errors (fiona)');
  assert.deepEqual(b.errors, [], 'no page errors (greta)');
});
