// The page of a password reset link: sets a new password and logs in.
import { api, errorText, formValues, newPasswordOK, showError } from './common.js';

const form = document.getElementById('reset-form');
const error = document.getElementById('reset-error');

if (form) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const { token, password } = formValues(form);
    if (!newPasswordOK(form, error)) return;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    showError(error, '');
    try {
      await api('POST', '/api/reset', { token, password });
      location.assign('/');
    } catch (e) {
      showError(error, errorText(e, { min: form.elements.password.minLength }));
      button.disabled = false;
    }
  });
}
