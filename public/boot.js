// Loads the wasm app; on failure shows the error view (the static content stays).
// The build is the one ahead.js picked for the route: the light one
// (app_lite: the targets' pages) or the whole app (app); the light one hands
// over to the whole app when the visitor goes to any other page.
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

// --- start ---
// The wasm downloads at once (ahead.js preloads it); it is compiled and
// the app started once the route's page rendered ahead (ahead.js) is on
// screen, or after a moment without it, so that the page paints first.
async function load(name) {
  const app = await import(`./${name}.js`);
  await app.default({ module_or_path: new URL(`${name}_bg.wasm`, import.meta.url) });
  return app;
}
let running = null;
let upgrading = null;
// The light build asks for this on a page it does not have: the whole app
// is loaded, then the light one unmounts and the whole one mounts, in one
// task (no blank frame), at the route the visitor is on.
window.cztUpgrade = () => {
  upgrading = upgrading || load('app').then((app) => {
    if (running && running.unmount) running.unmount();
    running = app;
    app.run();
    // The light app had moved focus to its page's heading, now gone.
    const main = document.getElementById('main');
    if (main && document.activeElement === document.body) main.focus({ preventScroll: true });
  }).catch(fatal);
  return upgrading;
};
const ahead = Promise.race([window.cztAhead, new Promise((r) => setTimeout(r, 300))]);
ahead
  .then(() => load(window.cztLite === true ? 'app_lite' : 'app'))
  .then((app) => {
    running = app;
    app.run();
  })
  .catch(fatal);
