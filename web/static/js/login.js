// The login page: posts the form as JSON and goes where the user wanted to go.
import { api, errorText, formValues, pageData, showError, t } from './common.js';

const form = document.getElementById('login-form');
const error = document.getElementById('login-error');

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const { name, password } = formValues(form);
  if (!name || !password) {
    showError(error, t('login.missing'));
    return;
  }
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  showError(error, '');
  try {
    await api('POST', '/api/login', { name, password });
    location.assign(pageData.next || '/');
  } catch (e) {
    showError(error, errorText(e));
    button.disabled = false;
    form.elements.password.select();
  }
});
