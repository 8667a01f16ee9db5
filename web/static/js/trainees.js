// Trainer page: create accounts and list them; rename, hand over a
// password reset link, deactivate.
import { api, errorText, formatDate, formValues, h, passwordTooShort, showError, t } from './common.js';

const form = document.getElementById('user-form');
const error = document.getElementById('user-error');
const ok = document.getElementById('user-ok');
const listEl = document.getElementById('user-list');
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
      const link = h('input', { type: 'text', readonly: true, value: r.link, class: 'reset-link', 'aria-label': t('trainees.reset.link', { name: u.name }) });
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
      const box = h('div', { class: 'reset-box', 'data-reset-link': u.name },
        h('p', { class: 'muted' }, t('trainees.reset.hand', { name: u.name, date: formatDate(r.expires_at) })),
        h('div', { class: 'inline-form' }, link, copy));
      main.querySelector('.reset-box')?.remove();
      main.append(box);
      link.select();
    } catch (e) {
      showError(error, errorText(e));
    } finally {
      b.disabled = false;
    }
  });
  return b;
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
  const { name, password, role } = formValues(form);
  showError(ok, '');
  if (!name || !password) {
    showError(error, t('trainees.missing'));
    return;
  }
  if (passwordTooShort(form.elements.password)) {
    showError(error, t('error.invalid_password', { min: form.elements.password.minLength }));
    form.elements.password.focus();
    return;
  }
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  showError(error, '');
  try {
    await api('POST', '/api/users', { name, password, role: role || 'trainee' });
    form.reset();
    showError(ok, t('trainees.created', { name }));
    await load();
    form.elements.name.focus();
  } catch (e) {
    showError(error, errorText(e, { min: form.elements.password.minLength }));
  } finally {
    button.disabled = false;
  }
});

load();
