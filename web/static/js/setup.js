// The first-run page: creates the first trainer with the one-time token.
import { api, errorText, formValues, newPasswordOK, showError, t } from './common.js';

const form = document.getElementById('setup-form');
const error = document.getElementById('setup-error');

if (form) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const { token, name, password } = formValues(form);
    if (!name || !password) {
      showError(error, t('login.missing'));
      return;
    }
    if (!newPasswordOK(form, error)) return;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    showError(error, '');
    try {
      await api('POST', '/api/setup', { token, name, password });
      location.assign('/trainees');
    } catch (e) {
      showError(error, errorText(e, { min: form.elements.password.minLength }));
      button.disabled = false;
    }
  });
}
