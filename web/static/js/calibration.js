// Calibration on a call's page (trainers): the computed score beside every
// trainer's own score, a form to give one's own, and a colleague asked to
// score the call blind. A trainer asked to score blind never gets here
// (the server sends them to /calls/{id}/blind and withholds the scores).
import { api, errorText, h, pageData, showError, t } from './common.js';

const section = document.getElementById('calibration');
const box = document.getElementById('calib-body');
const path = '/api/calls/' + encodeURIComponent(pageData.id) + '/ratings';

function tile(who, score, text, cls) {
  return h('div', { class: 'rating ' + (cls || ''), 'data-trainer': who },
    h('div', { class: 'who' }, who),
    score ? h('div', { class: 'rating-scores' },
      h('span', {}, t('score.openness') + ' ', h('strong', {}, String(score.openness))), ' · ',
      h('span', {}, t('score.curiosity') + ' ', h('strong', {}, String(score.curiosity)))) : null,
    text ? h('div', { class: 'muted' }, text) : null);
}

function field(id, label, input) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

/** form builds a form that posts what fill returns and shows the new ratings. */
function form(id, title, fields, button, fill) {
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { class: 'btn btn-primary', type: 'submit' }, button);
  const el = h('form', { id, class: 'form form-grid', novalidate: true }, ...fields, error, h('div', { class: 'form-actions' }, submit));
  el.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!el.reportValidity()) return;
    submit.disabled = true;
    showError(error, '');
    try {
      render(await api('POST', path + fill.path, fill.body(el)));
    } catch (e) {
      showError(error, errorText(e));
      submit.disabled = false;
    }
  });
  return h('div', { class: 'section-gap' }, h('h3', {}, title), el);
}

function scoreInput(id, name) {
  return h('input', { id, name, type: 'number', min: 0, max: 100, step: 1, required: true });
}

function render(data) {
  const items = [tile(t('calib.computed'), data.computed, t('calib.computed.help'), 'rating-computed')];
  for (const r of data.ratings) {
    items.push(r.pending
      ? tile(r.trainer, null, t('calib.pending', { by: r.requested_by }), 'rating-pending')
      : tile(r.trainer, r, r.note));
  }
  const parts = [h('div', { class: 'ratings', id: 'ratings' }, ...items)];
  if (!data.rated) {
    parts.push(form('rating-form', t('calib.yours'), [
      field('rate-openness', t('score.openness'), scoreInput('rate-openness', 'openness')),
      field('rate-curiosity', t('score.curiosity'), scoreInput('rate-curiosity', 'curiosity')),
      field('rate-note', t('calib.note'), h('textarea', { id: 'rate-note', name: 'note', rows: 2, maxlength: 2000 })),
    ], t('calib.submit'), {
      path: '',
      body: (f) => ({ openness: Number.parseInt(f.elements.openness.value, 10), curiosity: Number.parseInt(f.elements.curiosity.value, 10), note: f.elements.note.value }),
    }));
  }
  if (data.can_ask.length > 0) {
    parts.push(form('ask-form', t('calib.ask'), [
      field('ask-trainer', t('calib.colleague'), h('select', { id: 'ask-trainer', name: 'trainer' }, ...data.can_ask.map((n) => h('option', {}, n)))),
      h('p', { class: 'muted' }, t('calib.ask.help')),
    ], t('calib.ask.submit'), { path: '/requests', body: (f) => ({ trainer: f.elements.trainer.value }) }));
  }
  box.replaceChildren(...parts);
  section.hidden = false;
}

async function load() {
  let data;
  try {
    data = await api('GET', path);
  } catch (e) {
    if (e.code === 'not_found') return;
    box.replaceChildren(h('p', { class: 'form-error' }, errorText(e)));
    section.hidden = false;
    return;
  }
  if (data.blind) {
    window.location.replace('/calls/' + encodeURIComponent(pageData.id) + '/blind');
    return;
  }
  if (data.computed) render(data); // a call not scored yet has nothing to calibrate
}

load();
