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

/** Bytes from base64 text, gunzipped (the offline file's inlined parts). */
async function gunzipBase64(b64) {
  if (typeof DecompressionStream === 'undefined') {
    throw new Error('This browser cannot unpack the offline app (no DecompressionStream).');
  }
  const bin = Uint8Array.from(atob(b64.trim()), (c) => c.charCodeAt(0));
  return new Response(new Blob([bin]).stream().pipeThrough(new DecompressionStream('gzip')));
}

// A file the app loads when it needs it (a seed's text for a source view,
// the part of the dataset that charts do not need): decoded from the page
// when the offline file inlines it, else fetched from next to the page.
async function asset(path) {
  const inline = document.getElementById(`asset:${path}`);
  if (inline) return gunzipBase64(inline.textContent);
  const r = await fetch(new URL(path, document.baseURI));
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r;
}
window.cztSeedText = async (file) => (await asset(`seeds/${encodeURIComponent(file)}`)).text();
window.cztAssetBytes = async (path) => new Uint8Array(await (await asset(path)).arrayBuffer());

const reload = document.getElementById('fatal-reload');
if (reload) reload.addEventListener('click', () => location.reload());

// --- start ---
// The wasm downloads at once (index.html preloads it); it is compiled and
// the app started once the route's page rendered ahead (ahead.js) is on
// screen, or after a moment without it, so that the page paints first.
const ahead = Promise.race([window.cztAhead, new Promise((r) => setTimeout(r, 300))]);
ahead
  .then(() => init({ module_or_path: new URL('app_bg.wasm', import.meta.url) }))
  .then(() => run())
  .catch(fatal);
