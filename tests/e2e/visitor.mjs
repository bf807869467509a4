// A seeded random visitor: clicks, types, presses keys, goes back and
// forward, resizes and jumps around the app, and after every step checks
// that nothing went wrong. Used by visitor.test.mjs (part of `cargo xtask
// test`) and by `cargo xtask soak` (longer, random seeds).
//
// Replay a failure with the seed it prints:
//   VISITOR_SEED=<seed> VISITOR_TARGET=<served|file> VISITOR_LANG=<zh|en> cargo xtask soak
import { pathToFileURL } from 'node:url';

/** A small, fast, seedable PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
  };
}

/** Every page a visitor can reach, with views and selections. */
export const ROUTES = [
  '#/',
  '#/targets',
  '#/targets/gdp',
  '#/targets/urbanization',
  '#/targets/innovation-teams',
  '#/targets/innovation-teams?view=cumulative',
  '#/targets/maker-space',
  '#/targets/pm25',
  '#/targets/land-share',
  '#/map',
  '#/map?layers=axis,heart,belts,clusters,centre,parks,transport,newarea',
  '#/map?sel=green-heart',
  '#/map?z=3&c=112.95,28.1&sel=yugong-port',
  '#/agencies',
  '#/agencies?view=heatmap',
  '#/agencies?view=network',
  '#/agencies?view=bipartite',
  '#/agencies?doc=003_eb0be2c1adcc1018&sort=support',
  '#/agencies/prov-drc',
  '#/agencies/prov-samr',
  '#/tasks',
  '#/tasks?q=%E8%99%9E%E5%85%AC%E6%B8%AF',
  '#/tasks?agency=prov-sti',
  '#/tasks/000-29',
  '#/tasks/000-42',
  '#/tasks/003-13',
  '#/tasks/004-7',
  '#/data',
  '#/source/001_52071bc060105621?lines=78-78',
  '#/source/003_eb0be2c1adcc1018',
  '#/embed/targets/gdp',
  '#/embed/map?layers=axis,heart',
  '#/embed/agencies?view=heatmap',
  '#/embed/agencies/prov-drc',
  '#/nope',
  '#/embed/embed/targets/gdp',
  '#/tasks/%2F..%2F',
];

/** What a visitor types in a search box. */
const WORDS = ['虞公港', '省科技厅', '知识产权', 'port', '湘江 新区', '<script>', '%', '"', '   ', '2025', '省发改委', 'x'.repeat(300)];
const KEYS = ['Tab', 'Shift+Tab', 'Enter', 'Escape', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', '+', '-', ' ', '0', 'Home', 'End'];

/** Clickable things, by kind (a visitor clicks what they see). */
const CLICKABLE = [
  'a[href]:not([target="_blank"])',
  'button',
  'svg .hit',
  'input[type="checkbox"]',
  'summary',
  'label',
];

/** Run `steps` random steps on `page`; returns the log. Throws on the first problem. */
export async function visit(page, { seed, steps, target, lang, log = [] }) {
  const r = rng(seed);
  // Served, a visitor comes by a page's real address or by an old hash link.
  const url = (hash) => {
    const withLang = lang === 'en' ? hash + (hash.includes('?') ? '&' : '?') + 'lang=en' : hash;
    return target.hashUrl && r.next() < 0.3 ? target.hashUrl(withLang) : target.url(withLang);
  };
  // What the app shows is waited for, not the load event (see helpers.open).
  await page.goto(url(r.pick(ROUTES)), { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('html[data-app="ready"]', { timeout: 30000 });
  await check(page, log, 'start');
  for (let i = 0; i < steps; i++) {
    let what;
    try {
      what = await step(page, r, url, target);
    } catch (e) {
      const err = new Error(`step ${i} threw: ${e.message}\nlast steps:\n  ${log.slice(-15).join('\n  ')}`);
      err.visitorLog = log;
      throw err;
    }
    log.push(`${i}: ${what}`);
    await check(page, log, what);
  }
  return log;
}

async function step(page, r, url, target) {
  const roll = r.next();
  if (roll < 0.34) return clickSomething(page, r);
  if (roll < 0.44) return pressKey(page, r);
  if (roll < 0.54) {
    const before = page.url();
    await page.goBack({ waitUntil: 'commit', timeout: 5000 }).catch(() => {});
    if (!page.url().startsWith(target.origin)) {
      // Back past the first page leaves the app: open it again where it was.
      await page.goto(before, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('html[data-app="ready"]', { timeout: 30000 });
      return 'back (out of the app; reopened)';
    }
    return 'back';
  }
  if (roll < 0.6) {
    await page.goForward({ waitUntil: 'commit', timeout: 5000 }).catch(() => {});
    return 'forward';
  }
  if (roll < 0.68) {
    const width = 320 + r.int(1281);
    const height = 480 + r.int(600);
    await page.setViewportSize({ width, height });
    return `resize ${width}×${height}`;
  }
  if (roll < 0.78) {
    const hash = r.pick(ROUTES);
    const to = url(hash);
    // Offline, or now and then served: a new hash on the page (a link in
    // the old form followed from within it); else the page's address.
    if (!target.hashUrl || r.next() < 0.25) {
      const h = target.hashUrl ? hash : new URL(to).hash;
      await page.evaluate((x) => { location.hash = x; }, h);
      return `jump (hash) ${hash}`;
    }
    await page.goto(to, { waitUntil: 'domcontentloaded' }).catch(() => {});
    await page.waitForSelector('html[data-app="ready"], html[data-app="error"]', { timeout: 30000 }).catch(() => {});
    return `jump ${to.replace(target.origin, '/')}`;
  }
  if (roll < 0.85) return typeSomething(page, r);
  if (roll < 0.91) return selectSomething(page, r);
  if (roll < 0.96) return hoverSomething(page, r);
  return wheel(page, r);
}

/** A random visible element matching one of `selectors`, as a handle. */
async function pickVisible(page, r, selectors) {
  const handle = await page.evaluateHandle(([sels, x]) => {
    const all = [...document.querySelectorAll(sels.join(','))].filter((e) => {
      const b = e.getBoundingClientRect();
      return b.width > 0 && b.height > 0 && !e.closest('[hidden]') && getComputedStyle(e).visibility !== 'hidden';
    });
    return all.length ? all[Math.floor(x * all.length)] : null;
  }, [selectors, r.next()]);
  const el = handle.asElement();
  if (!el) return null;
  const label = await el.evaluate((e) => {
    const id = e.id ? `#${e.id}` : '';
    const cls = typeof e.className === 'string' && e.className ? `.${e.className.split(' ')[0]}` : '';
    const txt = (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 24);
    const href = e.getAttribute('href') ? ` href=${e.getAttribute('href').slice(0, 60)}` : '';
    return `${e.tagName.toLowerCase()}${id}${cls}${href} "${txt}"`;
  });
  return { el, label };
}

async function clickSomething(page, r) {
  const got = await pickVisible(page, r, CLICKABLE);
  if (!got) return 'click (nothing to click)';
  try {
    await got.el.click({ timeout: 1500 });
    return `click ${got.label}`;
  } catch {
    return `click ${got.label} (not clickable)`;
  }
}

async function pressKey(page, r) {
  // Sometimes focus something first (a mark, a place, a control).
  if (r.next() < 0.5) {
    const got = await pickVisible(page, r, ['svg .hit', 'a[href]', 'button', 'input', 'select', '.map-frame']);
    if (got) await got.el.focus().catch(() => {});
  }
  const key = r.pick(KEYS);
  await page.keyboard.press(key).catch(() => {});
  return `key ${key}`;
}

async function typeSomething(page, r) {
  const got = await pickVisible(page, r, ['input[type="search"]', 'input[type="text"]', 'textarea']);
  if (!got) return 'type (no field)';
  const text = r.pick(WORDS);
  let typed = false;
  try {
    if (r.next() < 0.5) await got.el.fill(text, { timeout: 1500 });
    else {
      await got.el.type(text.slice(0, 12), { timeout: 3000 });
      typed = true;
    }
  } catch {
    return `type into ${got.label} (not editable)`;
  }
  // A person types on into the box they typed into: it keeps the focus.
  if (typed && (await got.el.evaluate((e) => document.activeElement !== e).catch(() => false))) {
    throw new Error(`typing into ${got.label} took the focus away from it`);
  }
  return `type ${JSON.stringify(text.slice(0, 20))} into ${got.label}`;
}

async function selectSomething(page, r) {
  const got = await pickVisible(page, r, ['select']);
  if (!got) return 'select (none)';
  const values = await got.el.evaluate((s) => [...s.options].map((o) => o.value));
  const v = r.pick(values);
  try {
    await got.el.selectOption(v, { timeout: 1500 });
    return `select ${JSON.stringify(v)} in ${got.label}`;
  } catch {
    return `select in ${got.label} (not selectable)`;
  }
}

async function hoverSomething(page, r) {
  const got = await pickVisible(page, r, ['svg .hit', 'a[href]', 'button']);
  if (!got) return 'hover (nothing)';
  await got.el.hover({ timeout: 1500 }).catch(() => {});
  return `hover ${got.label}`;
}

async function wheel(page, r) {
  const got = await pickVisible(page, r, ['.map-frame', 'svg.chart', 'main']);
  if (!got) return 'wheel (nowhere)';
  const box = await got.el.boundingBox();
  if (box) await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300));
  const dy = (r.next() - 0.5) * 800;
  // Now and then with Ctrl held: the map zooms instead of the page scrolling.
  const ctrl = r.next() < 0.3;
  if (ctrl) await page.keyboard.down('Control');
  await page.mouse.wheel(0, dy);
  if (ctrl) await page.keyboard.up('Control');
  return `${ctrl ? 'ctrl+' : ''}wheel ${Math.round(dy)} over ${got.label}`;
}

/** Everything that must hold after every step. */
async function check(page, log, what) {
  const t0 = Date.now();
  // A step that followed a link: the next page is parsed before it is judged
  // (a page still arriving has no error view yet, nor an app).
  await page.waitForLoadState('domcontentloaded').catch(() => {});
  const state = await page.evaluate(() => ({
    app: document.documentElement.dataset.app,
    fatal: document.getElementById('fatal') ? !document.getElementById('fatal').hidden : false,
    detail: document.getElementById('fatal-detail')?.textContent || '',
    csp: window.__csp || [],
    longest: window.__longest || 0,
    // One app on the page: the light build hands over to the whole app and
    // must leave nothing of itself behind.
    mains: document.querySelectorAll('main#main').length,
    apps: Number(document.documentElement.dataset.apps || 0),
  })).catch((e) => ({ evalError: String(e) }));
  const answered = Date.now() - t0;
  const seen = page.__seen;
  const problems = [];
  if (state.evalError) problems.push(`page did not answer: ${state.evalError}`);
  if (state.app === 'error' || state.fatal) problems.push(`error view: ${state.detail.slice(0, 400)}`);
  if (state.csp?.length) problems.push(`CSP violations: ${state.csp.join('; ')}`);
  if (state.mains > 1 || state.apps > 1) problems.push(`${Math.max(state.mains, state.apps)} apps on the page`);
  if (seen.errors.length) problems.push(`errors: ${seen.errors.join('\n')}`);
  if (seen.outside.length) problems.push(`requests off the origin: ${seen.outside.join(', ')}`);
  if (answered > 1000) problems.push(`the main thread took ${answered} ms to answer`);
  if (state.longest > 1000) problems.push(`a task blocked the main thread for ${Math.round(state.longest)} ms`);
  if (problems.length) {
    const err = new Error(`after "${what}":\n  ${problems.join('\n  ')}\nlast steps:\n  ${log.slice(-15).join('\n  ')}`);
    err.visitorLog = log;
    throw err;
  }
}

/** A fresh context and page, watched: errors, CSP, off-origin requests, long tasks. */
export async function watchedPage(browser, target) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  // Links that open a new window (the embed credit) open and are closed.
  context.on('page', (p) => { if (p !== page) p.close().catch(() => {}); });
  const seen = { outside: [], errors: [] };
  page.__seen = seen;
  page.on('request', (q) => {
    const u = q.url();
    if (!u.startsWith(target.origin) && !u.startsWith('data:') && !u.startsWith('blob:')) seen.outside.push(u);
  });
  // A document the host answers 404 for (an address no page has) is the
  // site's 404 page, as expected; its own console line is not an error.
  const missing = new Set();
  page.on('response', (resp) => {
    if (resp.status() === 404 && resp.request().resourceType() === 'document') missing.add(resp.url());
  });
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (/status of 404/.test(m.text()) && missing.has(m.location()?.url)) return;
    seen.errors.push(m.text());
  });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  await page.addInitScript(() => {
    window.__csp = [];
    window.__longest = 0;
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
    try {
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    } catch { /* no long-task timing */ }
  });
  return { context, page };
}

/**
 * The two ways a user gets the app: served (a route's real address, or the
 * old hash link to it) and the offline file (hash routes).
 */
export function targets(base, offline, toPath) {
  return {
    served: {
      name: 'served',
      url: (hash = '#/') => base + toPath(hash),
      hashUrl: (hash = '#/') => base + hash,
      origin: new URL(base).origin + '/',
    },
    file: { name: 'file', url: (hash = '#/') => pathToFileURL(offline).href + hash, origin: 'file://' },
  };
}

/** How to replay a visit. */
export function replay(seed, target, lang) {
  return `VISITOR_SEED=${seed} VISITOR_TARGET=${target} VISITOR_LANG=${lang} cargo xtask soak`;
}
