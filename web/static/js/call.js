// The call screen: websocket call protocol v1 (docs/protocol.md), made to
// feel like a phone. States (on #phone[data-state]): idle | incoming |
// dialling | ringing | connected | reconnecting | lost | ended | scored.
import { api, errorText, formatDuration, h, pageData as cfg, scoreClass, t, toast } from './common.js';
import { Voice } from './voice.js';

/** dialHoldMS and ringHoldMS keep dialling and ringing on screen long enough to be seen. */
const dialHoldMS = 600;
const ringHoldMS = 1200;
/** maxAttempts is how many reconnects are tried before giving up (about two minutes, the server's patience). */
const maxAttempts = 14;
/** closePolicy is the close code with which the server refuses a call for good: do not retry. */
const closePolicy = 1008;

const $ = (id) => document.getElementById(id);
const phone = $('phone');
const statusEl = $('call-status');
const timerEl = $('call-timer');
const startBox = $('call-start');
const startBtn = $('start-call');
const list = $('transcript');
const announcer = $('announcer');
const banner = $('banner');
const composer = $('composer');
const input = $('say');
const sendBtn = $('send');
const hangupBtn = $('hangup');
const result = $('result');

const persona = cfg.persona || '';
const inbound = cfg.direction === 'inbound';

let ws = null;
let callId = cfg.resume || null;
let pickedUp = false; // the prospect has said something
let speaking = false; // the prospect is speaking, or a reply is awaited
let ended = false; // a hangup frame arrived
let scored = false;
let hangupPending = false;
let current = null; // the prospect bubble being streamed: {li, text}
let attempts = 0;
let reconnectTimer = 0;
let startedAt = 0; // Date.now() at pick-up
let ticker = 0;
let holdUntil = 0; // frames wait until then (dialling/ringing on screen)
let queue = [];
let speakerName = ''; // who is speaking now (speaker_name, a v1 addition)
let flushTimer = 0;

const ringStatus = $('ring-status');

// ---- voice (voice.js, docs/voice.md) ---------------------------------------

const voiceBar = $('voice-bar');
const micBtn = $('mic-toggle');
const pttBtn = $('ptt');
const voiceState = $('voice-state');
let voiceIn = false; // the server transcribes speech
let heard = null; // the trainee's bubble while they speak: {li, p}
const voice = new Voice({
  lang: cfg.language,
  send: (f) => send(f),
  sendAudio: (buf) => { if (isOpen()) ws.send(buf); },
  onSpeechStart: () => {
    phone.classList.add('is-listening');
    voiceState.textContent = t('voice.listening');
    if (!heard) {
      heard = addTurn('trainee', '…');
      heard.li.classList.add('is-heard');
    }
  },
  onSpeechStop: () => {
    phone.classList.remove('is-listening');
    voiceState.textContent = t('voice.transcribing');
  },
  // Whether the prospect is heard now (their audio plays, or the
  // browser speaks them): for the page's style and the browser tests.
  onPlaying: (on) => {
    phone.dataset.audio = on ? 'playing' : 'quiet';
    phone.dataset.audioDone = String(voice.done);
  },
  // On an outbound call the prospect picks up first; inbound, the phone
  // rang at the trainee, who speaks first (pickUp at the call frame).
  onLine: () => pickedUp && !ended,
  notYet: () => { voiceState.textContent = t('voice.not_yet'); },
});

function setupVoice(info) {
  voiceBar.hidden = false;
  voice.out = info && info.out === 'server' ? 'server' : 'browser';
  voiceIn = !!(info && info.in);
  micBtn.hidden = !voiceIn;
  $('voice-mic-settings').hidden = !voiceIn;
}

micBtn.addEventListener('click', async () => {
  if (voice.mic) {
    voice.micOff();
    micBtn.setAttribute('aria-pressed', 'false');
    $('mic-label').textContent = t('voice.mic.on');
    pttBtn.hidden = true;
    voiceState.textContent = '';
    return;
  }
  try {
    await voice.micOn();
  } catch {
    toast(t('voice.mic.denied'), 'error');
    return;
  }
  micBtn.setAttribute('aria-pressed', 'true');
  $('mic-label').textContent = t('voice.mic.off');
  pttBtn.hidden = voice.mode !== 'ptt';
  voiceState.textContent = voice.mode === 'ptt' ? t('voice.ptt.hint') : t('voice.ready');
});

for (const r of document.querySelectorAll('input[name="voice-mode"]')) {
  r.addEventListener('change', () => {
    voice.mode = r.value;
    pttBtn.hidden = !voice.mic || voice.mode !== 'ptt';
  });
}
const silenceInput = $('voice-silence');
silenceInput.addEventListener('input', () => {
  voice.silenceMS = Number(silenceInput.value);
  $('voice-silence-out').textContent = silenceInput.value + ' ms';
});
const reviewBox = $('voice-review');
const phoneOnlyBox = $('voice-phone-only');
const soundBox = $('voice-sound');
function applyModes() {
  phone.classList.toggle('phone-only', phoneOnlyBox.checked);
  // Checking a misheard turn needs the transcript: not in the phone-only mode.
  reviewBox.disabled = phoneOnlyBox.checked;
  voice.review = reviewBox.checked && !phoneOnlyBox.checked;
  voice.muted = !soundBox.checked;
  if (voice.muted) voice.silence();
}
for (const box of [reviewBox, phoneOnlyBox, soundBox]) box.addEventListener('change', applyModes);
applyModes();
// The button holds the pointer while pressed: the transcript grows and
// scrolls the page under a still mouse, which must not end the turn.
pttBtn.addEventListener('pointerdown', (ev) => {
  pttBtn.setPointerCapture(ev.pointerId);
  voice.pushed(true);
});
for (const end of ['pointerup', 'pointercancel', 'lostpointercapture']) pttBtn.addEventListener(end, () => voice.pushed(false));
document.addEventListener('keydown', (ev) => {
  if (ev.code === 'Space' && voice.mode === 'ptt' && voice.mic && document.activeElement !== input && !ev.repeat) {
    ev.preventDefault();
    voice.pushed(true);
  }
});
document.addEventListener('keyup', (ev) => {
  if (ev.code === 'Space' && voice.mode === 'ptt' && voice.mic && document.activeElement !== input) voice.pushed(false);
});

function onTranscript(f) {
  voice.heardAgain();
  voiceState.textContent = voice.mic ? (voice.mode === 'ptt' ? t('voice.ptt.hint') : t('voice.ready')) : '';
  const text = f.text || '';
  if (!heard) heard = addTurn('trainee', '');
  heard.li.classList.remove('is-heard');
  if (!text) {
    heard.li.remove();
    heard = null;
    return;
  }
  if (f.review) {
    // The trainee checks the words and sends them (corrected) as a say.
    heard.li.remove();
    heard = null;
    input.value = text;
    input.focus();
    voiceState.textContent = t('voice.review.hint');
    return;
  }
  heard.p.textContent = text;
  heard = null;
  setSpeaking(true);
}

function onBargeIn() {
  voice.bargedIn();
  addEvent(t('voice.barged_in'));
  // The note goes between the cut turn and the words that cut it, whose
  // bubble opened when the trainee began to speak.
  if (heard) list.append(heard.li);
}

function setState(state, statusText) {
  phone.dataset.state = state;
  statusEl.textContent = statusText;
  ringStatus.textContent = statusText;
}

// ---- transcript -------------------------------------------------------

function addTurn(speaker, text, turn, name) {
  list.hidden = false;
  const p = h('p', { class: 'turn-text' }, text);
  const who = h('span', { class: 'speaker' }, speaker === 'trainee' ? t('call.you') : (name || persona));
  const li = h('li', { class: 'turn turn-' + speaker, 'data-turn': turn },
    h('div', { class: 'bubble' }, who, p));
  list.append(li);
  scrollDown();
  return { li, p, who };
}

function addEvent(text) {
  list.append(h('li', { class: 'turn turn-event' }, h('span', {}, text)));
  scrollDown();
}

/** scrollDown shows the newest turn and, below it, the text box. */
function scrollDown() {
  list.scrollTop = list.scrollHeight;
  const below = composer.hidden ? list : composer;
  if (below.getBoundingClientRect().bottom > window.innerHeight) {
    below.scrollIntoView({ block: 'end' });
  }
}

/** rebuild replaces the transcript with the turns of a resumed call. */
function rebuild(turns) {
  list.replaceChildren();
  current = null;
  turns.forEach((tu, i) => addTurn(tu.speaker === 'trainee' ? 'trainee' : 'prospect', tu.text, i, tu.speaker_name));
}

function announce(text) {
  announcer.textContent = '';
  // A fresh text node after a tick so screen readers announce it again.
  setTimeout(() => { announcer.textContent = text; }, 30);
}

// ---- composer -----------------------------------------------------------

function setSpeaking(on) {
  speaking = on;
  phone.classList.toggle('is-speaking', on);
  updateComposer();
  if (pickedUp && !ended && isOpen()) {
    statusEl.textContent = on ? t('call.status.speaking', { name: speakerName || persona }) : t('call.status.connected');
  }
}

function isOpen() {
  return ws !== null && ws.readyState === WebSocket.OPEN && callId !== null;
}

/** updateComposer makes the text box read-only while it cannot be sent (focus stays where it is). */
function updateComposer() {
  const blocked = speaking || ended || !isOpen();
  input.readOnly = blocked;
  input.setAttribute('aria-disabled', String(blocked));
  sendBtn.disabled = blocked;
  hangupBtn.disabled = ended || hangupPending;
}

function send(frame) {
  if (!isOpen()) return false;
  ws.send(JSON.stringify(frame));
  return true;
}

function say() {
  const text = input.value.trim();
  if (!text || speaking || ended) return;
  if (!send({ type: 'say', text })) return;
  addTurn('trainee', text);
  input.value = '';
  setSpeaking(true);
}

composer.addEventListener('submit', (ev) => {
  ev.preventDefault();
  say();
});

input.addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
    ev.preventDefault();
    say();
  }
});

hangupBtn.addEventListener('click', () => {
  if (ended) return;
  hangupPending = true;
  updateComposer();
  send({ type: 'hangup' }); // when disconnected, sent after the resume
});

// ---- timer ------------------------------------------------------------

function startTimer(at) {
  if (ticker) return;
  startedAt = at;
  const tick = () => { timerEl.textContent = formatDuration(Date.now() - startedAt); };
  tick();
  ticker = setInterval(tick, 1000);
}

/** syncTimer sets the timer from the call's start as stored (after a reload). */
async function syncTimer() {
  try {
    const data = await api('GET', '/api/calls/' + encodeURIComponent(callId));
    const at = Date.parse(data && data.call && data.call.started_at);
    if (!Number.isNaN(at) && at <= Date.now()) startedAt = at;
  } catch {
    // the timer then counts from the reconnect
  }
}

function stopTimer() {
  clearInterval(ticker);
  ticker = 0;
}

// ---- protocol -----------------------------------------------------------

function pickUp() {
  if (pickedUp) return;
  pickedUp = true;
  if (voiceState.textContent === t('voice.not_yet')) voiceState.textContent = t('voice.ready');
  startTimer(Date.now());
  setState('connected', t('call.status.connected'));
}

/** handle processes a frame in order; frames wait while dialling or ringing is held on screen. */
function handle(frame) {
  if (holdUntil > Date.now() || queue.length > 0) {
    queue.push(frame);
    scheduleFlush();
    return;
  }
  dispatch(frame);
}

function scheduleFlush() {
  if (!flushTimer) flushTimer = setTimeout(flush, Math.max(0, holdUntil - Date.now()));
}

function flush() {
  flushTimer = 0;
  while (queue.length > 0) {
    if (holdUntil > Date.now()) {
      scheduleFlush();
      return;
    }
    dispatch(queue.shift());
  }
}

function dispatch(frame) {
  switch (frame.type) {
    case 'transcript.final': onTranscript(frame); break;
    case 'transcript.partial': if (heard) heard.p.textContent = frame.text || '…'; break;
    case 'audio': if (!voice.muted) voice.audio(frame); break;
    case 'barge_in': onBargeIn(); break;
    case 'call': onCall(frame); break;
    case 'reply.delta': onDelta(frame); break;
    case 'reply': onReply(frame); break;
    case 'hangup': onHangup(frame); break;
    case 'scorecard': onScorecard(frame); break;
    case 'error': onError(frame); break;
    default: break; // frames added in later protocol versions are ignored
  }
}

/** showEngine shows who plays the prospect: the AI, or the scripted engine after the AI failed. */
function showEngine(engine, fellBack) {
  const tag = $('call-engine');
  if (!tag || engine !== 'llm') return;
  tag.hidden = false;
  tag.textContent = fellBack ? t('call.engine.fallback') : t('engine.llm');
  tag.classList.toggle('is-fallback', fellBack);
}

function onCall(f) {
  showEngine(f.engine, !!f.fallback);
  setupVoice(f.voice);
  const resumed = callId !== null && f.call_id === callId && Array.isArray(f.turns);
  callId = f.call_id;
  phone.dataset.callId = callId;
  attempts = 0;
  rememberCall();
  if (resumed) {
    rebuild(f.turns);
    const turns = f.turns;
    if (turns.length > 0) {
      if (!pickedUp) {
        pickedUp = true;
        startTimer(Date.now());
        syncTimer();
      }
      setState('connected', t('call.status.connected'));
      if (banner.dataset.kind === 'reconnect') toast(t('call.resumed'), 'ok', 3000);
      hideBanner();
      setSpeaking(false);
    } else if (f.first === 'trainee') {
      pickUp();
      hideBanner();
      setSpeaking(false);
    } else {
      setState('ringing', t('call.status.ringing'));
      hideBanner();
      updateComposer();
    }
    if (hangupPending) send({ type: 'hangup' });
    return;
  }
  if (f.first === 'trainee') {
    // The phone rang at the trainee, who picked up: they answer first.
    if (hangupPending) {
      send({ type: 'hangup' });
      return;
    }
    pickUp();
    statusEl.textContent = t('call.status.answer');
    setSpeaking(false);
    input.placeholder = t('call.answer.placeholder');
    return;
  }
  speaking = true;
  updateComposer();
  if (hangupPending) {
    send({ type: 'hangup' }); // pressed while dialling
    return;
  }
  if (!inbound) {
    setState('ringing', t('call.status.ringing'));
    holdUntil = Date.now() + ringHoldMS;
    if (!voice.muted) voice.ring(1000);
  }
}

function onDelta(f) {
  pickUp();
  if (f.speaker_name) speakerName = f.speaker_name;
  if (!current) {
    current = addTurn('prospect', '', undefined, speakerName);
    current.li.classList.add('is-streaming');
    current.p.setAttribute('aria-hidden', 'true');
  }
  current.p.textContent += f.text || '';
  if (!voice.muted) voice.delta(f.text || '');
  if (!speaking) setSpeaking(true);
  scrollDown();
}

function onReply(f) {
  pickUp();
  if (f.speaker_name) speakerName = f.speaker_name;
  if (!current) current = addTurn('prospect', '', undefined, speakerName);
  current.who.textContent = speakerName || persona;
  let text = f.text || '';
  let rest = '';
  const glue = ' … ';
  const at = f.transfer_to ? text.lastIndexOf(glue) : -1;
  if (at >= 0) {
    // The gatekeeper puts the trainee through within this turn: her words,
    // the transfer, then the first words of the person put through to.
    rest = text.slice(at + glue.length);
    text = text.slice(0, at);
  }
  current.p.textContent = text;
  if (!voice.muted) voice.replied(f.text || '');
  current.p.removeAttribute('aria-hidden');
  current.li.classList.remove('is-streaming');
  if (typeof f.turn === 'number') current.li.dataset.turn = f.turn;
  const spoken = `${speakerName || persona}: ${text}`;
  current = null;
  if (f.transfer_to) {
    speakerName = f.transfer_to;
    addEvent(t('call.transfer', { name: f.transfer_to }));
    if (rest) addTurn('prospect', rest, f.turn, f.transfer_to).li.classList.add('turn-transferred');
    announce(`${spoken} ${t('call.transfer', { name: f.transfer_to })} ${f.transfer_to}: ${rest}`);
  } else {
    announce(spoken);
  }
  setSpeaking(false);
}

function onHangup(f) {
  ended = true;
  voice.micOff();
  voiceBar.hidden = true;
  stopTimer();
  if (current) {
    current.p.removeAttribute('aria-hidden');
    current.li.classList.remove('is-streaming');
    current = null;
  }
  let text = f.by === 'prospect' ? t('call.hungup.prospect', { name: speakerName || persona }) : t('call.hungup.trainee');
  addEvent(text);
  if (f.outcome === 'next_step' && f.next_step) {
    const agreed = t('call.agreed.' + f.next_step);
    addEvent(agreed);
    text += ' ' + agreed;
  }
  announce(text);
  setState('ended', t('call.status.scoring'));
  speaking = false;
  updateComposer();
  composer.hidden = true;
  showBanner('hangup', text);
}

function onScorecard(f) {
  scored = true;
  const card = f.scorecard || {};
  setState('scored', t('call.status.ended'));
  hideBanner();
  composer.hidden = true;
  const tiles = $('result-scores');
  tiles.replaceChildren(
    scoreTile('openness', card.openness),
    scoreTile('curiosity', card.curiosity));
  $('result-link').href = '/calls/' + encodeURIComponent(callId);
  result.hidden = false;
  $('result-title').focus();
  close();
}

function scoreTile(dim, value) {
  return h('div', { class: 'score-tile ' + scoreClass(value) },
    h('span', { class: 'score-label' }, t('score.' + dim)),
    h('span', { class: 'score-value' }, typeof value === 'number' ? String(value) : '–'),
    h('span', { class: 'score-of' }, t('score.of100')));
}

function onError(f) {
  if (f.code === 'tts_unavailable') {
    voice.failed(); // the browser speaks this turn instead
    return;
  }
  // A spoken turn that brought no words: the prospect's next turn is heard again.
  if (['stt_unavailable', 'not_understood', 'audio_too_long', 'audio_too_fast'].includes(f.code)) voice.heardAgain();
  if (['stt_unavailable', 'not_understood', 'audio_too_long', 'audio_too_fast'].includes(f.code) && heard) {
    heard.li.remove();
    heard = null;
    voiceState.textContent = voice.mic ? t('voice.ready') : '';
  }
  toast(errorText(f), 'error');
  if (f.code === 'llm_unavailable') showEngine('llm', true);
  // The call stays usable where it can: a rejected turn frees the text box.
  if (speaking && !current) setSpeaking(false);
  if (['call_not_found', 'call_ended'].includes(f.code) && !pickedUp && cfg.resume) {
    giveUp(t('call.ended.already'));
  }
}

// ---- connection -----------------------------------------------------------

function wsURL() {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const q = callId
    ? 'resume=' + encodeURIComponent(callId)
    : (cfg.draft ? 'draft=' + encodeURIComponent(cfg.draft) : 'scenario=' + encodeURIComponent(cfg.scenario))
      + '&engine=' + encodeURIComponent(cfg.engine || 'scripted');
  return `${proto}//${location.host}/api/calls/ws?${q}`;
}

function connect() {
  clearTimeout(reconnectTimer);
  reconnectTimer = 0;
  const sock = new WebSocket(wsURL());
  ws = sock;
  sock.addEventListener('message', (ev) => {
    if (ws !== sock) return;
    let frame;
    try {
      frame = JSON.parse(ev.data);
    } catch {
      return;
    }
    if (frame && typeof frame.type === 'string') handle(frame);
  });
  sock.addEventListener('open', () => {
    if (ws === sock) updateComposer();
  });
  sock.addEventListener('close', (ev) => {
    if (ws !== sock) return;
    ws = null;
    updateComposer();
    if (scored) return;
    if (!callId) {
      giveUp(t('call.status.lost'));
      return;
    }
    if (ev.code === closePolicy) {
      // The server says the call cannot be resumed: it ended, or it is not ours.
      ended = true;
      stopTimer();
      checkEnded(true);
      giveUp(t('call.ended.already'));
      return;
    }
    if (ended) {
      // Hung up, but the scorecard did not arrive on this socket: it is on the scorecard page.
      showResultLink();
      return;
    }
    scheduleReconnect();
  });
}

function close() {
  const sock = ws;
  ws = null;
  if (sock) sock.close(1000);
}

function scheduleReconnect() {
  attempts++;
  if (attempts > maxAttempts) {
    giveUp(t('call.lost'));
    return;
  }
  if (current) {
    current.li.remove(); // the resumed call frame carries the whole turn
    current = null;
  }
  const base = Math.min(10000, 400 * 2 ** (attempts - 1));
  const delay = Math.round(base * (0.8 + Math.random() * 0.4));
  setState('reconnecting', t('call.status.reconnecting'));
  showBanner('reconnect', t('call.reconnecting', { n: attempts }));
  reconnectTimer = setTimeout(connect, delay);
  if (attempts > 1) checkEnded();
}

/** checkEnded asks the API whether the call ended while we were away (then there is nothing to resume). */
async function checkEnded(always = false) {
  try {
    const data = await api('GET', '/api/calls/' + encodeURIComponent(callId));
    if (data && data.call && data.call.ended_at && !scored && (always || phone.dataset.state === 'reconnecting')) {
      clearTimeout(reconnectTimer);
      reconnectTimer = 0;
      ended = true;
      stopTimer();
      showResultLink();
    }
  } catch {
    // unreachable or not found: keep trying; giveUp ends it
  }
}

window.addEventListener('online', () => {
  if (reconnectTimer) connect();
});

function giveUp(text) {
  clearTimeout(reconnectTimer);
  reconnectTimer = 0;
  stopTimer();
  setState('lost', t('call.status.lost'));
  const actions = [];
  if (callId && !ended) {
    actions.push(h('button', {
      type: 'button', class: 'btn btn-quiet', onclick: () => { attempts = 0; connect(); },
    }, t('call.reconnect')));
  }
  if (callId) actions.push(h('a', { class: 'btn btn-quiet', href: '/calls/' + encodeURIComponent(callId) }, t('call.score.open')));
  if (!callId) {
    startBox.hidden = false;
    startBtn.disabled = false;
    composer.hidden = true;
  }
  showBanner('lost', text, actions);
}

function showResultLink() {
  setState('ended', t('call.status.ended'));
  $('result-scores').replaceChildren();
  $('result-link').href = '/calls/' + encodeURIComponent(callId);
  result.hidden = false;
  hideBanner();
}

function showBanner(kind, text, actions = []) {
  banner.dataset.kind = kind;
  banner.replaceChildren(h('span', {}, text));
  if (actions.length) banner.append(h('span', { class: 'banner-actions' }, actions));
  banner.hidden = false;
}

function hideBanner() {
  banner.hidden = true;
  delete banner.dataset.kind;
}

/** rememberCall puts ?resume=ID into the address (a reload resumes) and into the language links. */
function rememberCall() {
  const u = new URL(location.href);
  u.searchParams.set('resume', callId);
  history.replaceState(null, '', u.pathname + u.search);
  for (const a of document.querySelectorAll('a.lang-link')) {
    const l = new URL(a.href, location.href);
    l.searchParams.set('resume', callId);
    a.href = l.pathname + l.search;
  }
}

function start() {
  voice.unlock(); // audio may play from this click on
  startBtn.disabled = true;
  startBox.hidden = true;
  // On a narrow screen the brief folds away so that the call fills it.
  const brief = document.getElementById('brief-details');
  if (brief && window.matchMedia('(max-width: 860px)').matches) brief.open = false;
  composer.hidden = false;
  list.hidden = false;
  speaking = true;
  updateComposer();
  input.focus();
  if (!callId) {
    if (!inbound) {
      setState('dialling', t('call.status.dialling'));
      holdUntil = Date.now() + dialHoldMS;
    } else {
      setState('connected', t('call.status.connected'));
    }
  } else {
    setState('reconnecting', t('call.status.reconnecting'));
  }
  connect();
}

startBtn.addEventListener('click', start);

if (inbound && !callId) setState('incoming', t('call.status.incoming'));
if (callId) start(); // ?resume=ID: go straight back into the call
