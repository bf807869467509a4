// Browser timings for `cargo xtask bench` (prints figures; not a test).
// BASE_URL (the served site) and OFFLINE_FILE are set by the xtask.
import { pathToFileURL } from 'node:url';
import { launch } from './browser.mjs';

const runs = 5;
const median = (v) => v.slice().sort((a, b) => a - b)[Math.floor(v.length / 2)];
const browser = await launch();

async function measure(url, readySelector) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector('html[data-app="ready"]', { timeout: 60000 });
  const ready = Date.now() - t0;
  await page.waitForSelector(readySelector, { timeout: 60000 });
  const shown = Date.now() - t0;
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return n ? n.domContentLoadedEventEnd : 0;
  });
  await page.close();
  return { ready, shown, dcl: nav };
}

const cases = [
  ['served #/targets/gdp', process.env.BASE_URL + '#/targets/gdp', 'svg.chart .hit'],
  ['served #/map', process.env.BASE_URL + '#/map', '.map-frame .hit'],
  ['served #/agencies?view=network', process.env.BASE_URL + '#/agencies?view=network', 'svg.chart .hit'],
  ['offline file #/targets/gdp', pathToFileURL(process.env.OFFLINE_FILE).href + '#/targets/gdp', 'svg.chart .hit'],
];
console.log('\n## In headless Chromium (median of %d loads, loopback, this machine)', runs);
for (const [name, url, sel] of cases) {
  const r = [];
  for (let i = 0; i < runs; i++) r.push(await measure(url, sel));
  console.log(
    '%s: HTML parsed %s ms, app mounted %s ms, first interactive chart %s ms',
    name.padEnd(34),
    String(Math.round(median(r.map((x) => x.dcl)))).padStart(5),
    String(median(r.map((x) => x.ready))).padStart(5),
    String(median(r.map((x) => x.shown))).padStart(5),
  );
}
await browser.close();
