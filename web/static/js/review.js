// A trainer's table of calls: filters, sorting and paging are done by the
// server (GET /api/review/calls); the address keeps them, so a reload or a
// shared link shows the same table, and the export links carry the same
// filters ("filtered as on screen").
import { api, errorText, formatDate, formatDuration, h, outcomeText, scoreClass, showError, t } from './common.js';

const form = document.getElementById('review-filters');
const rows = document.getElementById('review-rows');
const count = document.getElementById('review-count');
const error = document.getElementById('review-error');
const prev = document.getElementById('page-prev');
const next = document.getElementById('page-next');
const info = document.getElementById('page-info');
const perPage = 25;

const filterNames = ['trainee', 'group', 'scenario', 'engine', 'outcome', 'from', 'to'];
const params = new URLSearchParams(location.search);
const state = { sort: params.get('sort') || 'started', order: params.get('order') || 'desc', page: Number(params.get('page')) || 1 };

// query is the table's state as the API's query string.
function query(withPage) {
  const q = new URLSearchParams();
  for (const n of filterNames) {
    const v = form.elements[n].value;
    if (v) q.set(n, v);
  }
  if (state.sort !== 'started') q.set('sort', state.sort);
  if (state.order !== 'desc') q.set('order', state.order);
  if (withPage) {
    if (state.page > 1) q.set('page', String(state.page));
    q.set('per_page', String(perPage));
  }
  return q;
}

async function fillChoices() {
  try {
    const [u, g] = await Promise.all([api('GET', '/api/users'), api('GET', '/api/groups')]);
    const trainees = ((u && u.users) || []).filter((x) => x.role === 'trainee').sort((a, b) => a.name.localeCompare(b.name));
    form.elements.trainee.append(...trainees.map((x) => h('option', { value: x.name }, x.name)));
    form.elements.group.append(...((g && g.groups) || []).map((x) => h('option', { value: x.id }, x.name)));
  } catch (e) {
    showError(error, errorText(e));
  }
  for (const n of filterNames) {
    if (params.has(n)) form.elements[n].value = params.get(n);
  }
}

async function load() {
  const q = query(true);
  const filterQ = query(false).toString();
  const shown = withPage(query(false));
  history.replaceState(null, '', '/review' + (shown ? '?' + shown : ''));
  document.getElementById('export-csv').href = '/api/review/calls.csv' + (filterQ ? '?' + filterQ : '');
  document.getElementById('export-json').href = '/api/review/calls.json' + (filterQ ? '?' + filterQ : '');
  markSort();
  let data;
  try {
    data = await api('GET', '/api/review/calls?' + q);
  } catch (e) {
    showError(error, errorText(e));
    return;
  }
  showError(error, '');
  const calls = data.calls || [];
  count.textContent = t('calls.count', { n: data.total });
  if (calls.length === 0) {
    rows.replaceChildren(h('tr', {}, h('td', { colspan: 10, class: 'muted' }, t('review.empty'))));
  } else {
    rows.replaceChildren(...calls.map(row));
  }
  const first = (data.page - 1) * data.per_page + 1;
  const last = first + calls.length - 1;
  info.textContent = data.total === 0 ? '' : t('review.range', { first, last, total: data.total });
  prev.disabled = data.page <= 1;
  next.disabled = last >= data.total;
}

function withPage(q) {
  if (state.page > 1) q.set('page', String(state.page));
  return q.toString();
}

function scoreCell(c, dim) {
  const v = c[dim];
  const computed = c[dim + '_computed'];
  const adjusted = typeof v === 'number' && v !== computed;
  return h('td', { class: 'num' },
    h('span', { class: 'score-chip ' + scoreClass(v) }, typeof v === 'number' ? String(v) : '–'),
    adjusted ? h('span', { class: 'muted adjusted', title: t('review.adjusted.title') }, ' ' + t('review.computed', { n: computed })) : null);
}

function row(c) {
  const version = c.scenario_version ? c.scenario_version.slice(0, 7) : '';
  return h('tr', { 'data-call': c.id },
    h('td', {}, h('a', { href: '/calls/' + encodeURIComponent(c.id) }, c.trainee)),
    h('td', {}, (c.groups || []).join(', ')),
    h('td', {}, c.scenario_title || c.scenario, version ? h('span', { class: 'muted version' }, ' · ' + version) : null),
    h('td', { class: 'nowrap' }, formatDate(c.started_at)),
    h('td', { class: 'num' }, typeof c.duration_ms === 'number' ? formatDuration(c.duration_ms) : '–'),
    h('td', {}, t('engine.' + c.engine)),
    scoreCell(c, 'openness'),
    scoreCell(c, 'curiosity'),
    h('td', {}, outcomeText(c)),
    h('td', {}, c.ended_by ? t('review.endedby.' + c.ended_by) : '–'));
}

// markSort shows the order on the sortable headers, each a button.
function markSort() {
  for (const th of document.querySelectorAll('th[data-sort]')) {
    const on = th.dataset.sort === state.sort;
    th.setAttribute('aria-sort', on ? (state.order === 'asc' ? 'ascending' : 'descending') : 'none');
    const b = th.querySelector('button');
    if (b) b.querySelector('.sort-mark').textContent = on ? (state.order === 'asc' ? ' ▲' : ' ▼') : '';
  }
}

for (const th of document.querySelectorAll('th[data-sort]')) {
  const label = th.textContent;
  const b = h('button', { type: 'button', class: 'sort' }, label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }));
  b.addEventListener('click', () => {
    if (state.sort === th.dataset.sort) state.order = state.order === 'asc' ? 'desc' : 'asc';
    else {
      state.sort = th.dataset.sort;
      state.order = ['trainee', 'scenario'].includes(state.sort) ? 'asc' : 'desc';
    }
    state.page = 1;
    load();
  });
  th.replaceChildren(b);
}

form.addEventListener('change', () => {
  state.page = 1;
  load();
});
form.addEventListener('submit', (ev) => ev.preventDefault());
prev.addEventListener('click', () => { state.page -= 1; load(); });
next.addEventListener('click', () => { state.page += 1; load(); });

fillChoices().then(load);
