// "My calls": the history with the scores over time. A trainer sees every
// call and filters by trainee and scenario.
import { api, formatDate, h, outcomeText, pageData, scoreClass, t } from './common.js';

/** chartMax is how many scored calls the chart shows, the newest. */
const chartMax = 30;

const chart = document.getElementById('chart');
const listEl = document.getElementById('call-list');
const count = document.getElementById('calls-count');
const filters = document.getElementById('filters');

const state = { trainee: pageData.trainee || '', scenario: pageData.scenario || '' };
const titles = new Map((pageData.scenarios || []).map((s) => [s.id, s.title]));

async function load() {
  const q = new URLSearchParams();
  if (state.trainee) q.set('trainee', state.trainee);
  if (state.scenario) q.set('scenario', state.scenario);
  let data;
  try {
    data = await api('GET', '/api/calls' + (q.toString() ? '?' + q : ''));
  } catch (e) {
    chart.replaceChildren(h('p', { class: 'form-error' }, t('common.error', { message: e.message })));
    listEl.replaceChildren();
    return;
  }
  const calls = (data && data.calls) || [];
  renderChart(calls);
  renderList(calls);
}

// ---- chart -----------------------------------------------------------------

function renderChart(calls) {
  const scored = calls.filter((c) => typeof c.openness === 'number' && typeof c.curiosity === 'number')
    .slice(0, chartMax).reverse(); // oldest first
  if (scored.length === 0) {
    chart.replaceChildren(h('p', { class: 'muted' }, t('calls.chart.empty')));
    return;
  }
  const W = 640;
  const H = 200;
  const left = 34;
  const right = 12;
  const top = 12;
  const bottom = 26;
  const x = (i) => (scored.length === 1 ? left + (W - left - right) / 2 : left + (i * (W - left - right)) / (scored.length - 1));
  const y = (v) => top + ((100 - v) * (H - top - bottom)) / 100;
  const grid = [0, 50, 100].map((v) => h('g', { class: 'grid' },
    h('line', { x1: left, x2: W - right, y1: y(v), y2: y(v) }),
    h('text', { x: left - 8, y: y(v) + 4, 'text-anchor': 'end' }, String(v))));
  const series = ['openness', 'curiosity'].map((dim) => {
    const pts = scored.map((c, i) => `${x(i).toFixed(1)},${y(c[dim]).toFixed(1)}`).join(' ');
    return h('g', { class: 'series series-' + dim },
      scored.length > 1 ? h('polyline', { points: pts, fill: 'none' }) : null,
      scored.map((c, i) => h('circle', { cx: x(i).toFixed(1), cy: y(c[dim]).toFixed(1), r: 4 },
        h('title', {}, `${t('score.' + dim)} ${c[dim]} · ${c.scenario_title || titles.get(c.scenario) || c.scenario} · ${formatDate(c.started_at)}`))));
  });
  const first = scored[0];
  const last = scored[scored.length - 1];
  const dates = h('g', { class: 'grid' },
    h('text', { x: x(0), y: H - 4, 'text-anchor': scored.length === 1 ? 'middle' : 'start' }, formatDate(first.started_at, false)),
    scored.length > 1 ? h('text', { x: x(scored.length - 1), y: H - 4, 'text-anchor': 'end' }, formatDate(last.started_at, false)) : null);
  const svg = h('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart-svg', role: 'img', 'aria-label': t('calls.chart.label', { n: scored.length }) },
    grid, dates, series);
  const legend = h('ul', { class: 'legend-list', role: 'list' },
    ['openness', 'curiosity'].map((dim) => h('li', { class: 'legend-' + dim }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), t('score.' + dim))));
  chart.replaceChildren(svg, legend);
}

// ---- list ------------------------------------------------------------------

function renderList(calls) {
  count.textContent = t('calls.count', { n: calls.length });
  if (calls.length === 0) {
    listEl.replaceChildren(h('li', { class: 'card empty-state' },
      h('p', {}, t('calls.empty')), h('p', {}, h('a', { class: 'btn btn-primary', href: '/' }, t('nav.scenarios')))));
    return;
  }
  listEl.replaceChildren(...calls.map((c) => {
    const titleText = c.scenario_title || titles.get(c.scenario) || c.scenario;
    const href = '/calls/' + encodeURIComponent(c.id);
    return h('li', { class: 'card call-row', 'data-call': c.id },
      h('div', { class: 'call-row-main' },
        h('h3', { class: 'call-row-title' }, h('a', { href, class: 'stretched' }, titleText)),
        h('p', { class: 'muted call-row-meta' },
          [formatDate(c.started_at), pageData.trainer && c.trainee ? c.trainee : null, outcomeText(c)].filter(Boolean).join(' · '))),
      h('div', { class: 'call-row-scores' }, pill('openness', c.openness), pill('curiosity', c.curiosity)));
  }));
}

function pill(dim, v) {
  return h('span', { class: 'pill ' + scoreClass(v) },
    h('span', { class: 'pill-label' }, t('score.' + dim)),
    h('span', { class: 'pill-value' }, typeof v === 'number' ? String(v) : '–'));
}

// ---- trainer filters ---------------------------------------------------------

async function setupFilters() {
  if (!filters) return;
  const tSel = filters.elements.trainee;
  const sSel = filters.elements.scenario;
  for (const s of pageData.scenarios || []) sSel.append(h('option', { value: s.id }, s.title));
  sSel.value = state.scenario;
  try {
    const data = await api('GET', '/api/users');
    for (const u of (data && data.users) || []) {
      if (u.role === 'trainee') tSel.append(h('option', { value: u.name }, u.name));
    }
  } catch {
    // the list still works without the names
  }
  if (state.trainee && ![...tSel.options].some((o) => o.value === state.trainee)) {
    tSel.append(h('option', { value: state.trainee }, state.trainee));
  }
  tSel.value = state.trainee;
  filters.addEventListener('change', () => {
    state.trainee = tSel.value;
    state.scenario = sSel.value;
    const q = new URLSearchParams();
    if (state.trainee) q.set('trainee', state.trainee);
    if (state.scenario) q.set('scenario', state.scenario);
    history.replaceState(null, '', '/calls' + (q.toString() ? '?' + q : ''));
    load();
  });
  filters.addEventListener('submit', (ev) => ev.preventDefault());
}

setupFilters();
load();
