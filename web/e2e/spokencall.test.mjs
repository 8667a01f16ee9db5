// Browser tests of whole spoken calls (issue 13's "done when"): a trainee
// holds a call by voice in Chromium, interrupts the prospect, hangs up and
// gets the scorecard with the voice figures, with the scripted and the
// LLM prospect, with a speech server and with the browser's own speech.
//
// Chromium's fake microphone plays a WAV file made here with espeak-ng:
// 0.6 s of silence (the page learns the noise floor), a spoken sentence,
// then 6 s of silence (the page ends the turn after 0.9 s of it). Chromium
// starts the file anew at each getUserMedia, so the test decides when the
// trainee speaks by switching the microphone on: for each spoken turn it
// switches it on, waits for the turn to arrive and switches it off before
// the file comes round again. The fake transcription server answers each
// upload that is speech (not silence) with the next of the lines the test
// sets: what the trainee "said" (fakes.mjs).
//
// The barge-in (with a speech server, or the LLM prospect spoken by the
// browser) is made certain, not timed: the trainee starts speaking
// only once the prospect is heard, and the prospect is kept being heard
// until then: the fake speech server answers 30 s of audio a sentence
// (scripted engine), or the fake model streams its reply's words and then
// goes quiet without finishing (LLM engine), so the reply is still being
// produced when the trainee cuts in. No sleep stands for a speed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fakeOpenAI, fakeSpeech, padded, wav, wavPCM } from './fakes.mjs';
import { hangUp, launch, login, screenshot, startServer } from './lib.mjs';

const anna = { name: 'anna', password: 'anna-pass-2026' };
/** spokenSentence is what espeak-ng says into the microphone. */
const spokenSentence = 'Guten Tag Herr B., hier ist Anna Müller von der Firma Nord. Haben Sie einen Moment?';
/** lines are what the trainee says in turn, as the fake recogniser hears them; the fourth cuts in. */
const lines = [
  'Äh, guten Tag Herr B., hier ist Anna Müller von der Firma Nord. Haben Sie kurz einen Moment?',
  'Wie organisieren Sie im Moment die Termine mit Ihren Kunden?',
  'Was ist Ihnen dabei halt am wichtigsten, wenn ein neuer Auftrag reinkommt?',
  'Entschuldigung, darf ich kurz nachfragen: was genau meinen Sie damit?',
];
/** more is what the fake model goes on saying before it goes quiet mid-reply (LLM barge-in). */
const more = ' Also wissen Sie, das ist bei uns so eine Sache. Wir machen das seit Jahren so, und';

let tmp;
/** saidSeconds is how long the sentence on the fake microphone lasts. */
let saidSeconds;
let speech;
let chat;
let browser;
const servers = {};

before(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'openline-spoken-'));
  const said = path.join(tmp, 'said.wav');
  execFileSync('espeak-ng', ['-v', 'de', '-s', '150', '-w', said, spokenSentence]);
  const { rate, samples } = wavPCM(readFileSync(said));
  saidSeconds = samples.length / rate;
  const mic = path.join(tmp, 'mic.wav');
  writeFileSync(mic, wav(padded(samples, rate, 0.6, 6), rate));

  speech = await fakeSpeech(spokenSentence);
  chat = await fakeOpenAI();
  const llm = { OPENAI_API_KEY: 'sk-e2e-never-logged', OPENAI_BASE_URL: chat.url, OPENLINE_LLM_MODEL: 'fake-e2e-model' };
  const stt = { OPENLINE_STT_BASE_URL: speech.url, OPENLINE_STT_MODEL: 'fake-whisper', OPENLINE_STT_API_KEY: '' };
  const tts = { OPENLINE_TTS_BASE_URL: speech.url, OPENLINE_TTS_MODEL: 'fake-tts', OPENLINE_TTS_API_KEY: '' };
  // One server with both speech servers, one with speech recognition only:
  // there the browser speaks the prospect, as on a fresh install.
  servers.server = await startServer({ env: { ...llm, ...stt, ...tts } });
  servers.browser = await startServer({ env: { ...llm, ...stt } });
  for (const s of Object.values(servers)) s.addUser(anna.name, 'trainee', anna.password);
  browser = await launch([
    '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${mic}`, '--autoplay-policy=no-user-gesture-required',
  ]);
});

after(async () => {
  await browser?.close();
  for (const s of Object.values(servers)) await s.stop();
  speech?.server.close();
  chat?.server.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const finished = '#transcript .turn-prospect:not(.is-streaming)';
const heardTrainee = '#transcript .turn-trainee:not(.is-heard)';

/** count counts the elements matching sel. */
function count(page, sel) {
  return page.locator(sel).count();
}

/** prospectDone waits until the prospect has finished more than n turns. */
async function prospectDone(page, n) {
  await page.waitForFunction(([sel, k]) => document.querySelectorAll(sel).length > k, [finished, n], { timeout: 30000 });
}

/** mic switches the page's microphone on or off. */
async function mic(page, on) {
  await page.click('#mic-toggle');
  await page.waitForSelector(`#mic-toggle[aria-pressed="${on}"]`);
}

/**
 * speak switches the microphone on, waits until the fake microphone's
 * sentence has come back as the trainee's turn with line's words, and
 * switches it off before the file comes round again.
 */
async function speak(page, line) {
  const n = await count(page, heardTrainee);
  speech.state.lines.push(line);
  await mic(page, true);
  await page.waitForFunction(([sel, k, words]) => {
    const ts = document.querySelectorAll(sel);
    return ts.length > k && ts[ts.length - 1].textContent.includes(words);
  }, [heardTrainee, n, line.slice(0, 30)], { timeout: 30000 });
  await mic(page, false);
}

/**
 * listened waits, as a polite trainee does, until the prospect's last turn
 * is no longer heard. With the speech server's audio: until the page is
 * done with every audio frame that came (data-audio-done counts them)
 * and plays nothing. With the browser's speech: as long
 * as the server reckons it takes, 14 characters a second from its reply
 * (protocol.md, "The prospect's speech"), as Debian's headless Chromium
 * says nothing and ends each utterance at once.
 */
async function listened(page, out, frames) {
  if (out === 'server') {
    const n = frames.filter((f) => f.type === 'audio').length;
    await page.waitForFunction((k) => {
      const el = document.getElementById('phone');
      return Number(el.dataset.audioDone || 0) >= k && el.dataset.audio !== 'playing';
    }, n, { timeout: 60000 });
    return;
  }
  const reply = frames.filter((f) => f.type === 'reply').at(-1);
  await page.waitForTimeout(Math.ceil([...reply.text].length * 1000 / 14) + 500);
}

/** spokenTurn is one spoken turn of the trainee and the prospect's whole answer, listened to. */
async function spokenTurn(page, line, out, frames) {
  const n = await count(page, finished);
  await speak(page, line);
  await prospectDone(page, n);
  await listened(page, out, frames);
}

/**
 * spokenCall holds a whole call by voice on the server of `out` ("server":
 * the speech server speaks the prospect, "browser": the browser does)
 * with engine: the opening, three spoken turns, a fourth that cuts into
 * the prospect's reply (with interrupt; else the trainee waits for the
 * prospect to finish each time), the hang-up, and the scorecard.
 */
async function spokenCall(engine, out, interrupt = true) {
  const srv = servers[out];
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await heldCall(page, srv, engine, out, interrupt);
  } finally {
    await context.close(); // a failed call must not go on talking into the next test
  }
}

/** heldCall is spokenCall's call, on page. */
async function heldCall(page, srv, engine, out, interrupt) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const frames = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => { if (typeof f.payload === 'string') frames.push(JSON.parse(f.payload)); }));
  // The browser's speech synthesis is watched, not replaced: Debian's
  // headless Chromium has no voices (no speech-dispatcher), so each
  // utterance ends at once with an error, which the page takes as spoken.
  await page.addInitScript(() => {
    window.spoken = [];
    window.cancelled = 0;
    const synth = window.speechSynthesis;
    const speakFn = synth.speak.bind(synth);
    const cancelFn = synth.cancel.bind(synth);
    synth.speak = (u) => { window.spoken.push(u.text); speakFn(u); };
    synth.cancel = () => { window.cancelled++; cancelFn(); };
  });
  speech.state.lines.length = 0;
  const sttBefore = speech.state.stt.length;
  const ttsBefore = speech.state.tts.length;
  const chatBefore = { requests: chat.state.requests, cancelled: chat.state.cancelled };

  await login(page, srv.url, anna.name, anna.password);
  await page.goto(srv.url + '/call/herr-b-handwerker' + (engine === 'llm' ? '?engine=llm' : ''));
  await page.click('#start-call');
  await prospectDone(page, 0);
  const cf = frames.find((f) => f.type === 'call');
  assert.equal(cf.engine, engine);
  assert.deepEqual({ in: cf.voice.in, out: cf.voice.out }, { in: true, out });

  await listened(page, out, frames);
  for (const line of lines.slice(0, 2)) await spokenTurn(page, line, out, frames);

  if (!interrupt) {
    for (const line of lines.slice(2)) await spokenTurn(page, line, out, frames);
    assert.ok(!frames.some((f) => f.type === 'barge_in'), 'no barge-in on a prospect who was let finish');
  } else {
    await interrupted(page, engine, out, frames, chatBefore);
  }

  // The audio the page sent is the spoken sentence each time.
  const stt = speech.state.stt.slice(sttBefore).filter((r) => r.text);
  assert.equal(stt.length, 4, 'four spoken turns were transcribed');
  for (const r of stt) assert.ok(r.rate === 16000 && r.channels === 1 && r.rms > 0.005 && r.seconds > 2, `upload ${JSON.stringify(r)}`);
  const audio = frames.filter((f) => f.type === 'audio');
  if (out === 'server') {
    assert.ok(audio.length >= 5, 'the prospect spoke in audio');
    assert.ok(speech.state.tts.length > ttsBefore);
  } else {
    assert.equal(audio.length, 0, 'no audio from the server: the browser speaks');
    assert.equal(speech.state.tts.length, ttsBefore, 'the speech server was not asked');
    const spoken = await page.evaluate(() => window.spoken.join(' '));
    for (const r of frames.filter((f) => f.type === 'reply')) {
      const first = r.text.split(/[.!?…]/)[0].trim();
      assert.ok(spoken.includes(first), `the browser spoke "${first}" (spoke: ${spoken})`);
    }
  }
  if (engine === 'llm') assert.ok(chat.state.requests - chatBefore.requests >= 5, 'the model spoke every prospect turn');

  await hangUp(page);
  const id = cf.call_id;
  // The interruption is in the stored times: the trainee's turn 7 starts
  // before the prospect's turn 6 ends (and only then).
  const call = await (await page.request.get(srv.url + '/api/calls/' + id)).json();
  const turns = call.transcript.turns;
  assert.equal(turns[7].text, lines[3]);
  assert.equal(turns[7].start_ms < turns[6].end_ms, interrupt, `trainee from ${turns[7].start_ms} ms, prospect until ${turns[6].end_ms} ms`);
  for (const i of [1, 3, 5, 7]) assert.ok(turns[i].end_ms > turns[i].start_ms, `spoken turn ${i} has its time`);

  await page.goto(srv.url + '/calls/' + id);
  await page.waitForSelector('#voice-metrics', { timeout: 10000 });
  const figures = Object.fromEntries(await page.locator('#voice-metrics dt').evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling.textContent])));
  assert.equal(figures['Ins Wort gefallen'], interrupt ? '1' : '0', JSON.stringify(figures));
  assert.match(figures['Tempo'], /^\d+ Wörter pro Minute$/);
  assert.match(figures['Füllwörter'], /^[1-9]\d* \(/, 'the "äh" and "halt" are counted');
  assert.match(figures['Ihr Redeanteil (Zeit)'], /^\d+ %$/);
  const moments = await page.locator('#voice-metrics .voice-moments li').allInnerTexts();
  assert.equal(moments.some((m) => m.includes('Entschuldigung, darf ich kurz nachfragen') && m.includes('ins Wort gefallen')), interrupt, `the interruption with its quote: ${moments.join(' | ')}`);
  assert.ok(moments.some((m) => /„?Äh“?|„?halt“?/.test(m)), 'a filler word with its quote');
  // The scorecard's transcript shows where the trainee cut in.
  const cutIn = await page.locator('.transcript-static .turn-cut-in').evaluateAll((els) => els.map((el) => el.nextElementSibling.id));
  assert.deepEqual(cutIn, interrupt ? ['turn-7'] : []);
  const quotes = await page.locator('.evidence-list .ev-quote').allInnerTexts();
  assert.ok(quotes.length > 0 && quotes.every((q) => lines.some((l) => l.includes(q))), `evidence quotes the trainee's words: ${quotes.join(' | ')}`);
  if (engine === 'llm' && out === 'browser') await screenshot(page, 'scorecard-spoken', { fullPage: true });
  assert.ok(!srv.log().includes('sk-e2e-never-logged'), 'the key is never logged');
  assert.deepEqual(errors, []);
}

/**
 * interrupted holds the third and fourth spoken turns of spokenCall: the
 * third turn's answer is long and is still heard when the trainee speaks
 * again, and the page and the server stop the prospect.
 */
async function interrupted(page, engine, out, frames, chatBefore) {
  const before = await count(page, finished);
  if (engine === 'llm') {
    chat.state.hang = true;
    chat.state.more = more;
  } else {
    speech.state.ttsSeconds = 30;
  }
  await speak(page, lines[2]);
  if (engine === 'llm') {
    // The model has said its words and more, and has not finished.
    await page.waitForFunction((w) => [...document.querySelectorAll('#transcript .turn-prospect.is-streaming')].some((li) => li.textContent.includes(w)),
      'Also wissen Sie', { timeout: 30000 });
  } else {
    await prospectDone(page, before);
  }
  if (out === 'server') {
    await page.waitForFunction(() => document.getElementById('phone').dataset.audio === 'playing', null, { timeout: 30000 });
  }
  speech.state.ttsSeconds = 0;
  chat.state.hang = false;
  const cancelsBefore = await page.evaluate(() => window.cancelled);
  const n = await count(page, finished);
  await speak(page, lines[3]);
  // By the time the trainee's words are in, the page is done with every
  // audio frame of the cut turn: it stopped them (a 30 s sentence cannot
  // have ended on its own by then).
  const cutFrames = frames.slice(0, frames.findIndex((f) => f.type === 'barge_in')).filter((f) => f.type === 'audio').length;
  const doneFrames = await page.evaluate(() => Number(document.getElementById('phone').dataset.audioDone || 0));
  assert.ok(doneFrames >= cutFrames, `the page stopped the cut turn's audio: done with ${doneFrames} of ${cutFrames} frames`);
  await prospectDone(page, n);
  await listened(page, out, frames);
  if (engine === 'scripted') await screenshot(page, 'call-barge-in');

  // The prospect stopped: the page said so, stopped their voice, and the
  // server stopped producing the reply.
  const barge = frames.find((f) => f.type === 'barge_in');
  assert.ok(barge, 'the server took the trainee speaking as a barge-in');
  assert.equal(barge.turn, 6, 'the prospect\'s answer to the third spoken turn was cut');
  assert.match(await page.locator('#transcript .turn-event').allInnerTexts().then((x) => x.join(' | ')), /ins Wort gefallen/);
  assert.ok(await page.evaluate(() => window.cancelled) > cancelsBefore, 'the browser\'s speech was stopped');
  const afterBarge = frames.slice(frames.indexOf(barge) + 1);
  const nextTranscript = afterBarge.findIndex((f) => f.type === 'transcript.final');
  assert.ok(!afterBarge.slice(0, nextTranscript).some((f) => f.type === 'audio' || f.type === 'reply.delta'), 'nothing more of the cut turn came');
  if (engine === 'llm') {
    assert.ok(chat.state.cancelled > chatBefore.cancelled, 'the model\'s stream was cancelled');
    const cut = frames.filter((f) => f.type === 'reply' && f.turn === 6)[0];
    assert.ok(cut.text.includes('Also wissen Sie') && cut.text.length < (chat.state.said.at(-2) + more).length, `the cut turn keeps the words said: ${cut.text}`);
  }
}

test('a whole spoken call with the scripted prospect and a speech server', () => spokenCall('scripted', 'server'));
test('a whole spoken call with the LLM prospect and a speech server', () => spokenCall('llm', 'server'));
test('a whole spoken call with the LLM prospect spoken by the browser', () => spokenCall('llm', 'browser'));
// The scripted prospect's reply is written at once, and the server reckons
// the browser's speech of it from its length: nothing keeps it heard for
// certain when the trainee speaks, so this call is let finish each turn
// (and shows that waiting is no interruption).
test('a whole spoken call with the scripted prospect spoken by the browser, waited for', () => spokenCall('scripted', 'browser', false));

test('speaking before the prospect picks up is not recorded, and the page says why', async () => {
  const srv = servers.server;
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const sent = [];
  page.on('websocket', (ws) => ws.on('framesent', (f) => { if (typeof f.payload === 'string') sent.push(JSON.parse(f.payload).type); }));
  speech.state.lines.length = 0;
  await login(page, srv.url, anna.name, anna.password);
  await page.goto(srv.url + '/call/herr-b-handwerker?engine=llm');
  chat.state.pause = 10000; // the phone rings on: the model is slow to pick up
  await page.click('#start-call');
  await page.waitForSelector('#mic-toggle:not([hidden])');
  await mic(page, true);
  // The microphone's sentence plays while it rings: the page records
  // nothing and says why.
  await page.waitForFunction(() => document.getElementById('voice-state').textContent.includes('klingelt'), null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => document.getElementById('phone').dataset.state), 'ringing');
  assert.equal(await count(page, '#transcript .turn-trainee'), 0, 'no turn of the trainee\'s');
  assert.ok(!sent.includes('speech.start'), `nothing was sent: ${sent}`);
  await mic(page, false);
  // Once they have picked up, the trainee speaks as usual.
  await prospectDone(page, 0);
  await page.waitForFunction(() => document.getElementById('phone').dataset.audio !== 'playing', null, { timeout: 30000 });
  await speak(page, lines[0]);
  assert.ok(sent.includes('speech.start'));
  await context.close();
});

test('push-to-talk in the phone-only mode: only the held button is heard, and the transcript is hidden', async () => {
  const srv = servers.server;
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const sent = [];
  page.on('websocket', (ws) => ws.on('framesent', (f) => { if (typeof f.payload === 'string') sent.push(JSON.parse(f.payload)); }));
  speech.state.lines.length = 0;
  const sttBefore = speech.state.stt.length;
  await login(page, srv.url, anna.name, anna.password);
  await page.goto(srv.url + '/call/herr-b-handwerker');
  await page.click('#start-call');
  await prospectDone(page, 0);
  await page.waitForFunction(() => document.getElementById('phone').dataset.audio === 'playing', null, { timeout: 30000 });
  await page.waitForFunction(() => document.getElementById('phone').dataset.audio !== 'playing', null, { timeout: 30000 });

  await page.click('.voice-settings summary');
  await page.check('#voice-phone-only');
  assert.equal(await page.locator('#transcript').evaluate((el) => getComputedStyle(el).visibility), 'hidden', 'phone only hides the transcript');
  assert.equal(await page.locator('#voice-review').isDisabled(), true, 'no checking of turns without the transcript');
  await page.check('input[name="voice-mode"][value="ptt"]');
  await mic(page, true);
  await page.waitForSelector('#ptt:not([hidden])');
  // The microphone plays its sentence; nobody holds the button: nothing
  // is sent (the file lasts 0.6 s of silence and the sentence).
  await page.waitForTimeout(Math.ceil((0.6 + saidSeconds + 0.5) * 1000));
  assert.ok(!sent.some((f) => f.type === 'speech.start'), 'nothing is sent while the button is not held');
  await mic(page, false);

  // Held from the start of the file to past the sentence's end: that is the turn.
  speech.state.lines.push(lines[0]);
  await mic(page, true);
  await page.locator('#ptt').hover();
  await page.mouse.down();
  await page.waitForTimeout(Math.ceil((0.6 + saidSeconds + 0.3) * 1000));
  await page.mouse.up();
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, heardTrainee, { timeout: 30000 }).catch((e) => { throw new Error(e.message + ' sent: ' + JSON.stringify(sent) + ' stt: ' + JSON.stringify(speech.state.stt.slice(sttBefore))); });
  await mic(page, false);
  const stop = sent.find((f) => f.type === 'speech.stop');
  assert.equal(stop.silence_ms, 0, 'a released button waits for no silence');
  const up = speech.state.stt.slice(sttBefore);
  assert.equal(up.length, 1);
  assert.ok(up[0].rms > 0.005 && up[0].seconds >= saidSeconds, `the held time's audio was sent: ${JSON.stringify(up[0])}`);
  await prospectDone(page, 1);
  assert.equal(await page.locator('#transcript .turn-trainee .turn-text').textContent(), lines[0], 'the turn is there, only hidden');
  await hangUp(page);
  await context.close();
});
