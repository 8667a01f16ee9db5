// Trainer page: a draft's YAML editor. The text is checked as it is typed
// (a debounced POST to /api/authoring/validate); each problem is listed as
// line:col: message and its line marked in the gutter. From here a draft
// is saved, its own tests run, called as a test call, published as a new
// version, exported or deleted. Beside the YAML, the same draft shows as
// a form (authoring-form.js), whose edits the server writes into the YAML.
import { createForm } from './authoring-form.js';
import { api, apiText, errorText, formatDate, h, pageData as cfg, showError, t } from './common.js';

const id = cfg.draft;
const base = '/api/authoring/drafts/' + encodeURIComponent(id);
const $ = (x) => document.getElementById(x);
const text = $('yaml');
const gutter = $('gutter');
const problemsEl = $('problems');
const state = $('editor-state');
const error = $('editor-error');
const ok = $('editor-ok');
const checkDelay = 400; // ms after the last key before the text is checked

let saved = '';      // the text as last saved
let problems = [];   // of the text as last checked
let checked = null;  // the text those problems belong to
let checking = null; // the AbortController of the check in flight
let timer = 0;
let busy = false;
let gone = false;    // published or deleted: nothing more to do here
let revision = '';   // the server's name of the saved text: saves, form edits and publishing send it back
let formData = null; // the form of the text as last checked (null: unreadable)

const dirty = () => text.value !== saved;

// ---- gutter ---------------------------------------------------------------

let gutterKey = '';

function renderGutter() {
  const lines = text.value.split('\n').length;
  const bad = new Map();
  for (const p of problems) {
    if (p.line > 0) bad.set(p.line, (bad.has(p.line) ? bad.get(p.line) + '\n' : '') + `${p.line}:${p.col}: ${p.message}`);
  }
  const key = lines + '|' + [...bad.keys()].join(',');
  if (key !== gutterKey) {
    gutterKey = key;
    const rows = [];
    for (let i = 1; i <= lines; i++) {
      rows.push(h('div', bad.has(i) ? { class: 'gl gl-bad', title: bad.get(i), 'data-line': i } : { class: 'gl' }, String(i)));
    }
    gutter.replaceChildren(...rows);
  }
  gutter.scrollTop = text.scrollTop;
}

text.addEventListener('scroll', () => { gutter.scrollTop = text.scrollTop; });

// ---- problems -------------------------------------------------------------

function goTo(line, col) {
  const lines = text.value.split('\n');
  let at = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length); i++) at += lines[i].length + 1;
  at += Math.max(0, (col || 1) - 1);
  text.focus();
  text.setSelectionRange(at, at);
  const lh = parseFloat(getComputedStyle(text).lineHeight) || 20;
  text.scrollTop = Math.max(0, (line - 3) * lh);
}

function renderProblems() {
  if (problems.length === 0) {
    problemsEl.replaceChildren(h('li', { class: 'problems-none' }, t('editor.problems.none')));
  } else {
    problemsEl.replaceChildren(...problems.map((p) => {
      const at = p.line ? `${p.line}:${p.col}` : t('editor.whole');
      const li = h('li', { class: 'problem', 'data-line': p.line || null },
        p.line ? h('button', { type: 'button', class: 'problem-at', title: t('editor.goto') }, at) : h('span', { class: 'problem-at' }, at),
        ' ', h('span', { class: 'problem-msg' }, p.message));
      const b = li.querySelector('button');
      const i = problems.indexOf(p);
      if (b) {
        b.addEventListener('click', () => {
          if (view === 'form' && form.focusProblem(i)) return;
          showView('yaml');
          goTo(p.line, p.col);
        });
      }
      return li;
    }));
  }
  if (!gone) form.render(formData, problems);
  renderGutter();
  renderState();
}

function renderState() {
  let key = 'editor.state.saved';
  let cls = 'tag tag-ready';
  if (gone) {
    key = 'editor.state.gone';
    cls = 'tag';
  } else if (checked === text.value && problems.length > 0) {
    state.textContent = t('authoring.problems', { n: problems.length }) + (dirty() ? ' · ' + t('editor.state.unsaved') : '');
    state.className = 'tag tag-problems';
    updateButtons();
    return;
  } else if (dirty()) {
    key = 'editor.state.unsaved';
    cls = 'tag tag-unsaved';
  }
  state.textContent = t(key);
  state.className = cls;
  updateButtons();
}

function updateButtons() {
  const valid = checked === text.value && problems.length === 0;
  $('save').disabled = gone || busy || !dirty();
  for (const b of [$('run-tests'), $('test-call'), $('publish')]) b.disabled = gone || busy || !valid;
  $('delete').disabled = gone || busy;
}

// check asks the server for the problems of the text as it is now.
async function check() {
  clearTimeout(timer);
  timer = 0;
  if (checking) checking.abort();
  const ctl = new AbortController();
  checking = ctl;
  const sent = text.value;
  try {
    const data = await apiText('POST', '/api/authoring/validate', sent, ctl.signal);
    if (checking !== ctl) return;
    problems = data.problems || [];
    checked = sent;
    formData = data.form || null;
    if (data.title) $('editor-title').textContent = data.title;
    showError(error, '');
  } catch (e) {
    if (e && e.name === 'AbortError') return;
    showError(error, errorText(e));
  } finally {
    if (checking === ctl) checking = null;
  }
  renderProblems();
}

text.addEventListener('input', () => {
  showError(ok, '');
  clearTimeout(timer);
  timer = setTimeout(check, checkDelay);
  renderGutter();
  renderState();
});

// Tab indents with two spaces: YAML does not take tabs.
text.addEventListener('keydown', (ev) => {
  if (ev.key !== 'Tab' || ev.shiftKey || ev.ctrlKey || ev.altKey || ev.metaKey) return;
  ev.preventDefault();
  text.setRangeText('  ', text.selectionStart, text.selectionEnd, 'end');
  text.dispatchEvent(new Event('input'));
});

// ---- actions --------------------------------------------------------------

function showDraft(d) {
  $('editor-title').textContent = d.title || t('authoring.untitled');
  $('editor-meta').textContent = [d.scenario_id, t('authoring.draft.by', { name: d.author, date: formatDate(d.updated_at) })].filter(Boolean).join(' · ');
}

// save stores the text when it changed; the server checks it too.
async function save() {
  if (!dirty()) return true;
  const sent = text.value;
  try {
    const data = await apiText('PUT', base + '?revision=' + encodeURIComponent(revision), sent);
    saved = sent;
    revision = data.revision;
    problems = data.problems || [];
    checked = sent;
    formData = data.form || null;
    showDraft(data.draft);
    renderProblems();
    return true;
  } catch (e) {
    if (!showConflict(e, sent)) showError(error, errorText(e));
    return false;
  }
}

// showText takes a draft's text as the server has it now (after a form
// edit): nothing typed is lost, as the text was saved before the edit.
function showText(data) {
  clearTimeout(timer);
  timer = 0;
  if (checking) checking.abort();
  checking = null;
  saved = data.text || '';
  text.value = saved;
  revision = data.revision;
  problems = data.problems || [];
  checked = saved;
  formData = data.form || null;
  showDraft(data.draft);
  renderProblems();
}

// editForm writes one form edit into the draft, on the server, after
// saving what was typed in the YAML.
async function editForm(edit) {
  while (busy && !gone) await new Promise((r) => { setTimeout(r, 100); });
  if (gone) return;
  busy = true;
  updateButtons();
  showError(error, '');
  showError(ok, '');
  try {
    if (await save()) showText(await api('POST', base + '/form', { revision, edits: [edit] }));
  } catch (e) {
    if (!showConflict(e, text.value)) showError(error, errorText(e, { message: e.message }));
  } finally {
    busy = false;
    renderState();
  }
}

const form = createForm($('form'), editForm);

// ---- a draft changed elsewhere ------------------------------------------------

// When the draft was saved elsewhere (another window, another trainer, on
// any server) since this page had it, the server refuses the save, form
// edit or publication (draft_changed). The trainer's text is kept in the
// conflict box, to copy from, and the newer version is loaded on request.
const conflictBox = $('conflict');
const mine = $('conflict-mine');

function showConflict(e, theirText) {
  if (!e || e.code !== 'draft_changed') return false;
  showError(error, '');
  mine.value = theirText;
  $('conflict-text').textContent = t('editor.conflict.text');
  $('conflict-reload').hidden = false;
  $('conflict-copied').textContent = '';
  conflictBox.hidden = false;
  conflictBox.scrollIntoView({ block: 'nearest' });
  $('conflict-reload').focus();
  return true;
}

$('conflict-reload').addEventListener('click', async () => {
  if (busy) return;
  busy = true;
  updateButtons();
  try {
    showText(await api('GET', base));
    $('conflict-text').textContent = t('editor.conflict.reloaded');
    $('conflict-reload').hidden = true;
    mine.focus();
  } catch (e) {
    showError(error, errorText(e));
  } finally {
    busy = false;
    renderState();
  }
});

$('conflict-copy').addEventListener('click', async () => {
  mine.focus();
  mine.select();
  let copied = false;
  try {
    if (navigator.clipboard) { await navigator.clipboard.writeText(mine.value); copied = true; }
  } catch { /* not allowed here: the text stays selected to copy by hand */ }
  if (!copied) { try { copied = document.execCommand('copy'); } catch { copied = false; } }
  $('conflict-copied').textContent = copied ? t('editor.conflict.copied') : '';
});

$('conflict-close').addEventListener('click', () => { conflictBox.hidden = true; });

// ---- the two views: form and YAML ------------------------------------------

const viewKey = 'openline.editor.view';
let view = 'yaml';

function showView(v) {
  view = v === 'form' ? 'form' : 'yaml';
  for (const [name, tab, panel] of [['form', $('tab-form'), $('form-view')], ['yaml', $('tab-yaml'), $('yaml-view')]]) {
    const on = name === view;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    tab.classList.toggle('is-active', on);
    panel.hidden = !on;
  }
  try { localStorage.setItem(viewKey, view); } catch { /* private mode */ }
  if (view === 'yaml') renderGutter();
}

for (const tab of [$('tab-form'), $('tab-yaml')]) {
  tab.addEventListener('click', () => showView(tab.id === 'tab-form' ? 'form' : 'yaml'));
  tab.addEventListener('keydown', (ev) => {
    if (ev.key !== 'ArrowLeft' && ev.key !== 'ArrowRight') return;
    ev.preventDefault();
    showView(view === 'form' ? 'yaml' : 'form');
    $(view === 'form' ? 'tab-form' : 'tab-yaml').focus();
  });
}

try { showView(localStorage.getItem(viewKey) || 'yaml'); } catch { showView('yaml'); }

// act runs one action with the buttons off, after saving.
async function act(fn) {
  if (busy) return;
  busy = true;
  updateButtons();
  showError(error, '');
  showError(ok, '');
  try {
    if (await save()) await fn();
  } catch (e) {
    if (showConflict(e, text.value)) return;
    showError(error, errorText(e));
    if (e.problems && e.problems.length) {
      problems = e.problems;
      checked = text.value;
      renderProblems();
    }
  } finally {
    busy = false;
    renderState();
  }
}

$('save').addEventListener('click', () => act(async () => {
  showError(ok, t('editor.saved'));
}));

$('run-tests').addEventListener('click', () => act(async () => {
  $('tests-summary').textContent = t('editor.results.running');
  const res = await api('POST', base + '/tests');
  const summary = $('tests-summary');
  summary.textContent = t('editor.results.summary', { passed: res.passed, failed: res.failed });
  summary.className = res.failed > 0 ? 'tests-failed' : 'tests-passed';
  const out = $('tests-output');
  out.textContent = res.output;
  out.hidden = !res.output;
}));

$('test-call').addEventListener('click', () => act(async () => {
  location.assign('/authoring/drafts/' + encodeURIComponent(id) + '/call');
}));

$('publish').addEventListener('click', () => act(async () => {
  if (!window.confirm(t('editor.publish.confirm'))) return;
  const res = await api('POST', base + '/publish', { revision });
  gone = true;
  text.disabled = true;
  $('form').replaceChildren(h('p', { class: 'form-notice' }, t('editor.gone')));
  problemsEl.replaceChildren(h('li', { class: 'muted' }, t('editor.gone')));
  showError(ok, t('editor.published', { id: res.scenario, version: res.version.slice(0, 8) }));
  window.scrollTo(0, 0);
  ok.append(' ', h('a', { href: '/authoring' }, t('editor.back')));
}));

$('export').addEventListener('click', async (ev) => {
  if (!dirty()) return; // the link downloads the saved text
  ev.preventDefault();
  await act(async () => { location.assign(base + '/export'); });
});

$('delete').addEventListener('click', () => act(async () => {
  if (!window.confirm(t('editor.delete.confirm'))) return;
  await api('DELETE', base);
  gone = true;
  location.assign('/authoring');
}));

window.addEventListener('beforeunload', (ev) => {
  if (!gone && dirty()) ev.preventDefault();
});

// ---- start ----------------------------------------------------------------

async function start() {
  $('export').href = base + '/export';
  try {
    const data = await api('GET', base);
    text.disabled = false;
    showText(data);
  } catch (e) {
    showError(error, errorText(e));
    problemsEl.replaceChildren();
    gone = true;
    renderState();
  }
}

start();
