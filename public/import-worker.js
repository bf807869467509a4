// The importer's worker: the wasm-bindgen glue of crates/importer comes
// first (the xtask joins them into one classic script). It reads one file
// or pasted text per message and answers with the import (postcard bytes)
// or the reason it could not, telling each phase on the way. The page ends
// the worker to cancel.
/* global wasm_bindgen */
let ready = null;
self.onmessage = async (e) => {
  const m = e.data;
  try {
    // The site's worker fetches the wasm beside it; the offline file sends it.
    if (!ready) ready = wasm_bindgen({ module_or_path: m.wasm || new URL('importer_bg.wasm', self.location.href) });
    await ready;
    const out = wasm_bindgen.import_file(m.name, m.bytes, m.options || '{}', (phase) => self.postMessage({ phase }));
    self.postMessage({ ok: out }, [out.buffer]);
  } catch (err) {
    self.postMessage({ error: String((err && err.message) || err) });
  }
};
