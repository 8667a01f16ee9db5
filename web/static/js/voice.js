// The call page's voice (docs/voice.md): the microphone through an
// AudioWorklet (16 kHz PCM), voice activity detection or push-to-talk,
// the prospect's audio from the server or the browser's own speech
// synthesis, a ring before pick-up and a phone line's band (300–3,400 Hz).
// The browser's own speech recogniser is never used: it may send the
// audio to a vendor; audio goes only to openline's server.

/** frameMS is the length of one audio frame sent to the server. */
const frameMS = 100;
/** chunkMS is the length of one chunk from the worklet. */
const chunkMS = 20;
/** prerollMS of audio before the detected start are sent with it (the first syllable). */
const prerollMS = 200;
/** onsetChunks loud chunks in a row start speech (40 ms). */
const onsetChunks = 2;
/** minLevel is the quietest RMS counted as speech, whatever the noise floor. */
const minLevel = 0.012;

/**
 * sentences cuts streamed text into sentences as they complete (the
 * server's rule, internal/voice/sentences.go, in short): . ! ? … then
 * white space, not after a single letter ("Herr B.") or z.B.
 */
export class Sentences {
  constructor() { this.buf = ''; }

  add(piece) {
    this.buf += piece;
    const out = [];
    const re = /[.!?…]+["'»«”“)]*(?=\s)/g;
    let start = 0;
    let m;
    while ((m = re.exec(this.buf)) !== null) {
      const before = this.buf.slice(start, m.index);
      const word = before.split(/\s/).pop().replace(/\./g, '');
      const abbrev = m[0] === '.' && (word.length === 1 || /\.\w$/.test(before));
      if (abbrev) continue;
      const s = this.buf.slice(start, m.index + m[0].length).trim();
      if (s) out.push(s);
      start = m.index + m[0].length;
    }
    this.buf = this.buf.slice(start);
    return out;
  }

  flush() {
    const s = this.buf.trim();
    this.buf = '';
    return s;
  }
}

export class Voice {
  /**
   * @param {object} o
   * @param {string} o.lang the call's language, de or en
   * @param {(frame: object) => void} o.send sends a JSON frame
   * @param {(buf: ArrayBuffer) => void} o.sendAudio sends a binary frame
   * @param {() => void} o.onSpeechStart the trainee started speaking
   * @param {() => void} o.onSpeechStop the trainee's turn ended
   * @param {(on: boolean) => void} o.onPlaying the prospect's audio started or stopped
   * @param {() => boolean} o.onLine whether someone is on the line to hear the trainee (not while it rings)
   * @param {() => void} o.notYet the trainee spoke while nobody was on the line
   */
  constructor(o) {
    this.o = o;
    this.ctx = null;
    this.line = null; // the phone band: input node of the filter chain
    this.out = 'browser'; // who speaks the prospect: server | browser
    this.sources = new Set();
    this.nextAt = 0;
    this.sentences = new Sentences();
    this.spokeServer = false; // audio came for the current prospect turn
    this.ttsFailed = false;
    this.mic = null; // {stream, node}
    this.mode = 'vad'; // vad | ptt
    this.silenceMS = 900;
    this.talking = false;
    this.floor = 0.01;
    this.loud = 0;
    this.quiet = 0;
    this.preroll = [];
    this.pending = []; // chunks not yet sent as a frame
    this.utterances = 0; // browser speech utterances in flight
    this.chain = Promise.resolve(); // audio frames are decoded and queued in order
    this.cut = false; // the trainee spoke over the prospect: the rest of that turn is not played
    this.review = false; // the trainee checks each transcript before it counts
    this.muted = false; // the prospect is not played
    this.done = 0; // audio frames played to their end, stopped or skipped
  }

  /** unlock creates the audio context; call it from a click (autoplay rules). */
  unlock() {
    if (!this.ctx) {
      this.ctx = new AudioContext();
      // The phone line: a high-pass at 300 Hz and a low-pass at 3,400 Hz,
      // two biquads each, and a little gain lost on the line.
      const hp1 = new BiquadFilterNode(this.ctx, { type: 'highpass', frequency: 300, Q: 0.7 });
      const hp2 = new BiquadFilterNode(this.ctx, { type: 'highpass', frequency: 300, Q: 0.7 });
      const lp1 = new BiquadFilterNode(this.ctx, { type: 'lowpass', frequency: 3400, Q: 0.7 });
      const lp2 = new BiquadFilterNode(this.ctx, { type: 'lowpass', frequency: 3400, Q: 0.7 });
      const gain = new GainNode(this.ctx, { gain: 0.9 });
      hp1.connect(hp2).connect(lp1).connect(lp2).connect(gain).connect(this.ctx.destination);
      this.line = hp1;
    }
    if (this.ctx.state === 'suspended') this.ctx.resume();
  }

  /** ring plays the ringing tone (425 Hz, as German lines ring) for ms. */
  ring(ms) {
    if (!this.ctx) return;
    const t0 = this.ctx.currentTime;
    const osc = new OscillatorNode(this.ctx, { frequency: 425 });
    const g = new GainNode(this.ctx, { gain: 0 });
    g.gain.setValueAtTime(0, t0);
    g.gain.linearRampToValueAtTime(0.15, t0 + 0.02);
    g.gain.setValueAtTime(0.15, t0 + ms / 1000 - 0.02);
    g.gain.linearRampToValueAtTime(0, t0 + ms / 1000);
    osc.connect(g).connect(this.line);
    osc.start(t0);
    osc.stop(t0 + ms / 1000);
  }

  // ---- the prospect's speech -------------------------------------------

  /** playing reports whether the prospect is heard now. */
  playing() {
    return this.sources.size > 0 || this.utterances > 0;
  }

  /** audio plays one audio frame of the server's, after those before it (decoding is asynchronous: one at a time keeps the order). */
  audio(f) {
    this.spokeServer = true;
    if (!this.ctx || this.cut) {
      this.finished();
      return;
    }
    this.chain = this.chain.then(() => this.play(f));
  }

  /** finished counts an audio frame as done with (played, stopped or skipped). */
  finished() {
    this.done++;
    this.o.onPlaying(this.playing());
  }

  async play(f) {
    if (this.cut) {
      this.finished();
      return;
    }
    let buf;
    try {
      const bytes = Uint8Array.from(atob(f.data || ''), (c) => c.charCodeAt(0));
      if (f.format === 'pcm') {
        const n = bytes.length >> 1;
        buf = this.ctx.createBuffer(1, Math.max(n, 1), 24000);
        const ch = buf.getChannelData(0);
        const view = new DataView(bytes.buffer);
        for (let i = 0; i < n; i++) ch[i] = view.getInt16(2 * i, true) / 0x8000;
      } else {
        buf = await this.ctx.decodeAudioData(bytes.buffer);
      }
    } catch {
      this.finished(); // an undecodable sentence is skipped; the text is on screen
      return;
    }
    if (this.cut) {
      this.finished();
      return;
    }
    const src = new AudioBufferSourceNode(this.ctx, { buffer: buf });
    src.connect(this.line);
    const at = Math.max(this.ctx.currentTime + 0.01, this.nextAt);
    src.start(at);
    this.nextAt = at + buf.duration;
    this.sources.add(src);
    if (this.sources.size === 1) this.o.onPlaying(true);
    src.onended = () => {
      this.sources.delete(src);
      this.finished();
    };
  }

  /** delta takes a piece of the prospect's words; the browser speaks them when the server does not. */
  delta(text) {
    if (this.cut || (this.out !== 'browser' && !this.ttsFailed)) return;
    for (const s of this.sentences.add(text)) this.say(s);
  }

  /** replied ends the prospect's turn: the rest is spoken; whole is the reply's text. */
  replied(whole) {
    if (!this.cut && (this.out === 'browser' || this.ttsFailed)) {
      const rest = this.sentences.flush();
      if (this.ttsFailed && !this.spokeServer && !this.utterances && !rest) {
        this.say(whole);
      } else if (rest) {
        this.say(rest);
      }
    }
    this.sentences = new Sentences();
    this.spokeServer = false;
    this.ttsFailed = false;
    this.cut = false; // the next turn is heard again
  }

  /** bargedIn stops the prospect because the server took the trainee's speech as a barge-in: the rest of that turn, still on its way, is not played. */
  bargedIn() {
    this.silence();
    this.cut = true;
  }

  /** heardAgain lets the next prospect turn play after a barge-in (the trainee's turn is in). */
  heardAgain() {
    this.cut = false;
  }

  /** failed notes that the speech server failed in this turn: the browser speaks what is left. */
  failed() {
    this.ttsFailed = true;
  }

  /** say speaks a sentence with the browser's own speech synthesis. */
  say(text) {
    if (!('speechSynthesis' in window) || !text) return;
    const u = new SpeechSynthesisUtterance(text);
    const want = this.o.lang === 'de' ? 'de' : 'en';
    u.lang = want === 'de' ? 'de-DE' : 'en-US';
    const v = speechSynthesis.getVoices().find((x) => x.lang && x.lang.toLowerCase().startsWith(want));
    if (v) u.voice = v;
    this.utterances++;
    if (this.utterances === 1) this.o.onPlaying(true);
    const done = () => {
      this.utterances = Math.max(0, this.utterances - 1);
      if (!this.playing()) this.o.onPlaying(false);
    };
    u.onend = done;
    u.onerror = done;
    speechSynthesis.speak(u);
  }

  /** silence stops the prospect at once (barge-in, hang-up). */
  silence() {
    for (const s of this.sources) {
      try { s.stop(); } catch { /* already stopped */ }
    }
    this.sources.clear();
    this.nextAt = 0;
    if ('speechSynthesis' in window) speechSynthesis.cancel();
    this.utterances = 0;
    this.sentences = new Sentences();
    this.o.onPlaying(false);
  }

  // ---- the trainee's speech ----------------------------------------------

  /** micOn starts the microphone; it throws when the browser refuses. */
  async micOn() {
    this.unlock();
    if (this.mic) return;
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    });
    await this.ctx.audioWorklet.addModule(new URL('./mic-worklet.js', import.meta.url));
    const src = new MediaStreamAudioSourceNode(this.ctx, { mediaStream: stream });
    const node = new AudioWorkletNode(this.ctx, 'mic-downsampler');
    node.port.onmessage = (ev) => this.chunk(ev.data.pcm, ev.data.rms);
    src.connect(node); // the worklet outputs nothing; it need not reach the speakers
    this.mic = { stream, node, src };
  }

  micOff() {
    if (!this.mic) return;
    if (this.talking) this.stop(0);
    this.mic.src.disconnect();
    this.mic.node.port.onmessage = null;
    for (const tr of this.mic.stream.getTracks()) tr.stop();
    this.mic = null;
  }

  /** pushed is push-to-talk: down starts the turn, up ends it. */
  pushed(down) {
    if (!this.mic || this.mode !== 'ptt') return;
    if (down && !this.talking && !this.o.onLine()) {
      this.o.notYet();
      return;
    }
    if (down && !this.talking) this.begin();
    else if (!down && this.talking) this.stop(0);
  }

  chunk(pcm, rms) {
    if (this.mode === 'ptt') {
      if (this.talking) this.queue(pcm);
      return;
    }
    // The noise floor follows quiet chunks quickly and loud ones slowly.
    this.floor = rms < this.floor ? 0.9 * this.floor + 0.1 * rms : 0.999 * this.floor + 0.001 * rms;
    let threshold = Math.max(minLevel, this.floor * 3);
    if (this.playing()) threshold *= 2; // what echo cancellation leaves of the prospect is no barge-in
    const loud = rms > threshold;
    if (!this.talking && !this.o.onLine()) {
      // Nobody has picked up yet: as on a phone, nothing said now is
      // heard, so nothing is recorded; the trainee is told why.
      this.preroll = [];
      this.loud = loud ? this.loud + 1 : 0;
      if (this.loud === onsetChunks) this.o.notYet();
      return;
    }
    if (!this.talking) {
      this.preroll.push(pcm);
      if (this.preroll.length > prerollMS / chunkMS) this.preroll.shift();
      this.loud = loud ? this.loud + 1 : 0;
      if (this.loud >= onsetChunks) {
        const pre = this.preroll;
        this.preroll = [];
        this.begin();
        for (const p of pre) this.queue(p);
      }
      return;
    }
    this.queue(pcm);
    this.quiet = loud ? 0 : this.quiet + chunkMS;
    if (this.quiet >= this.silenceMS) this.stop(this.quiet);
  }

  begin() {
    this.talking = true;
    this.quiet = 0;
    this.loud = 0;
    if (this.playing()) {
      this.silence(); // barge-in: stop hearing them at once
      this.cut = true; // and not the rest of their turn, still on its way
    }
    this.o.send({ type: 'speech.start' });
    this.o.onSpeechStart();
  }

  queue(pcm) {
    this.pending.push(pcm);
    if (this.pending.length * chunkMS >= frameMS) this.flushAudio();
  }

  flushAudio() {
    if (this.pending.length === 0) return;
    const n = this.pending.reduce((a, p) => a + p.length, 0);
    const all = new Int16Array(n);
    let at = 0;
    for (const p of this.pending) {
      all.set(p, at);
      at += p.length;
    }
    this.pending = [];
    this.o.sendAudio(all.buffer); // Int16Array is little-endian on every browser's platform
  }

  /** stop ends the turn; silenceMS is the silence at its end that was waited for. */
  stop(silenceMS, review = this.review) {
    this.flushAudio();
    this.talking = false;
    this.quiet = 0;
    this.o.send({ type: 'speech.stop', silence_ms: Math.round(silenceMS), review: !!review });
    this.o.onSpeechStop();
  }
}
