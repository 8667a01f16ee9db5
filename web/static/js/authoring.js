// Trainer page: the scenario list with drafts, published scenarios and the
// shipped templates; copy one to edit, import a file.
import { api, apiText, errorText, formatDate, h, showError, t } from './common.js';

const error = document.getElementById('authoring-error');
const draftList = document.getElementById('draft-list');
const publishedList = document.getElementById('published-list');
const templateList = document.getElementById('template-list');
const importFile = document.getElementById('import-file');
const importProblems = document.getElementById('import-problems');

function empty(el, key) {
  el.replaceChildren(h('li', { class: 'muted' }, t(key)));
}

function row(attrs, main, meta, ...actions) {
  return h('li', Object.assign({ class: 'authoring-row' }, attrs),
    h('div', { class: 'authoring-row-main' }, main, h('span', { class: 'muted authoring-meta' }, meta)),
    h('div', { class: 'authoring-actions' }, actions));
}

function title(text, id) {
  return h('span', { class: 'authoring-name' }, text || t('authoring.untitled'), id ? h('code', { class: 'authoring-id' }, id) : null);
}

// copy makes a draft from a scenario (its template or current version)
// and opens it in the editor.
async function copy(from, template, button) {
  button.disabled = true;
  showError(error, '');
  try {
    const data = await api('POST', '/api/authoring/drafts', { from, template });
    location.assign('/authoring/drafts/' + encodeURIComponent(data.draft.id));
  } catch (e) {
    showError(error, errorText(e, { max: 50 }));
    button.disabled = false;
  }
}

function copyButton(from, template, key) {
  const b = h('button', { class: 'btn btn-quiet btn-sm', type: 'button', 'data-copy': from, 'data-template': template ? 'yes' : 'no' }, t(key));
  b.addEventListener('click', () => copy(from, template, b));
  return b;
}

function exportLink(href) {
  return h('a', { class: 'btn btn-quiet btn-sm', href, download: '' }, t('authoring.export'));
}

async function load() {
  let data;
  try {
    data = await api('GET', '/api/authoring/scenarios');
  } catch (e) {
    showError(error, errorText(e));
    return;
  }
  const drafts = data.drafts || [];
  if (drafts.length === 0) empty(draftList, 'authoring.drafts.empty');
  else draftList.replaceChildren(...drafts.map((d) => row({ 'data-draft': d.id },
    title(d.title, d.scenario_id),
    [t('authoring.draft.by', { name: d.author, date: formatDate(d.updated_at) }),
      d.problems > 0 ? null : t('authoring.draft.ready')].filter(Boolean).join(' · '),
    d.problems > 0 ? h('span', { class: 'tag tag-problems' }, t('authoring.problems', { n: d.problems })) : h('span', { class: 'tag tag-ready' }, t('authoring.ready')),
    h('a', { class: 'btn btn-primary btn-sm', href: '/authoring/drafts/' + encodeURIComponent(d.id) }, t('authoring.edit')))));

  const published = data.published || [];
  if (published.length === 0) empty(publishedList, 'authoring.published.empty');
  else publishedList.replaceChildren(...published.map((s) => row({ 'data-scenario': s.id },
    title(s.title, s.id),
    s.shipped
      ? t('authoring.shipped', { version: s.version.slice(0, 8) })
      : t('authoring.publication', { version: s.version.slice(0, 8), name: s.publisher, date: formatDate(s.published_at), n: s.versions }),
    h('a', { class: 'btn btn-quiet btn-sm', href: '/calls?scenario=' + encodeURIComponent(s.id) }, t('authoring.calls')),
    exportLink('/api/authoring/scenarios/' + encodeURIComponent(s.id) + '/export'),
    copyButton(s.id, false, 'authoring.edit'))));

  const templates = data.templates || [];
  if (templates.length === 0) empty(templateList, 'authoring.templates.empty');
  else templateList.replaceChildren(...templates.map((s) => row({ 'data-template': s.id },
    title(s.title, s.id),
    t('authoring.template', { lang: t('lang.' + s.language), version: s.version.slice(0, 8) }),
    exportLink('/api/authoring/scenarios/' + encodeURIComponent(s.id) + '/export?version=' + encodeURIComponent(s.version)),
    copyButton(s.id, true, 'authoring.copy'))));
}

// An imported file becomes a draft; one that cannot be read is refused
// with its problems, and nothing is kept.
importFile.addEventListener('change', async () => {
  const file = importFile.files && importFile.files[0];
  importFile.value = '';
  if (!file) return;
  showError(error, '');
  importProblems.hidden = true;
  try {
    const text = await file.text();
    const data = await apiText('POST', '/api/authoring/import', text);
    location.assign('/authoring/drafts/' + encodeURIComponent(data.draft.id));
  } catch (e) {
    showError(error, t('authoring.import.refused', { name: file.name, reason: errorText(e, { max: 50 }) }));
    if (e.problems && e.problems.length) {
      importProblems.replaceChildren(h('ul', { class: 'problems', role: 'list' }, e.problems.map((p) =>
        h('li', { class: 'problem' }, h('span', { class: 'problem-at' }, p.line ? `${p.line}:${p.col}` : t('editor.whole')), ' ', p.message))));
      importProblems.hidden = false;
    }
  }
});

load();
