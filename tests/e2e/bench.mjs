// Browser figures for `cargo xtask bench` (figures, not pass/fail).
//
// BENCH_BASE: the bench site (the app at its real addresses, reference
// pages under bench/, the app on synthetic data under x10/ and x100/);
// OFFLINE_FILE; BENCH_OUT: where to write the results as JSON; BENCH_RUNS:
// loads per page (default 9); LIGHTHOUSE_RUNS: Lighthouse runs per page
// (default 3, the median kept).
import { writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { launch } from './browser.mjs';
import { medianAudit } from './lighthouse.mjs';

const BASE = process.env.BENCH_BASE;
const RUNS = Number(process.env.BENCH_RUNS || 9);
const LH_RUNS = Number(process.env.LIGHTHOUSE_RUNS || 3);
const out = { runs: RUNS, lighthouseRuns: LH_RUNS, lighthouse: {}, sizes: {}, paint: {}, throttled: {}, interactions: {} };

/** Every kind of page, at its real address, and what shows it is there. */
const KINDS = [
  ['overview', '', '.page.overview'],
  ['targets', 'targets/', '.page.targets'],
  ['a target', 'targets/gdp/', '.target-detail svg.chart .hit'],
  ['a target (English)', 'en/targets/gdp/', '.target-detail svg.chart .hit'],
  ['map', 'map/', '.map-frame .hit'],
  ['agencies', 'agencies/', '.page.agencies svg.chart .hit'],
  ['an agency', 'agencies/prov-drc/', '.agency-page svg.chart .hit'],
  ['renames', 'renames/', '.page.renames'],
  ['tasks', 'tasks/', '.task-card'],
  ['a task', 'tasks/000-29/', '.task-page .source li.hl'],
  ['a source', 'source/001_52071bc060105621/', '.source-page li'],
  ['data', 'data/', '.page.data'],
  ['import', 'import/', '#import-text'],
  ['an embed', 'embed/targets/gdp/', 'main.embedded svg.chart .hit'],
];
const REFERENCES = [
  ['ECharts page', 'bench/echarts.html', '[data-chart-drawn]'],
  ['uPlot page', 'bench/uplot.html', '[data-chart-drawn]'],
];

const sorted = (v) => v.slice().sort((a, b) => a - b);
const pct = (v, p) => sorted(v)[Math.min(v.length - 1, Math.floor((v.length - 1) * p))];
const stats = (v) => ({ median: pct(v, 0.5), min: sorted(v)[0], max: sorted(v)[v.length - 1], p95: pct(v, 0.95), n: v.length });
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

// 1. Lighthouse, mobile, on every kind of page and the reference pages,
// interleaved (one run of each, then the next round), in a Chromium of its own.
{
  const all = [...KINDS, ...REFERENCES];
  const runs = Object.fromEntries(all.map(([name]) => [name, []]));
  for (let i = 0; i < LH_RUNS; i++) {
    for (const [name, path] of all) {
      try {
        runs[name].push(await medianAudit(BASE + path, 1));
      } catch (e) {
        runs[name].push({ error: String(e.message || e).split('\n')[0] });
      }
    }
  }
  for (const [name] of all) {
    const ok = runs[name].filter((r) => !r.error);
    ok.sort((a, b) => a.scores.performance - b.scores.performance || a.lcp - b.lcp);
    out.lighthouse[name] = ok.length ? { ...ok[Math.floor(ok.length / 2)], all: ok.map((r) => r.scores.performance) } : runs[name][0];
    const m = out.lighthouse[name];
    console.error(`lighthouse ${name}: ${m.error ? m.error : `perf ${m.scores.performance} lcp ${Math.round(m.lcp)} tbt ${Math.round(m.tbt)} cls ${m.cls}`}`);
  }
}

const browser = await launch();

// A rAF loop records the first frame (after paint) at which `predicate` holds.
const paintProbe = (predicate) => `(() => {
  window.__painted = null;
  const visible = ${predicate};
  const check = () => {
    let ok = false;
    try { ok = visible(); } catch (e) { ok = false; }
    if (ok) { requestAnimationFrame(() => { window.__painted = performance.now(); }); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** The chart a visitor sees: ours, or a reference page's. */
const CHART_VISIBLE = `() => {
  const el = [...document.querySelectorAll('[data-chart-drawn], .target-detail svg.chart')].find((e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  });
  return !!el && getComputedStyle(el).visibility !== 'hidden';
}`;

async function firstPaint(url, { throttle = false, ready = null } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.addInitScript(paintProbe(ready ? `() => !!document.querySelector(${JSON.stringify(ready)})` : CHART_VISIBLE));
  await page.goto(url, { waitUntil: 'commit' }); // the probe sees the paint; "load" is no measure here
  await page.waitForFunction(() => window.__painted !== null, null, { timeout: 90000, polling: 20 });
  const painted = await page.evaluate(() => window.__painted);
  // Interactive: the app has taken the page over (reference pages are
  // interactive when drawn).
  const ours = await page.evaluate(() => document.documentElement.dataset.app !== undefined);
  let interactive = painted;
  if (ours) {
    await page.waitForSelector('html[data-app="ready"]', { timeout: 90000, state: 'attached' });
    interactive = await page.evaluate(() => performance.now());
  }
  await context.close();
  return { painted, interactive };
}

/** Bytes a first visit fetches (every response), raw, gzip and brotli. */
async function firstVisitBytes(url, waitFor) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', async (r) => {
    try {
      const b = await r.body();
      bodies.push({ url: r.url(), bytes: b });
    } catch { /* redirects and the like have no body */ }
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector(waitFor, { timeout: 60000 });
  await page.waitForSelector('html[data-app="ready"], [data-chart-drawn]', { timeout: 60000, state: 'attached' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(2500); // what the app fetches when the page is idle
  await context.close();
  const files = bodies.map(({ url: u, bytes }) => ({
    file: new URL(u).pathname.replace(/^\//, '') || 'index.html',
    raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: br(bytes),
  }));
  const sum = (k) => files.reduce((a, f) => a + f[k], 0);
  return { files, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
}

// 2. Bytes of a first visit to every kind of page.
for (const [name, path, waitFor] of [...KINDS, ...REFERENCES]) {
  out.sizes[name] = await firstVisitBytes(BASE + path, waitFor);
  console.error(`bytes ${name}: ${(out.sizes[name].brotli / 1024).toFixed(1)} KB brotli`);
}

// 3. First chart painted: ours and the reference pages, interleaved, a fresh context each.
const pages = {
  ours: BASE + 'targets/gdp/',
  echarts: BASE + 'bench/echarts.html',
  uplot: BASE + 'bench/uplot.html',
  offline: pathToFileURL(process.env.OFFLINE_FILE).href + '#/targets/gdp',
};
const paint = { ours: [], echarts: [], uplot: [], offline: [], oursInteractive: [], offlineInteractive: [] };
for (let i = 0; i < RUNS; i++) {
  for (const k of ['ours', 'echarts', 'uplot', 'offline']) {
    const r = await firstPaint(pages[k]);
    paint[k].push(r.painted);
    if (k === 'ours') paint.oursInteractive.push(r.interactive);
    if (k === 'offline') paint.offlineInteractive.push(r.interactive);
  }
}
const ratio = (a, b) => paint[a].map((x, i) => x / paint[b][i]);
out.paint = {
  ours: stats(paint.ours), echarts: stats(paint.echarts), uplot: stats(paint.uplot), offline: stats(paint.offline),
  oursInteractive: stats(paint.oursInteractive), offlineInteractive: stats(paint.offlineInteractive),
  oursOverEcharts: stats(ratio('ours', 'echarts')), oursOverUplot: stats(ratio('ours', 'uplot')),
};
console.error(`paint: ours ${out.paint.ours.median.toFixed(0)} ms, echarts ${out.paint.echarts.median.toFixed(0)} ms, uplot ${out.paint.uplot.median.toFixed(0)} ms`);

// 4. A slow phone link (1.6 Mbps, 150 ms RTT, 4× CPU), every kind of page:
// its content painted, the app interactive.
for (const [name, path, ready] of [...KINDS, ...REFERENCES]) {
  const painted = [];
  const interactive = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const r = await firstPaint(BASE + path, { throttle: true, ready: path.startsWith('bench/') ? null : 'main#main h1, main#main .embed-title' });
    painted.push(r.painted);
    interactive.push(r.interactive);
  }
  out.throttled[name] = { painted: stats(painted), interactive: stats(interactive) };
  console.error(`throttled ${name}: painted ${out.throttled[name].painted.median.toFixed(0)} ms, interactive ${out.throttled[name].interactive.median.toFixed(0)} ms`);
}

// 5. Interactions, event → update laid out: at 1×, 10×, 100× the data.
async function timeEvents(url, ready, setup, act, n = 30) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector(`html[data-app="ready"]`, { timeout: 120000, state: 'attached' });
  await page.waitForSelector(ready, { timeout: 120000 });
  await page.waitForTimeout(300);
  if (setup) await page.evaluate(setup);
  // The first few run while the wasm is still compiled by the baseline tier
  // (V8 tiers hot functions up in the background): the first is reported on
  // its own, the next seven are left out, then n are counted.
  const warm = [];
  for (let i = 0; i < 8; i++) warm.push(await page.evaluate(act, i));
  const times = [];
  for (let i = 8; i < 8 + n; i++) {
    times.push(await page.evaluate(act, i));
  }
  await context.close();
  return { ...stats(times), first: warm[0] };
}
// Each act dispatches the event itself, lets the app's handlers and effects
// run (they are queued as tasks and microtasks), then forces style and
// layout: the time until the update is laid out and ready to paint (the
// wait for the next vsync is not the app's, and is left out).
const NEXT_FRAME = 'await new Promise((r) => setTimeout(r, 0)); void document.body.offsetHeight;';
const acts = {
  'task search (type a character)': ['tasks/', '#task-q', null, new Function('i', `return (async () => {
    const q = document.querySelector('#task-q'); const t0 = performance.now();
    q.value = ['省', '省科', '省科技', '虞', '知识', ''][i % 6]; q.dispatchEvent(new Event('input', { bubbles: true }));
    ${NEXT_FRAME} return performance.now() - t0; })()`)],
  'map layer toggle': ['map/', '.map-frame .hit', null, new Function('i', `return (async () => {
    const boxes = document.querySelectorAll('.layer-list input'); const b = boxes[i % boxes.length]; const t0 = performance.now();
    b.click(); ${NEXT_FRAME} return performance.now() - t0; })()`)],
  'agency view switch': ['agencies/', '.page.agencies svg.chart', null, new Function('i', `return (async () => {
    const views = ['heatmap', '', 'bipartite', '']; const b = document.querySelector('.views [data-view="' + views[i % views.length] + '"]'); const t0 = performance.now();
    b.click(); ${NEXT_FRAME} return performance.now() - t0; })()`)],
  'chart hover (tooltip)': ['targets/gdp/', '.target-detail svg.chart .hit', null, new Function('i', `return (async () => {
    const marks = document.querySelectorAll('.target-detail svg.chart .hit'); const m = marks[i % marks.length]; const t0 = performance.now();
    m.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse' })); ${NEXT_FRAME} const dt = performance.now() - t0;
    m.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, pointerType: 'mouse' })); ${NEXT_FRAME} return dt; })()`)],
  'move to another page (a link)': ['targets/', '.target-card a', null, new Function('i', `return (async () => {
    const links = [...document.querySelectorAll('nav.site-nav .nav-tabs a[data-nav="targets"], nav.site-nav .nav-tabs a[data-nav="overview"]')];
    const a = links[i % links.length]; const t0 = performance.now();
    a.click(); ${NEXT_FRAME} return performance.now() - t0; })()`)],
};
for (const [scale, prefix] of [['1×', ''], ['10×', 'x10/'], ['100×', 'x100/']]) {
  out.interactions[scale] = {};
  for (const [name, [path, ready, setup, act]] of Object.entries(acts)) {
    try {
      out.interactions[scale][name] = await timeEvents(BASE + prefix + path, ready, setup, act);
      console.error(`${scale} ${name}: p95 ${out.interactions[scale][name].p95.toFixed(1)} ms`);
    } catch (e) {
      out.interactions[scale][name] = { error: String(e.message || e).split('\n')[0] };
      console.error(`${scale} ${name}: ${out.interactions[scale][name].error}`);
    }
  }
}

await browser.close();
writeFileSync(process.env.BENCH_OUT, JSON.stringify(out, null, 2));
