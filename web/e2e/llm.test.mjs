// Browser test of a call on the LLM engine: `openline serve` pointed at a
// fake OpenAI-compatible server that this test starts, speaking the real
// wire format (server-sent `data:` chunks, a usage chunk, `[DONE]`). The fake
// model says what the referee's note asks, one word every 40 ms, so the
// streaming shows; then it fails, and the call must go on scripted.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fakeOpenAI } from './fakes.mjs';
import { hangUp, launch, login, prospectTurns, sayLine, screenshot, startServer, waitForTurnToSpeak } from './lib.mjs';

const anna = { name: 'anna', password: 'anna-pass-2026' };
const tom = { name: 'tom', password: 'trainer-pass-2026' };

let fake;
let server;
let browser;

before(async () => {
  fake = await fakeOpenAI();
  server = await startServer({ env: { OPENAI_API_KEY: 'sk-e2e-never-logged', OPENAI_BASE_URL: fake.url, OPENLINE_LLM_MODEL: 'fake-e2e-model' } });
  server.addUser(anna.name, 'trainee', anna.password);
  server.addUser(tom.name, 'trainer', tom.password);
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (fake) fake.server.close();
});

test('a streamed call on the LLM engine, a fall-back to scripted mid-call, and its cost for the trainer', async () => {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await login(page, server.url, anna.name, anna.password);
  const ai = page.locator('a[href="/call/herr-b-handwerker?engine=llm"]');
  assert.equal(await ai.count(), 1, 'the picker offers the AI prospect when it is configured');
  await ai.click();
  await page.waitForSelector('#start-call');
  await page.click('#start-call');
  await waitForTurnToSpeak(page).catch(async (e) => {
    await screenshot(page, 'call-llm-failed');
    throw new Error(e.message + '\nserver log:\n' + server.log() + '\nupstream requests: ' + fake.state.requests);
  });
  assert.equal(await page.locator('#call-engine').textContent(), 'KI');
  const opening = (await page.locator('#transcript .turn-prospect').first().textContent()).trim();
  assert.ok(opening.includes(fake.state.said[0].trim()), `opening ${opening} is the model's words ${fake.state.said[0]}`);

  await page.fill('#say', 'Guten Tag Herr B., hier ist Anna Berger. Ich hatte Ihnen die Unterlagen geschickt.');
  await page.press('#say', 'Enter');
  // The words arrive one by one: the turn is seen while it streams.
  await page.waitForSelector('#transcript .turn-prospect.is-streaming', { timeout: 20000 });
  const partial = (await page.locator('#transcript .turn-prospect.is-streaming').textContent()).trim();
  await screenshot(page, 'call-llm-streaming');
  await waitForTurnToSpeak(page);
  assert.equal(fake.state.requests, 2);
  const second = (await page.locator('#transcript .turn-prospect').nth(1).textContent()).trim();
  assert.ok(second.includes(fake.state.said[1].trim()), 'the reply is the model\'s');
  assert.ok(partial.length < second.length && second.startsWith(partial.split(' ')[0]), `streamed ${partial} before ${second}`);
  await screenshot(page, 'call-llm');

  fake.state.fail = true; // the model's server goes down mid-call
  await sayLine(page, 'Danke, dass Sie so schnell geantwortet haben. Darf ich fragen, was genau für Sie nicht passt?');
  assert.equal(await prospectTurns(page), 3, 'the call goes on: the prospect answered');
  await page.waitForFunction(() => document.getElementById('call-engine').textContent.includes('Skript'));
  assert.match(await page.locator('#toasts').textContent(), /KI antwortet gerade nicht/);
  await screenshot(page, 'call-llm-fallback');
  const failed = fake.state.requests;
  await sayLine(page, 'Das hilft mir sehr, danke.');
  assert.equal(fake.state.requests, failed, 'after the fall-back nothing is sent upstream');
  const id = await page.evaluate(() => document.getElementById('phone').dataset.callId);
  await hangUp(page);

  const trainer = await context.browser().newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  const tp = await trainer.newPage();
  await login(tp, server.url, tom.name, tom.password);
  await tp.goto(server.url + '/calls/' + id);
  await tp.waitForSelector('.llm-cost');
  const cost = await tp.locator('.llm-cost').textContent();
  assert.match(cost, /fake-e2e-model/);
  assert.match(cost, /Tokens: \d+ hinein/);
  assert.match(cost, /Ab Beitrag 5 skriptgesteuert/);
  await tp.locator('.llm-cost').scrollIntoViewIfNeeded();
  await screenshot(tp, 'scorecard-llm', { fullPage: true });
  assert.ok(!server.log().includes('sk-e2e-never-logged'), 'the key is never logged');
  assert.deepEqual(errors, []);
  await trainer.close();
  await context.close();
});
