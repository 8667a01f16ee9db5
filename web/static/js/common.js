// Shared helpers of the page modules: messages, DOM building, the JSON API,
// toasts. No module touches innerHTML with data; everything is built with h().

/** The page's message catalog, from <script type="application/json" id="i18n">. */
const messages = readJSON('i18n') || {};

/** The page's configuration, from <script type="application/json" id="page-data">. */
export const pageData = readJSON('page-data') || {};

/** The page language ("de" or "en"). */
export const lang = document.documentElement.lang || 'en';

function readJSON(id) {
  const el = document.getElementById(id);
  if (!el) return null;
  try {
    return JSON.parse(el.textContent);
  } catch {
    return null;
  }
}

/**
 * t returns the message for key with {name} placeholders filled from vars.
 * When vars.n is a number and the catalog has key.one/key.other (and
 * optionally key.zero), the plural form is chosen.
 */
export function t(key, vars = {}) {
  let k = key;
  if (typeof vars.n === 'number' && messages[key + '.other'] !== undefined) {
    if (vars.n === 0 && messages[key + '.zero'] !== undefined) k = key + '.zero';
    else if (vars.n === 1 && messages[key + '.one'] !== undefined) k = key + '.one';
    else k = key + '.other';
  }
  const msg = messages[k];
  if (msg === undefined) return key;
  return msg.replace(/\{(\w+)\}/g, (m, name) => (vars[name] === undefined ? m : String(vars[name])));
}

/**
 * h builds an element: h('a', {href: '/x', class: 'btn'}, 'text', child).
 * Attributes with value null/undefined/false are left out; true sets an empty
 * attribute; "on*" functions become listeners. Children may be strings,
 * nodes, arrays or null.
 */
export function h(tag, attrs = {}, ...children) {
  const svg = ['svg', 'path', 'polyline', 'circle', 'line', 'text', 'g', 'title', 'rect', 'desc'].includes(tag);
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** ApiError is a failed API request: the server's code and message (and,
 * for a refused scenario text, its problems). */
export class ApiError extends Error {
  constructor(status, code, message, problems) {
    super(message);
    this.status = status;
    this.code = code;
    this.problems = problems || [];
  }
}

/**
 * api calls the JSON API and returns the parsed body (null for 204). It
 * throws an ApiError with the server's code and message, or with code
 * "network" when the server cannot be reached.
 */
export async function api(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return send(path, init);
}

/** apiText is api with a scenario text as the raw body (text/yaml). */
export async function apiText(method, path, text, signal) {
  return send(path, {
    method, credentials: 'same-origin', signal,
    headers: { Accept: 'application/json', 'Content-Type': 'text/yaml; charset=utf-8' }, body: text,
  });
}

async function send(path, init) {
  // The answer's words (a scenario's problems) in the page's language.
  init.headers['Accept-Language'] = lang;
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', t('error.network'));
  }
  if (res.status === 204) return null;
  let data = null;
  try {
    data = await res.json();
  } catch {
    data = null;
  }
  if (!res.ok) {
    const e = (data && data.error) || {};
    throw new ApiError(res.status, e.code || 'http_' + res.status, e.message || res.statusText, e.problems);
  }
  return data;
}

/**
 * errorText says what went wrong in the page language: the catalog's text
 * for the error code (error.<code>) where there is one, else the server's
 * message.
 */
export function errorText(e, vars = {}) {
  const key = 'error.' + (e && e.code);
  return messages[key] !== undefined ? t(key, vars) : (e && e.message) || String(e);
}

/** passwordTooShort checks a new password against the field's minlength. */
export function passwordTooShort(input) {
  return input.minLength > 0 && [...input.value].length < input.minLength;
}

/**
 * newPasswordOK checks a form's new password (fields password and
 * password2) before it is sent: long enough, typed the same twice. It
 * shows what is wrong in the error paragraph and focuses the field.
 */
export function newPasswordOK(form, error) {
  const { password, password2 } = form.elements;
  if (passwordTooShort(password)) {
    showError(error, t('error.invalid_password', { min: password.minLength }));
    password.focus();
    return false;
  }
  if (password.value !== password2.value) {
    showError(error, t('setup.mismatch'));
    password2.focus();
    return false;
  }
  return true;
}

/** toast shows a short, non-blocking message that goes away by itself. */
export function toast(text, kind = 'info', ms = 6000) {
  const box = document.getElementById('toasts');
  if (!box) return;
  const close = h('button', { type: 'button', class: 'toast-close', 'aria-label': t('common.dismiss') }, '×');
  const el = h('div', { class: 'toast toast-' + kind }, h('span', {}, text), close);
  const remove = () => el.remove();
  close.addEventListener('click', remove);
  box.append(el);
  setTimeout(remove, ms);
}

/** showError puts an error text into a form's alert paragraph. */
export function showError(el, text) {
  el.textContent = text;
  el.hidden = !text;
}

/** formatDate formats an RFC 3339 time in the page language. */
export function formatDate(iso, withTime = true) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const opts = withTime
    ? { dateStyle: 'medium', timeStyle: 'short' }
    : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(lang, opts).format(d);
}

/** formatDuration formats milliseconds as m:ss (or h:mm:ss). */
export function formatDuration(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** outcomeText says how a call ended, in words. */
export function outcomeText(call) {
  if (!call || !call.ended_at) return t('outcome.open');
  const o = t('outcome.' + (call.outcome || 'polite_end'));
  if (call.outcome === 'next_step' && call.next_step) {
    const step = t('nextstep.' + call.next_step);
    return t('outcome.with', { outcome: o, step: step.startsWith('nextstep.') ? call.next_step : step });
  }
  return o;
}

/** scoreClass buckets a 0–100 score for colouring. */
export function scoreClass(v) {
  if (typeof v !== 'number') return 'score-none';
  if (v >= 70) return 'score-high';
  if (v >= 40) return 'score-mid';
  return 'score-low';
}

/** formValues returns a form's named fields as an object of trimmed strings (passwords untrimmed). */
export function formValues(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    out[el.name] = el.type === 'password' ? el.value : el.value.trim();
  }
  return out;
}
