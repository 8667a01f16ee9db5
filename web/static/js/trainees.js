// Trainer page: create accounts and list them.
import { api, errorText, formatDate, formValues, h, passwordTooShort, showError, t } from './common.js';

const form = document.getElementById('user-form');
const error = document.getElementById('user-error');
const ok = document.getElementById('user-ok');
const listEl = document.getElementById('user-list');

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
  listEl.replaceChildren(...users.map((u) => h('li', { class: 'user-row', 'data-user': u.name },
    h('span', { class: 'avatar avatar-sm', 'aria-hidden': 'true' }, (u.name || '?').slice(0, 1).toUpperCase()),
    h('div', { class: 'user-row-main' },
      h('span', { class: 'user-name' }, u.name),
      h('span', { class: 'muted user-meta' }, [t('role.' + u.role), u.created_at ? formatDate(u.created_at, false) : null,
        u.deactivated_at ? t('trainees.deactivated', { date: formatDate(u.deactivated_at, false) }) : null].filter(Boolean).join(' · '))),
    u.role === 'trainee' ? h('a', { class: 'btn btn-quiet btn-sm', href: '/calls?trainee=' + encodeURIComponent(u.name) }, t('trainees.calls')) : null,
    u.role === 'trainee' && !u.deactivated_at ? deactivateButton(u) : null)));
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
