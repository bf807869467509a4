// Writes tests/fixtures/saved-import-v2.json: an import of a small task
// split as this app keeps it (format 2), read from the browser's store.
// Run by hand, with the site served: BASE_URL=… OFFLINE_FILE=… node tests/e2e/capture-saved.mjs
import { writeFile } from 'node:fs/promises';
import { TARGETS, launch, open } from './helpers.mjs';
import { PLAN } from './plan-text.mjs';

const browser = await launch();
const { page, context } = await open(browser, TARGETS[0], '#/import');
await page.waitForSelector('#import-text');
await page.setInputFiles('#import-file', { name: 'plan.txt', mimeType: 'text/plain', buffer: Buffer.from(PLAN) });
await page.waitForSelector('.saved-import[data-import="imp1"]');
const rec = await page.evaluate(async () => {
  const r = (await window.cztImports.all()).find((x) => x.code === 'imp1');
  const b64 = (u) => btoa(String.fromCharCode(...u));
  return { ...r, bytes: b64(r.bytes), source: b64(r.source) };
});
const url = new URL('../fixtures/saved-import-v2.json', import.meta.url);
await writeFile(url, JSON.stringify(rec, null, 1) + '\n');
console.log(`wrote ${url.pathname}: model ${rec.model}, ${rec.bytes.length} base64 bytes`);
await context.close();
await browser.close();
