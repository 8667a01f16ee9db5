// Server-rendered trainer and trainee pages (assignments, progress,
// calibration): the server renders everything; this module only sends
// their forms and buttons to the API and shows times in the browser's
// time zone. A form or button says what it sends with
// data-api="METHOD /api/path"; a field's data-kind converts its value
// ("int"; "end-of-day": a date input as the end of that day, local time).
import { api, errorText, formatDate, showError } from './common.js';

for (const el of document.querySelectorAll('time[data-local]')) {
  const text = formatDate(el.getAttribute('datetime'), el.dataset.local === 'datetime');
  if (text) el.textContent = text;
}

/** body reads a form's named fields into the JSON the API takes; empty fields are left out. */
function body(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled) continue;
    const v = el.value.trim();
    if (v === '') continue;
    switch (el.dataset.kind) {
      case 'int': out[el.name] = Number.parseInt(v, 10); break;
      case 'end-of-day': out[el.name] = new Date(v + 'T23:59:59').toISOString(); break;
      default: out[el.name] = v;
    }
  }
  return out;
}

/** send calls the API named by el's data-api and reloads the page (or goes to data-next). */
async function send(el, data) {
  const [method, path] = el.dataset.api.split(' ');
  await api(method, path, data);
  if (el.dataset.next) window.location.assign(el.dataset.next);
  else window.location.reload();
}

for (const form of document.querySelectorAll('form[data-api]')) {
  const error = form.querySelector('.form-error');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!form.reportValidity()) return;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    showError(error, '');
    try {
      await send(form, body(form));
    } catch (e) {
      showError(error, errorText(e));
      button.disabled = false;
    }
  });
}

for (const button of document.querySelectorAll('button[data-api]')) {
  button.addEventListener('click', async () => {
    if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) return;
    button.disabled = true;
    try {
      await send(button);
    } catch (e) {
      button.disabled = false;
      window.alert(errorText(e));
    }
  });
}
