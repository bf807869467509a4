// Loads the wasm app; on failure shows the error view (the static content stays).
// The single offline file reuses this file: the xtask drops the import line
// and replaces everything from the start marker line on with its own start
// (unpacking the inlined wasm).
import init, { run } from './app.js';

function fatal(err) {
  // A panic during start-up reaches here twice: the panic hook has already
  // shown the view with the panic's message, then run() rejects with
  // "unreachable". Keep the first, telling message.
  const shown = document.documentElement.dataset.app === 'error';
  const detail = document.getElementById('fatal-detail');
  if (detail && !shown) detail.textContent = String(err && err.stack || err);
  const f = document.getElementById('fatal');
  if (f) f.hidden = false;
  const loading = document.getElementById('loading');
  if (loading) loading.hidden = true;
  document.documentElement.dataset.app = 'error';
}

const reload = document.getElementById('fatal-reload');
if (reload) reload.addEventListener('click', () => location.reload());

// --- start ---
init({ module_or_path: new URL('app_bg.wasm', import.meta.url) })
  .then(() => run())
  .catch(fatal);
