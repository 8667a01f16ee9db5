// The microphone's AudioWorklet: it turns the device's audio (the
// context's rate, mono or the first channel) into 16 kHz mono 16-bit PCM,
// the format of the call protocol's audio frames (docs/protocol.md,
// "Voice"), and posts it every 20 ms with the chunk's loudness (RMS, 0–1)
// for the voice activity detection on the page.

const targetRate = 16000;
const chunkSamples = 320; // 20 ms at 16 kHz

class MicDownsampler extends AudioWorkletProcessor {
  constructor() {
    super();
    this.ratio = sampleRate / targetRate; // sampleRate is the context's (global in a worklet)
    this.acc = 0; // sum of the input samples of the output sample being built
    this.n = 0; // how many
    this.pos = 0; // input samples consumed toward the next output sample (fractional)
    this.out = new Int16Array(chunkSamples);
    this.len = 0;
    this.energy = 0;
  }

  process(inputs) {
    const input = inputs[0];
    if (!input || input.length === 0) return true;
    const ch = input[0];
    for (let i = 0; i < ch.length; i++) {
      // A box filter over the input samples of one output sample: the
      // mean of ratio samples, a low-pass good enough for speech.
      this.acc += ch[i];
      this.n++;
      this.pos += 1;
      if (this.pos >= this.ratio) {
        this.pos -= this.ratio;
        const v = Math.max(-1, Math.min(1, this.acc / this.n));
        this.acc = 0;
        this.n = 0;
        this.energy += v * v;
        this.out[this.len++] = v < 0 ? v * 0x8000 : v * 0x7fff;
        if (this.len === chunkSamples) {
          const rms = Math.sqrt(this.energy / chunkSamples);
          const pcm = this.out.slice(0);
          this.port.postMessage({ pcm, rms }, [pcm.buffer]);
          this.len = 0;
          this.energy = 0;
        }
      }
    }
    return true;
  }
}

registerProcessor('mic-downsampler', MicDownsampler);
