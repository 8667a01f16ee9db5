// Runs on every page: the log-out button.
import { api, toast } from './common.js';

const logout = document.getElementById('logout');
if (logout) {
  logout.addEventListener('click', async () => {
    logout.disabled = true;
    try {
      await api('POST', '/api/logout');
      location.assign('/login');
    } catch (e) {
      logout.disabled = false;
      toast(e.message, 'error');
    }
  });
}
