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

/**
 * A route in its hash form ("#/targets/gdp?lang=en&view=x") as a real
 * address relative to the site's root ("en/targets/gdp/?view=x"), as the
 * site writes its links (`Route::to_path`).
 */
export function toPath(hash) {
  const h = hash.replace(/^#/, '');
  const q = h.indexOf('?');
  const path = (q < 0 ? h : h.slice(0, q)).replace(/^\/+|\/+$/g, '');
  const params = new URLSearchParams(q < 0 ? '' : h.slice(q + 1));
  const en = params.get('lang') === 'en';
  params.delete('lang');
  const rest = params.toString();
  return (en ? 'en/' : '') + (path ? path + '/' : '') + (rest ? '?' + rest : '');
}

/** A real address of the site (absolute) in the hash form of its route. */
export function toHash(url) {
  const u = new URL(url);
  if (u.hash.startsWith('#/')) return u.hash;
  let path = u.pathname.slice(new URL(BASE).pathname.length).replace(/index\.html$/, '').replace(/\/+$/, '');
  const params = new URLSearchParams(u.search);
  if (path === 'en' || path.startsWith('en/')) {
    path = path.slice(2).replace(/^\//, '');
    params.set('lang', 'en');
  }
  const rest = params.toString();
  return '#/' + path + (rest ? '?' + rest : '');
}

/**
 * The two ways a user gets the app: served over HTTP (each route a real
 * page at its own address) and the one offline file (hash routes). `url`
 * takes a route in its hash form; `here` gives the page's route in it.
 */
export const TARGETS = [
  {
    name: 'served',
    // A page kept only in this browser (an import's) stays a hash route on
    // the root, as the site links it; any other is its real address.
    url: (hash = '#/') => BASE + (LOCAL.test(hash.replace(/^#/, '')) ? hash : toPath(hash)),
    here: (page) => toHash(page.url()),
    origin: new URL(BASE).origin + '/',
  },
  {
    name: 'file',
    url: (hash = '#/') => pathToFileURL(OFFLINE).href + hash,
    here: (page) => new URL(page.url()).hash || '#/',
    origin: 'file://',
  },
];

/** An import's page (ahead.js's pattern, site::is_local). */
const LOCAL = /^\/*(?:embed\/+)?(?:targets|agencies|tasks|source)\/+imp[0-9]+(?:-[^\/?]*)?\/*(?:\?|$)/;

/** The old form of a link: the site's root with a hash route. */
export const hashUrl = (hash) => BASE + hash;

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
    // imports), and the offline file for the route its address names:
    // "ready" is the app mounted, not the page filled (as `go` waits).
    await page.waitForFunction(() => !document.querySelector('.data-loading, html[data-navigating]'), null, { timeout: 30000 });
  }
  return { page, context, seen };
}

/**
 * Assert the page stayed clean: nothing left the origin, no error, no CSP
 * violation. With `notFound`, the host's 404 for an address no page has
 * (the page itself) is expected.
 */
export async function assertClean(assert, page, seen, { notFound = false } = {}) {
  const csp = await page.evaluate(() => window.__csp || []);
  seen.csp.push(...csp);
  const errors = notFound ? seen.errors.filter((e) => !/status of 404/.test(e)) : seen.errors;
  assert.deepEqual(seen.outside, [], 'requests outside the page origin');
  assert.deepEqual(errors, [], 'console errors');
  assert.deepEqual(seen.csp, [], 'CSP violations');
}

export async function shot(page, name) {
  await page.screenshot({ path: new URL(name, ARTIFACTS).pathname, fullPage: true });
}

/**
 * Go to a route (hash form) as a visitor following a link there would:
 * served, a page load of its address; offline, a new hash.
 */
export async function go(page, target, hash) {
  if (target.name === 'served') {
    await page.goto(target.url(hash), { waitUntil: 'domcontentloaded' });
  } else {
    await page.evaluate((h) => { location.hash = h; }, hash);
  }
  await page.waitForSelector('html[data-app="ready"]', { timeout: 30000 });
  await page.waitForFunction(() => !document.querySelector('.data-loading, html[data-navigating]'), null, { timeout: 30000 });
}

/** Wait until the page's route (hash form) matches `re`. */
export async function waitRoute(page, target, re, timeout = 10000) {
  const end = Date.now() + timeout;
  for (;;) {
    const here = target.here(page);
    if (re.test(decodeURIComponent(here))) return here;
    if (Date.now() > end) throw new Error(`route ${here} never matched ${re}`);
    await page.waitForTimeout(25);
  }
}

/** A figure's mark `i` (the drawing shown: the app keeps one). */
export const mark = (fig, i) => `figure[data-fig="${fig}"] .hit[data-i="${i}"]`;
