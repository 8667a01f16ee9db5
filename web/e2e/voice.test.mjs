// Browser test of a spoken call: Chromium's fake microphone plays a
// sentence spoken by Debian's espeak-ng (made here), the page records it
// through its AudioWorklet, finds the end of the turn by the pause after
// it, and streams 16 kHz PCM to `openline serve`, which is pointed at fake
// OpenAI-compatible speech servers this test starts: the transcription
// server reads the real multipart WAV upload (and answers the sentence only
// when the audio is not silence), the speech server answers real WAV
// (fakes.mjs). The first server keeps recordings (--keep-recordings), so
// the scorecard plays the spoken turn. A second server without any speech
// configured shows the fresh install: the prospect speaks through the
// browser's own speech synthesis. spokencall.test.mjs holds whole spoken
// calls, with barge-in.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fakeSpeech, padded, wav, wavPCM } from './fakes.mjs';
import { hangUp, launch, login, prospectTurns, screenshot, startServer } from './lib.mjs';

const anna = { name: 'anna', password: 'anna-pass-2026' };
const sentence = 'Guten Tag Herr B., hier ist Anna Müller. Wie geht es Ihnen?';

let fake;
let srv;
let fresh;
let browser;
let tmp;
let micWav;

before(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'openline-voice-'));
  // The sentence as espeak-ng speaks it, then 3 s of silence: the pause
  // that ends the turn (Chromium loops the file).
  const spoken = path.join(tmp, 'spoken.wav');
  execFileSync('espeak-ng', ['-v', 'de', '-s', '150', '-w', spoken, sentence]);
  const { rate, samples } = wavPCM(readFileSync(spoken));
  micWav = path.join(tmp, 'mic.wav');
  writeFileSync(micWav, wav(padded(samples, rate, 0, 3), rate));

  fake = await fakeSpeech(sentence);
  srv = await startServer({
    env: {
      OPENLINE_STT_BASE_URL: fake.url, OPENLINE_STT_MODEL: 'fake-whisper',
      OPENLINE_TTS_BASE_URL: fake.url, OPENLINE_TTS_MODEL: 'fake-tts', OPENAI_API_KEY: '',
    },
    args: ['--keep-recordings', '1h'],
  });
  srv.addUser(anna.name, 'trainee', anna.password);
  fresh = await startServer({ env: { OPENAI_API_KEY: '', OPENAI_BASE_URL: '' } });
  fresh.addUser(anna.name, 'trainee', anna.password);
  browser = await launch([
    '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${micWav}`, '--autoplay-policy=no-user-gesture-required',
  ]);
});

after(async () => {
  await browser?.close();
  await srv?.stop();
  await fresh?.stop();
  fake?.server.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('a spoken call: the words from the microphone arrive as a turn, the prospect answers in audio', async () => {
  const page = await browser.newPage();
  const frames = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => { if (typeof f.payload === 'string') frames.push(JSON.parse(f.payload)); }));
  await login(page, srv.url, anna.name, anna.password);
  await page.goto(srv.url + '/call/herr-b-handwerker');
  await page.click('#start-call');
  await page.waitForFunction(() => document.querySelectorAll('#transcript .turn-prospect:not(.is-streaming)').length >= 1, null, { timeout: 20000 });
  assert.ok(frames.some((f) => f.type === 'audio' && f.seq === 0 && f.format === 'wav'), 'the opening came as audio');
  await page.waitForSelector('#mic-toggle:not([hidden])');
  await page.click('#mic-toggle');
  await page.waitForFunction((s) => [...document.querySelectorAll('#transcript .turn-trainee:not(.is-heard)')].some((li) => li.textContent.includes(s)),
    'Anna Müller', { timeout: 30000 });
  await page.waitForFunction(() => document.querySelectorAll('#transcript .turn-prospect:not(.is-streaming)').length >= 2, null, { timeout: 20000 });
  await page.click('#mic-toggle'); // the fake microphone loops: stop before it speaks again
  await screenshot(page, 'call-voice');

  const stt = fake.state.stt[0];
  assert.equal(stt.model, 'fake-whisper');
  assert.equal(stt.language, 'de');
  assert.equal(stt.format, 'json');
  assert.equal(stt.rate, 16000);
  assert.equal(stt.channels, 1);
  assert.ok(stt.rms > 0.005, `the audio uploaded is the spoken sentence, not silence (rms ${stt.rms})`);
  assert.ok(stt.seconds > 2 && stt.seconds < 8, `the turn's audio lasts ${stt.seconds} s`);
  const transcript = frames.find((f) => f.type === 'transcript.final');
  assert.ok(transcript && transcript.text === sentence && transcript.end_ms > transcript.start_ms, 'transcript with its times');
  const replyAudio = frames.filter((f) => f.type === 'audio');
  assert.ok(replyAudio.length >= 2, 'the reply came as audio too');
  assert.ok(fake.state.tts.every((q) => q.model === 'fake-tts' && q.voice), 'speech asked with model and voice');

  await hangUp(page);
  const id = frames.find((f) => f.type === 'call').call_id;
  await page.goto(srv.url + '/calls/' + id);
  await page.waitForSelector('#voice-metrics', { timeout: 10000 });
  const text = await page.locator('#voice-metrics').innerText();
  // The pace is the spoken sentence's words over its spoken time: a
  // speaking pace, not just any figure (espeak-ng speaks at 80–250).
  const pace = text.match(/(\d+) (?:words a minute|Wörter pro Minute)/);
  assert.ok(pace, `the voice metrics show the pace: ${text}`);
  assert.ok(Number(pace[1]) >= 60 && Number(pace[1]) <= 300, `a speaking pace, ${pace[1]} words a minute`);
  // The server keeps recordings here: the spoken turn plays beside the transcript.
  await page.waitForSelector('#turn-1 audio.turn-audio', { timeout: 10000 });
  const src = await page.locator('#turn-1 audio.turn-audio').getAttribute('src');
  const res = await page.request.get(srv.url + src);
  assert.equal(res.status(), 200);
  assert.equal(res.headers()['content-type'], 'audio/wav');
  const kept = wavPCM(await res.body());
  assert.equal(kept.rate, 16000);
  assert.ok(kept.samples.length / 16000 > 2, 'the kept recording is the spoken turn');
  await screenshot(page, 'scorecard-voice', { fullPage: true });
  await page.close();
});

test('a fresh install: the prospect speaks through the browser, no microphone is offered', async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.spokenLines = [];
    const speak = window.speechSynthesis.speak.bind(window.speechSynthesis);
    window.speechSynthesis.speak = (u) => { window.spokenLines.push(u.text); speak(u); };
  });
  await login(page, fresh.url, anna.name, anna.password);
  await page.goto(fresh.url + '/call/herr-b-handwerker');
  await page.click('#start-call');
  await page.waitForFunction(() => document.querySelectorAll('#transcript .turn-prospect:not(.is-streaming)').length >= 1, null, { timeout: 20000 });
  const opening = await page.locator('#transcript .turn-prospect .turn-text').first().innerText();
  const spoken = await page.evaluate(() => window.spokenLines);
  assert.ok(spoken.length >= 1 && opening.startsWith(spoken[0].slice(0, 5)), `speechSynthesis spoke ${JSON.stringify(spoken)} for ${opening}`);
  assert.equal(await page.locator('#mic-toggle').isHidden(), true, 'no microphone without speech recognition');
  assert.equal(await prospectTurns(page), 1);
  await page.close();
});
