// Shared helpers for the end-to-end tests (run by `cargo xtask test`, which
// builds dist/, serves dist/site with the strict CSP and sets the env below).
import { pathToFileURL } from 'node:url';
import { mkdirSync } from 'node:fs';

export const BASE = process.env.BASE_URL;
export const OFFLINE = process.env.OFFLINE_FILE;
export const ARTIFACTS = new URL('./artifacts/', import.meta.url);
mkdirSync(ARTIFACTS, { recursive: true });

if (!BASE || !OFFLINE) {
  throw new Error('BASE_URL and OFFLINE_FILE must be set: run the e2e tests through `cargo xtask test`');
}

/** The two ways a user gets the app: served over HTTP, and the one offline file. */
export const TARGETS = [
  { name: 'served', url: (hash = '#/') => BASE + hash, origin: new URL(BASE).origin + '/' },
  { name: 'file', url: (hash = '#/') => pathToFileURL(OFFLINE).href + hash, origin: 'file://' },
];

export { launch } from './browser.mjs';

/**
 * Open a page and watch it: every request outside `origin`, console errors,
 * uncaught exceptions and CSP violations are collected in `seen`.
 */
export async function open(browser, target, hash = '#/', options = {}) {
  const context = await browser.newContext({
    viewport: options.viewport || { width: 1280, height: 900 },
    acceptDownloads: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme || 'light',
    deviceScaleFactor: options.deviceScaleFactor || 1,
    hasTouch: options.hasTouch || false,
    isMobile: options.isMobile || false,
  });
  const page = await context.newPage();
  const seen = { outside: [], errors: [], csp: [] };
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(target.origin) && !u.startsWith('data:') && !u.startsWith('blob:')) seen.outside.push(u);
  });
  page.on('console', (m) => { if (m.type() === 'error') seen.errors.push(m.text()); });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  if (options.beforeGoto) await options.beforeGoto(page);
  // Not the load event (it waits for every preload): the app says when it is up.
  await page.goto(target.url(hash), { waitUntil: options.wait === false ? 'load' : 'domcontentloaded' });
  if (options.wait !== false) {
    await page.waitForSelector('html[data-app="ready"]', { timeout: 30000 });
    // Pages other than charts wait for the rest of the dataset (and saved
    // imports): "ready" is the app mounted, not the page filled.
    await page.waitForFunction(() => !document.querySelector('.data-loading'), null, { timeout: 30000 });
  }
  return { page, context, seen };
}

/** Assert the page stayed clean: nothing left the origin, no error, no CSP violation. */
export async function assertClean(assert, page, seen) {
  const csp = await page.evaluate(() => window.__csp || []);
  seen.csp.push(...csp);
  assert.deepEqual(seen.outside, [], 'requests outside the page origin');
  assert.deepEqual(seen.errors, [], 'console errors');
  assert.deepEqual(seen.csp, [], 'CSP violations');
}

export async function shot(page, name) {
  await page.screenshot({ path: new URL(name, ARTIFACTS).pathname, fullPage: true });
}
