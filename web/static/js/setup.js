// The first-run page: creates the first trainer with the one-time token.
import { api, errorText, formValues, passwordTooShort, showError, t } from './common.js';

const form = document.getElementById('setup-form');
const error = document.getElementById('setup-error');

if (form) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const { token, name, password, password2 } = formValues(form);
    if (!name || !password) {
      showError(error, t('login.missing'));
      return;
    }
    if (passwordTooShort(form.elements.password)) {
      showError(error, t('error.invalid_password', { min: form.elements.password.minLength }));
      form.elements.password.focus();
      return;
    }
    if (password !== password2) {
      showError(error, t('setup.mismatch'));
      form.elements.password2.focus();
      return;
    }
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
