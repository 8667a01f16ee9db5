// The outside servers of the browser tests, faked on the real wire
// formats: an OpenAI-compatible chat server (server-sent `data:` chunks, a
// usage chunk, `[DONE]`), and transcription and speech servers (the
// multipart WAV upload of /v1/audio/transcriptions, WAV from
// /v1/audio/speech). And the WAV helpers the voice tests make their
// microphone files with.
import assert from 'node:assert/strict';
import http from 'node:http';

/** listen starts server on a free loopback port and resolves with its /v1 base URL. */
function listen(server, state) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, state, url: `http://127.0.0.1:${server.address().port}/v1` })));
}

/**
 * fakeOpenAI serves POST /v1/chat/completions: the fake model says what
 * the referee's note asks (the text between « and » of the last system
 * message), one word every 40 ms. Set on its state: fail, to answer 500;
 * hang, to go on after the note's words with the words of `more` and
 * then never finish (until the client goes: `cancelled` counts those
 * streams, `finished` the whole ones); pause, to wait that many
 * milliseconds before the next request's first word (a prospect slow to
 * pick up).
 */
export function fakeOpenAI() {
  const state = { requests: 0, fail: false, said: [], hang: false, more: '', cancelled: 0, finished: 0, pause: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      state.requests++;
      if (state.fail) {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"fake upstream down","type":"server_error"}}');
        return;
      }
      const q = JSON.parse(body);
      const note = [...q.messages].reverse().find((m) => m.role === 'system' && m.content.includes('«')).content;
      const gist = note.slice(note.lastIndexOf('«') + 1, note.lastIndexOf('»'));
      state.said.push(gist);
      const hang = state.hang;
      const words = (hang ? gist + state.more : gist).split(/(?= )/);
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const chunk = (delta, finish = null) => 'data: ' + JSON.stringify({
        id: 'chatcmpl-e2e', object: 'chat.completion.chunk', created: 1764633600, model: q.model,
        choices: [{ index: 0, delta, finish_reason: finish }],
      }) + '\n\n';
      res.write(': keep-alive\n\n');
      res.write(chunk({ role: 'assistant', content: '' }));
      let i = 0;
      let done = false;
      const from = Date.now() + state.pause;
      state.pause = 0;
      const timer = setInterval(() => {
        if (Date.now() < from) return;
        if (i < words.length) {
          res.write(chunk({ content: words[i++] }));
          return;
        }
        if (hang) return; // the model goes quiet mid-reply, the stream stays open
        clearInterval(timer);
        res.write(chunk({}, 'stop'));
        if (q.stream_options && q.stream_options.include_usage) {
          res.write('data: ' + JSON.stringify({ id: 'chatcmpl-e2e', object: 'chat.completion.chunk', created: 1764633600, model: q.model, choices: [],
            usage: { prompt_tokens: 900, completion_tokens: words.length, total_tokens: 900 + words.length } }) + '\n\n');
        }
        done = true;
        state.finished++;
        res.end('data: [DONE]\n\n');
      }, 40);
      res.on('close', () => {
        clearInterval(timer);
        if (!done) state.cancelled++;
      });
    });
  });
  return listen(server, state);
}

/** wavPCM returns a WAV file's format and its 16-bit samples. */
export function wavPCM(buf) {
  assert.equal(buf.toString('ascii', 0, 4), 'RIFF');
  let p = 12;
  let fmt = null;
  while (p + 8 <= buf.length) {
    const id = buf.toString('ascii', p, p + 4);
    const size = buf.readUInt32LE(p + 4);
    if (id === 'fmt ') fmt = { channels: buf.readUInt16LE(p + 10), rate: buf.readUInt32LE(p + 12), bits: buf.readUInt16LE(p + 22) };
    if (id === 'data') {
      const end = Math.min(buf.length, p + 8 + size);
      const samples = new Int16Array(buf.buffer.slice(buf.byteOffset + p + 8, buf.byteOffset + end - ((end - p - 8) % 2)));
      return { ...fmt, samples };
    }
    p += 8 + size + (size % 2);
  }
  throw new Error('no data chunk');
}

/** wav makes a 16-bit mono WAV file of samples at rate. */
export function wav(samples, rate) {
  const b = Buffer.alloc(44 + samples.length * 2);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + samples.length * 2, 4);
  b.write('WAVEfmt ', 8, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(samples.length * 2, 40);
  Buffer.from(samples.buffer, samples.byteOffset, samples.length * 2).copy(b, 44);
  return b;
}

/** padded returns samples with lead seconds of silence before and trail after. */
export function padded(samples, rate, lead, trail) {
  const out = new Int16Array(samples.length + Math.round(rate * (lead + trail)));
  out.set(samples, Math.round(rate * lead));
  return out;
}

/**
 * fakeSpeech serves /v1/audio/transcriptions and /v1/audio/speech as
 * OpenAI does. A transcription reads the multipart WAV upload and answers
 * nothing for silence; for speech, the next of state.lines (set by the
 * test: what the trainee "said"), else sentence. The speech server answers
 * a 440 Hz tone in a WAV file, 50 ms a character of the input, or
 * state.ttsSeconds a sentence when the test sets it (a long reply to speak
 * over).
 */
export function fakeSpeech(sentence) {
  const state = { stt: [], tts: [], lines: [], ttsSeconds: 0 };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.method === 'POST' && req.url === '/v1/audio/transcriptions') {
        const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(req.headers['content-type'] || '');
        const parts = {};
        for (const part of body.toString('latin1').split('--' + (boundary[1] || boundary[2]))) {
          const m = /name="([^"]+)"/.exec(part);
          if (!m) continue;
          const at = part.indexOf('\r\n\r\n') + 4;
          parts[m[1]] = Buffer.from(part.slice(at, part.length - 2), 'latin1');
        }
        const audio = wavPCM(parts.file);
        let energy = 0;
        for (const s of audio.samples) energy += (s / 32768) ** 2;
        const rms = Math.sqrt(energy / Math.max(1, audio.samples.length));
        const text = rms > 0.005 ? (state.lines.shift() ?? sentence) : '';
        state.stt.push({ model: String(parts.model), language: String(parts.language), format: String(parts.response_format), rate: audio.rate, channels: audio.channels, seconds: audio.samples.length / audio.rate, rms, text });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ text }));
        return;
      }
      if (req.method === 'POST' && req.url === '/v1/audio/speech') {
        const q = JSON.parse(body.toString('utf8'));
        state.tts.push(q);
        const rate = 24000;
        const n = Math.round(rate * (state.ttsSeconds || 0.05 * [...q.input].length));
        const tone = new Int16Array(n);
        for (let i = 0; i < n; i++) tone[i] = 2500 * Math.sin((2 * Math.PI * 440 * i) / rate);
        res.writeHead(200, { 'content-type': 'audio/wav' });
        res.end(wav(tone, rate));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
    });
  });
  return listen(server, state);
}
