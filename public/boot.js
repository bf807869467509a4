// Starts the app on the page the build wrote: the build of the app this
// page names (<html data-build>: the charts alone, or with the map and the
// tasks, or the whole app) is loaded once the page is painted, and takes
// the page over as it is. Until then links and forms work as they are;
// a click on a figure's mark is answered once the app is there. An
// embedded page reports its height to the host page (embed.js) from the
// start. On failure the error view shows.
// The single offline file reuses this file: the xtask drops the import line
// and replaces everything from the start marker line on with its own start
// (the wasm unpacked already, by unpack.js).

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

// A file the app loads when it needs it (a seed's text for a source view,
// the part of the dataset that charts do not need): from the offline file's
// pack (unpack.js), else fetched from next to the page.
async function asset(path) {
  const packed = window.cztPacked && window.cztPacked[path];
  if (packed) return new Response(packed);
  const r = await fetch(new URL(path, document.baseURI));
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r;
}
window.cztSeedText = async (file) => (await asset(`seeds/${encodeURIComponent(file)}`)).text();
window.cztAssetBytes = async (path) => new Uint8Array(await (await asset(path)).arrayBuffer());

// The importer (#/import) runs in a worker of its own with its own wasm:
// nothing of it loads until a visitor imports. One import at a time; the
// page cancels by ending the worker.
let importing = null;
window.cztImport = async (name, bytes, options, onPhase) => {
  window.cztImportCancel();
  // The site's worker fetches its wasm beside it (the offline file has none).
  const worker = new Worker(new URL('import-worker.js', document.baseURI));
  const wasm = null;
  return new Promise((resolve, reject) => {
    const end = () => { worker.terminate(); if (importing && importing.worker === worker) importing = null; };
    importing = { worker, reject: (e) => { end(); reject(e); } };
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.phase) { onPhase(m.phase); return; }
      end();
      if (m.error !== undefined) reject(new Error(m.error)); else resolve(m.ok);
    };
    worker.onerror = (e) => { e.preventDefault(); end(); reject(new Error(e.message || 'the importer stopped')); };
    worker.postMessage({ name, bytes, options, wasm }, [bytes.buffer]);
  });
};
window.cztImportCancel = () => { if (importing) importing.reject(new Error('cancelled')); };

// Imports are kept in this browser (IndexedDB): { code, name, saved, bytes }.
// A browser that keeps no storage for this page may never answer (Chromium,
// in a frame of an opaque host page): after a moment, go on without.
function importsStore(mode, f) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('this browser keeps nothing for this page')), 3000);
    const open = indexedDB.open('cztplans', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('imports', { keyPath: 'code' });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const t = db.transaction('imports', mode);
      const req = f(t.objectStore('imports'));
      t.oncomplete = () => { db.close(); resolve(req.result); };
      t.onerror = () => { db.close(); reject(t.error); };
    };
  });
}
window.cztImports = {
  all: () => importsStore('readonly', (s) => s.getAll()),
  put: (record) => importsStore('readwrite', (s) => s.put(record)),
  remove: (code) => importsStore('readwrite', (s) => s.delete(code)),
  // Whether there are any, known at once (a chart page then loads them, as
  // they may hold actual values for it; without any it loads nothing more).
  any: () => { try { return localStorage.getItem('cztplans:imports') === '1'; } catch (e) { return false; } },
  mark: (any) => { try { if (any) localStorage.setItem('cztplans:imports', '1'); else localStorage.removeItem('cztplans:imports'); } catch (e) { /* not kept */ } },
};

const reload = document.getElementById('fatal-reload');
if (reload) reload.addEventListener('click', () => location.reload());

// An embedded page tells the host page its height whenever it changes
// (it shrinks as well as grows), and when the host's embed.js asks. The
// message carries the height and nothing else.
(function reportHeight() {
  if (window.parent === window || !document.querySelector('main.embedded')) return;
  const app = document.getElementById('app');
  if (!app) return;
  const post = () => {
    const height = Math.ceil(app.getBoundingClientRect().height);
    window.parent.postMessage({ type: 'cztplans:height', height }, '*');
  };
  post();
  new ResizeObserver(post).observe(app);
  window.addEventListener('message', (e) => {
    if (e.source === window.parent && e.data && e.data.type === 'cztplans:ask') post();
  });
})();

// A click on a figure's mark before the app is there: answered once it is.
let pending = null;
const keep = (e) => {
  const hit = e.target && e.target.closest && e.target.closest('.hit');
  if (hit) pending = hit;
};
document.addEventListener('click', keep, true);
// The app calls this once it has taken the page over.
window.cztReady = function replay() {
  document.removeEventListener('click', keep, true);
  if (pending && pending.isConnected) pending.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  pending = null;
};

// --- start ---
// The page's own build: its glue and its wasm are fetched at once, side by
// side (the wasm is compiled as it arrives, off the main thread); the app
// starts once the page is painted, and takes it over as it is.
const build = document.documentElement.getAttribute('data-build') || 'app';
// A hash route on a real page is the visitor's own page (an import): the
// whole app draws it.
const name = /^#\/./.test(location.hash) ? 'app' : build;
const wasm = fetch(new URL(`${name}_bg.wasm`, import.meta.url));
const glue = import(`./${name}.js`);
const painted = new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
Promise.all([glue, painted])
  .then(([app]) => app.default({ module_or_path: wasm }).then(() => app))
  .then((app) => app.run())
  .catch(fatal);
