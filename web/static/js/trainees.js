// Trainer page: create accounts (each with a one-time set-up link the
// trainer hands over; the trainer never types a password) and list them;
// rename, hand over a password reset link, deactivate.
import { api, errorText, formatDate, formValues, h, showError, t } from './common.js';

const form = document.getElementById('user-form');
const error = document.getElementById('user-error');
const ok = document.getElementById('user-ok');
const listEl = document.getElementById('user-list');
const setupEl = document.getElementById('user-setup');
const me = (document.querySelector('.whoami') || {}).textContent;

async function load() {
  let data;
  try {
    data = await api('GET', '/api/users');
  } catch (e) {
    listEl.replaceChildren(h('li', { class: 'form-error' }, errorText(e)));
    return;
  }
  const users = ((data && data.users) || []).slice().sort((a, b) => a.name.localeCompare(b.name));
  if (users.length === 0) {
    listEl.replaceChildren(h('li', { class: 'muted' }, t('trainees.empty')));
    return;
  }
  listEl.replaceChildren(...users.map(userRow));
}

function userRow(u) {
  const active = !u.deactivated_at;
  const mine = u.name === me;
  const nameEl = h('span', { class: 'user-name' }, u.name);
  const main = h('div', { class: 'user-row-main' }, nameEl,
    h('span', { class: 'muted user-meta' }, [t('role.' + u.role), u.created_at ? formatDate(u.created_at, false) : null,
      u.deactivated_at ? t('trainees.deactivated', { date: formatDate(u.deactivated_at, false) }) : null].filter(Boolean).join(' · ')),
    u.groups && u.groups.length > 0
      ? h('span', { class: 'user-groups' }, u.groups.map((g) => h('span', { class: 'tag tag-group' }, g.name)))
      : null);
  const actions = h('div', { class: 'user-actions' },
    u.role === 'trainee' ? h('a', { class: 'btn btn-quiet btn-sm', href: '/review?trainee=' + encodeURIComponent(u.name) }, t('trainees.calls')) : null,
    !mine ? renameButton(u, nameEl) : null,
    active && !mine ? resetButton(u, main) : null,
    u.role === 'trainee' && active ? deactivateButton(u) : null);
  return h('li', { class: 'user-row', 'data-user': u.name },
    h('span', { class: 'avatar avatar-sm', 'aria-hidden': 'true' }, (u.name || '?').slice(0, 1).toUpperCase()),
    main, actions);
}

// renameButton swaps the name for a small form; calls show the new name.
function renameButton(u, nameEl) {
  const b = h('button', { class: 'btn btn-quiet btn-sm', type: 'button', 'data-rename': u.name }, t('trainees.rename'));
  b.addEventListener('click', () => {
    const input = h('input', { type: 'text', value: u.name, maxlength: '64', 'aria-label': t('trainees.newname', { name: u.name }) });
    const f = h('form', { class: 'inline-form' }, input,
      h('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, t('common.save')),
      h('button', { type: 'button', class: 'btn btn-quiet btn-sm', onclick: () => load() }, t('common.cancel')));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const name = input.value.trim();
      showError(error, '');
      try {
        await api('POST', '/api/users/' + encodeURIComponent(u.id) + '/rename', { name });
        showError(error, '');
        showError(ok, t('trainees.renamed', { old: u.name, name }));
        await load();
      } catch (e) {
        showError(error, errorText(e));
      }
    });
    nameEl.replaceWith(f);
    b.disabled = true;
    input.focus();
  });
  return b;
}

// resetButton makes a one-time link with which the account's owner sets
// a new password; the trainer copies it and hands it over.
function resetButton(u, main) {
  const b = h('button', { class: 'btn btn-quiet btn-sm', type: 'button', 'data-reset': u.name }, t('trainees.reset'));
  b.addEventListener('click', async () => {
    b.disabled = true;
    showError(error, '');
    try {
      const r = await api('POST', '/api/users/' + encodeURIComponent(u.id) + '/reset');
      const box = linkBox(r, t('trainees.reset.link', { name: u.name }),
        t('trainees.reset.hand', { name: u.name, date: formatDate(r.expires_at) }));
      box.dataset.resetLink = u.name;
      main.querySelector('.reset-box')?.remove();
      main.append(box);
      box.querySelector('input').select();
    } catch (e) {
      showError(error, errorText(e));
    } finally {
      b.disabled = false;
    }
  });
  return b;
}

// linkBox shows a one-time link (r as the API answers it) to hand over,
// selected, with a copy button and what it does (text).
function linkBox(r, label, text) {
  const link = h('input', { type: 'text', readonly: true, value: r.link, class: 'reset-link', 'aria-label': label });
  const copy = h('button', { type: 'button', class: 'btn btn-sm' }, t('trainees.reset.copy'));
  copy.addEventListener('click', async () => {
    link.select();
    try {
      await navigator.clipboard.writeText(r.link);
      copy.textContent = t('trainees.reset.copied');
    } catch {
      document.execCommand('copy');
    }
  });
  return h('div', { class: 'reset-box' }, h('p', { class: 'muted' }, text), h('div', { class: 'inline-form' }, link, copy));
}

// deactivateButton asks before deactivating: the account can no longer
// log in and its open calls are cut off; its calls stay.
function deactivateButton(u) {
  const b = h('button', { class: 'btn btn-quiet btn-sm', type: 'button', 'data-deactivate': u.name }, t('trainees.deactivate'));
  b.addEventListener('click', async () => {
    if (!window.confirm(t('trainees.deactivate.confirm', { name: u.name }))) return;
    b.disabled = true;
    try {
      await api('POST', '/api/users/' + encodeURIComponent(u.id) + '/deactivate');
      showError(ok, t('trainees.deactivate.done', { name: u.name }));
      await load();
    } catch (e) {
      showError(error, errorText(e));
      b.disabled = false;
    }
  });
  return b;
}

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const { name, role } = formValues(form);
  showError(ok, '');
  if (!name) {
    showError(error, t('trainees.missing'));
    form.elements.name.focus();
    return;
  }
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  showError(error, '');
  setupEl.hidden = true;
  try {
    const r = await api('POST', '/api/users', { name, role: role || 'trainee' });
    form.reset();
    showError(ok, t('trainees.created', { name }));
    const box = linkBox(r.setup_link, t('trainees.setup.link', { name }),
      t('trainees.setup.hand', { name, date: formatDate(r.setup_link.expires_at) }));
    box.dataset.setupLink = name;
    setupEl.replaceChildren(box);
    setupEl.hidden = false;
    box.querySelector('input').select();
    await load();
  } catch (e) {
    showError(error, errorText(e));
    form.elements.name.focus();
  } finally {
    button.disabled = false;
  }
});

load();
