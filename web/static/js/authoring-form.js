// The authoring form: a draft's scenario heading, persona, facts, hidden
// needs and objections as fields, beside the YAML editor (editor.js). The
// form is drawn from what the server read in the YAML (the "form" of a
// check or a save) and never edits the text itself: each change is one
// edit ({section, row, field, value}, or a row added or removed) that the
// server writes into the YAML, keeping comments and everything else. Each
// field shows the problems the server placed at it, as line:col: message.
import { h, t } from './common.js';

/** The number of text rows a list field shows at least and at most. */
const minRows = 2;
const maxRows = 10;
/** About how many characters fit a row of a wide text field. */
const charsPerRow = 75;

/**
 * createForm draws forms into root. onEdit(edit) is called with each edit
 * the trainer makes; it returns a promise settled once the edit is
 * written (the form is then drawn again from the answer).
 */
export function createForm(root, onEdit) {
  const open = new Set(); // "section/row" of the rows shown opened
  let form = null;
  let problems = [];

  // render draws form f (null: the YAML is unreadable) with its problems,
  // keeping the focus, the caret and any text typed but not yet sent in
  // the field that has the focus.
  function render(f, ps) {
    form = f;
    problems = ps || [];
    const active = document.activeElement;
    let keep = null;
    if (active && root.contains(active) && active.dataset.key) {
      keep = { key: active.dataset.key, value: active.value, typed: active.value !== active.dataset.shown, start: active.selectionStart, end: active.selectionEnd };
    }
    if (!form) {
      root.replaceChildren(h('p', { class: 'form-notice', role: 'note' }, t('form.unreadable')));
      return;
    }
    root.replaceChildren(...form.sections.map(section));
    if (keep) {
      const el = root.querySelector(`[data-key="${CSS.escape(keep.key)}"]`);
      if (el) {
        if (keep.typed && 'value' in el && el.type !== 'checkbox') {
          el.value = keep.value;
          // The browser sends no change for a value it did not see typed:
          // leaving the field sends it.
          el.addEventListener('blur', () => {
            if (el.value !== el.dataset.shown) el.dispatchEvent(new Event('change'));
          }, { once: true });
        }
        el.focus();
        try {
          if (keep.start !== null && keep.start !== undefined) el.setSelectionRange(keep.start, keep.end);
        } catch { /* not a text field */ }
      }
    }
  }

  // Edits are sent one after the other, in the order they were made, so
  // that one made while another is on its way is not lost.
  let queue = Promise.resolve();
  let waiting = 0;

  function send(edit) {
    waiting++;
    root.classList.add('is-busy');
    queue = queue.then(() => onEdit(edit)).catch(() => {}).finally(() => {
      waiting--;
      if (waiting === 0) root.classList.remove('is-busy');
    });
  }

  function messages(indexes) {
    if (!indexes || indexes.length === 0) return null;
    return h('ul', { class: 'field-problems', role: 'list' }, indexes.map((i) => {
      const p = problems[i];
      if (!p) return null;
      return h('li', { class: 'field-problem' }, h('span', { class: 'problem-at' }, `${p.line}:${p.col}`), ' ', p.message);
    }));
  }

  function section(s) {
    const head = h('div', { class: 'form-section-head' },
      h('h3', { id: 'form-' + s.name }, t('form.section.' + s.name)),
      s.list && s.editable ? h('button', {
        type: 'button', class: 'btn btn-quiet btn-sm', 'data-add': s.name,
        onclick: () => { open.add(s.name + '/' + s.rows.length); send({ op: 'add', section: s.name }); },
      }, '+ ' + t('form.add.' + s.name)) : null);
    const help = s.list ? h('p', { class: 'muted form-help' }, t('form.section.' + s.name + '.help')) : null;
    const body = [];
    if (!s.editable) {
      body.push(h('p', { class: 'form-notice' }, t('form.yaml_only')));
    } else if (s.list && s.rows.length === 0) {
      body.push(h('p', { class: 'muted form-empty' }, t('form.empty')));
    } else if (s.list) {
      body.push(h('div', { class: 'form-rows' }, s.rows.map((r, i) => listRow(s, r, i))));
    } else {
      body.push(fields(s, s.rows[0], 0));
    }
    return h('section', { class: 'form-section', 'data-section': s.name, 'aria-labelledby': 'form-' + s.name },
      head, help, messages(s.problems), body);
  }

  function rowTitle(s, r) {
    const first = r.fields[0];
    const name = typeof first.value === 'string' && first.value.trim() ? first.value : t('form.row.unnamed');
    return name;
  }

  function rowProblemCount(r) {
    return r.problems.length + r.fields.reduce((n, f) => n + f.problems.length, 0);
  }

  function listRow(s, r, i) {
    const key = s.name + '/' + i;
    const bad = rowProblemCount(r);
    const summary = h('summary', { class: 'form-row-summary' },
      h('span', { class: 'form-row-name' }, rowTitle(s, r)),
      bad > 0 ? h('span', { class: 'tag tag-problems' }, t('authoring.problems', { n: bad })) : null);
    const d = h('details', { class: 'form-row', 'data-row': key }, summary,
      r.editable ? fields(s, r, i) : h('p', { class: 'form-notice' }, t('form.yaml_only')),
      h('div', { class: 'form-row-actions' },
        h('button', {
          type: 'button', class: 'btn btn-quiet btn-sm btn-danger', 'data-remove': key,
          onclick: () => {
            if (!window.confirm(t('form.remove.confirm', { name: rowTitle(s, r) }))) return;
            // The rows after it move up one.
            const moved = [...open].filter((k) => k.startsWith(s.name + '/'));
            for (const k of moved) open.delete(k);
            for (const k of moved) {
              const n = Number(k.slice(s.name.length + 1));
              if (n > i) open.add(s.name + '/' + (n - 1));
            }
            send({ op: 'remove', section: s.name, row: i });
          },
        }, t('form.remove'))));
    if (open.has(key)) d.open = true;
    d.addEventListener('toggle', () => { if (d.open) open.add(key); else open.delete(key); });
    return d;
  }

  function fields(s, r, i) {
    return h('div', { class: 'form-fields' }, messages(r.problems), r.fields.map((f) => field(s, i, f)));
  }

  function field(s, row, f) {
    const key = `${s.name}/${row}/${f.name}`;
    const id = 'f-' + key.replace(/[^a-z0-9_-]/gi, '-');
    const label = t('form.field.' + f.name);
    const bad = f.problems.length > 0;
    const errId = bad ? id + '-problems' : null;
    const set = (value) => send({ section: s.name, row, field: f.name, value });
    const common = { id, 'data-key': key, 'aria-invalid': bad ? 'true' : null, 'aria-describedby': errId, disabled: !f.editable };
    let control;
    let group = false;
    switch (f.type) {
      case 'text': {
        control = h('input', { ...common, type: 'text', class: 'input', value: f.value ?? '', required: f.required, autocomplete: 'off' });
        break;
      }
      case 'int': {
        control = h('input', { ...common, type: 'number', class: 'input input-num', min: f.min, max: f.max, step: 1, value: f.value ?? '' });
        break;
      }
      case 'para': {
        control = h('textarea', { ...common, class: 'input', rows: rowsFor(String(f.value ?? '').split('\n')), required: f.required });
        control.value = f.value ?? '';
        break;
      }
      case 'lines': {
        const lines = Array.isArray(f.value) ? f.value : [];
        // A free row to add to when there are lines already.
        control = h('textarea', { ...common, class: 'input form-lines', rows: rowsFor(lines) + (lines.length >= minRows ? 1 : 0), wrap: 'soft' });
        control.value = lines.join('\n');
        break;
      }
      case 'choice': {
        const opts = [...f.options];
        if (typeof f.value === 'string' && f.value && !opts.includes(f.value)) opts.push(f.value);
        control = h('select', { ...common, class: 'input' },
          f.value ? null : h('option', { value: '' }, '—'),
          opts.map((o) => h('option', { value: o, selected: o === f.value }, optionLabel(f.name, o))));
        break;
      }
      case 'bool': {
        control = h('input', { ...common, type: 'checkbox', checked: f.value === true });
        control.addEventListener('change', () => set(control.checked));
        return h('div', { class: 'field field-check' + (bad ? ' field-bad' : '') },
          h('label', { for: id }, control, ' ', label, keyHint(f.name)), withId(messages(f.problems), errId));
      }
      case 'acts': {
        group = true;
        const chosen = new Set(Array.isArray(f.value) ? f.value : []);
        const boxes = f.options.map((a) => {
          const box = h('input', { type: 'checkbox', value: a, checked: chosen.has(a), disabled: !f.editable, 'data-key': key + '/' + a });
          box.addEventListener('change', () => {
            const now = f.options.filter((o) => (o === a ? box.checked : chosen.has(o)));
            set(now);
          });
          return h('label', { class: 'act', title: a }, box, ' ', t('form.act.' + a));
        });
        control = h('div', { class: 'acts', id, 'data-key': key, 'aria-invalid': bad ? 'true' : null }, boxes);
        break;
      }
      default:
        return null;
    }
    if (!group) {
      control.dataset.shown = control.value;
      control.addEventListener('change', () => {
        control.dataset.shown = control.value;
        if (f.type === 'lines') set(control.value.split('\n'));
        else if (f.type === 'int') set(control.value === '' ? null : Number(control.value));
        else set(control.value);
      });
    }
    const hint = f.type === 'lines' ? h('span', { class: 'field-hint' }, t('form.lines')) : null;
    const problemsEl = withId(messages(f.problems), errId);
    if (group) {
      return h('fieldset', { class: 'field field-acts' + (bad ? ' field-bad' : ''), 'aria-describedby': errId },
        h('legend', {}, label, keyHint(f.name)), control, problemsEl);
    }
    const short = f.type === 'int' || f.type === 'choice' || ['id', 'key', 'name', 'role', 'tts_voice'].includes(f.name);
    return h('div', { class: 'field' + (bad ? ' field-bad' : '') + (short ? ' field-short' : '') },
      h('label', { for: id }, label, f.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null, keyHint(f.name)),
      control, hint, problemsEl,
      f.editable ? null : h('span', { class: 'field-hint' }, t('form.yaml_only')));
  }

  /** rowsFor is how many rows of text show lines, as they wrap in the field. */
  function rowsFor(lines) {
    const wraps = lines.reduce((n, l) => n + Math.max(1, Math.ceil(l.length / charsPerRow)), 0);
    return Math.min(maxRows, Math.max(minRows, wraps));
  }

  function withId(el, id) {
    if (el && id) el.id = id;
    return el;
  }

  function keyHint(name) {
    return h('code', { class: 'field-key' }, name);
  }

  function optionLabel(field, value) {
    const key = field === 'language' ? 'lang.' + value : field + '.' + value;
    const s = t(key);
    return s === key ? value : `${s} (${value})`;
  }

  /** focusProblem opens and focuses the field problem i is placed at; false when it is at none. */
  function focusProblem(i) {
    if (!form) return false;
    for (const s of form.sections) {
      for (const [ri, r] of s.rows.entries()) {
        const inRow = r.problems.includes(i);
        const f = r.fields.find((x) => x.problems.includes(i));
        if (!inRow && !f) continue;
        const d = root.querySelector(`details[data-row="${s.name}/${ri}"]`);
        if (d) d.open = true;
        const el = f ? root.querySelector(`[data-key="${CSS.escape(`${s.name}/${ri}/${f.name}`)}"]`) : d;
        if (el) {
          el.scrollIntoView({ block: 'center' });
          if (el.focus) el.focus();
        }
        return true;
      }
      if (s.problems.includes(i)) {
        root.querySelector(`[data-section="${s.name}"]`)?.scrollIntoView({ block: 'start' });
        return true;
      }
    }
    return false;
  }

  return { render, focusProblem };
}
