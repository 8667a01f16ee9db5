// Trainer page: groups of trainees (a team, a course, a client): create,
// rename, put trainees in and take them out.
import { api, errorText, formValues, h, showError, t } from './common.js';

const form = document.getElementById('group-form');
const error = document.getElementById('group-error');
const ok = document.getElementById('group-ok');
const listEl = document.getElementById('group-list');
const listError = document.getElementById('groups-error');

let trainees = [];

/** say shows what was done, and no older error. */
function say(text) {
  showError(error, '');
  showError(listError, '');
  showError(ok, text);
}

async function load() {
  let groups;
  try {
    const [g, u] = await Promise.all([api('GET', '/api/groups'), api('GET', '/api/users')]);
    groups = (g && g.groups) || [];
    trainees = ((u && u.users) || []).filter((x) => x.role === 'trainee' && !x.deactivated_at)
      .sort((a, b) => a.name.localeCompare(b.name));
  } catch (e) {
    listEl.replaceChildren(h('p', { class: 'form-error' }, errorText(e)));
    return;
  }
  if (groups.length === 0) {
    listEl.replaceChildren(h('p', { class: 'muted' }, t('groups.empty')));
    return;
  }
  listEl.replaceChildren(...groups.map(groupCard));
}

// groupCard shows one group: its name (renamable), its members (each can
// be taken out) and a choice of trainees to add.
function groupCard(g) {
  const title = h('h3', { class: 'group-name' }, g.name);
  const head = h('div', { class: 'group-head' }, title,
    h('a', { class: 'btn btn-quiet btn-sm', href: '/review?group=' + encodeURIComponent(g.id) }, t('groups.calls')),
    renameButton(g, title));
  const members = g.members.length === 0
    ? h('p', { class: 'muted' }, t('groups.nomembers'))
    : h('ul', { class: 'member-list', role: 'list' }, g.members.map((m) => h('li', { class: 'member', 'data-member': m.name },
      h('span', {}, m.name),
      h('button', {
        type: 'button', class: 'btn btn-quiet btn-sm', 'aria-label': t('groups.remove.label', { name: m.name, group: g.name }),
        onclick: () => change('DELETE', g, m, t('groups.removed', { name: m.name, group: g.name })),
      }, t('groups.remove')))));
  const candidates = trainees.filter((x) => !g.members.some((m) => m.id === x.id));
  const select = h('select', { 'aria-label': t('groups.add.label', { group: g.name }), 'data-add-select': g.name },
    h('option', { value: '' }, t('groups.add.choose')),
    candidates.map((x) => h('option', { value: x.id }, x.name)));
  const add = h('form', { class: 'group-add', 'data-add': g.name },
    select, h('button', { type: 'submit', class: 'btn btn-sm', disabled: candidates.length === 0 }, t('groups.add')));
  add.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const who = trainees.find((x) => String(x.id) === select.value);
    if (who) change('PUT', g, who, t('groups.added', { name: who.name, group: g.name }));
  });
  return h('article', { class: 'group-card', 'data-group': g.name }, head, members, add);
}

async function change(method, g, member, done) {
  showError(listError, '');
  try {
    await api(method, '/api/groups/' + encodeURIComponent(g.id) + '/members/' + encodeURIComponent(member.id));
    say(done);
    await load();
  } catch (e) {
    showError(listError, errorText(e));
  }
}

// renameButton swaps the group's title for a small form.
function renameButton(g, title) {
  const b = h('button', { type: 'button', class: 'btn btn-quiet btn-sm', 'data-rename': g.name }, t('groups.rename'));
  b.addEventListener('click', () => {
    const input = h('input', { type: 'text', value: g.name, maxlength: '80', 'aria-label': t('groups.name') });
    const f = h('form', { class: 'inline-form' }, input,
      h('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, t('common.save')),
      h('button', { type: 'button', class: 'btn btn-quiet btn-sm', onclick: () => load() }, t('common.cancel')));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      showError(listError, '');
      try {
        await api('POST', '/api/groups/' + encodeURIComponent(g.id) + '/rename', { name: input.value.trim() });
        say(t('groups.renamed', { name: input.value.trim() }));
        await load();
      } catch (e) {
        showError(listError, errorText(e));
      }
    });
    title.replaceWith(f);
    b.remove();
    input.focus();
  });
  return b;
}

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const { name } = formValues(form);
  showError(ok, '');
  if (!name) {
    showError(error, t('groups.missing'));
    return;
  }
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  showError(error, '');
  try {
    await api('POST', '/api/groups', { name });
    form.reset();
    say(t('groups.created', { name }));
    await load();
  } catch (e) {
    showError(error, errorText(e));
  } finally {
    button.disabled = false;
  }
});

load();
