// Embed, offline and share: embeds in a parent page, deep links, the
// offline file, no JavaScript, print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, OFFLINE, TARGETS, launch, open, assertClean, shot, go } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/**
 * A parent page (another origin: about:blank) with an embed resized by
 * embed.js and, with `plain`, a plain one. The test waits for what it needs,
 * not for the page's load event (which waits for every iframe). embed.js is
 * deferred, as README says: Chromium may block a parser-blocking cross-site
 * script written by document.write (which setContent uses) on a slow network.
 */
async function parentPage({ plain = true, old = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  // An embed at its real address, or as old snippets wrote it (a hash route).
  const src = (hash) => (old ? `${BASE}${hash}` : `${BASE}${hash.slice(2).replace(/^([^?]*)/, '$1/')}`);
  await page.setContent(`<!doctype html><meta charset="utf-8"><title>host</title>
    <h1>A government page</h1>
    <iframe id="sized" src="${src('#/embed/targets/gdp')}" data-cztplans title="GDP" width="100%" height="100" frameborder="0"></iframe>
    ${plain ? `<iframe id="plain" src="${src('#/embed/map?layers=axis%2Cheart')}" title="map" width="100%" height="400" frameborder="0"></iframe>` : ''}
    <script src="${BASE}embed.js" defer></script>`, { waitUntil: 'domcontentloaded' });
  return { page, context, requests };
}

for (const old of [false, true]) {
test(`served: an embed ${old ? '(an old hash link) ' : ''}reports its height and embed.js resizes its iframe`, async () => {
  const { page, context, requests } = await parentPage({ old });
  await page.waitForFunction(() => document.getElementById('sized').getAttribute('data-cztplans-sized') === 'true', null, { timeout: 60000 });
  const frame = page.frame({ url: /\/embed\/targets\/gdp\/$/ });
  await frame.waitForSelector('svg.chart .hit');
  // The first message may predate the drawn chart or the loaded fonts; the
  // ResizeObserver's later messages must bring the iframe to the content.
  let h;
  let inner;
  let tries = 0;
  do {
    if (tries++) await page.waitForTimeout(100);
    h = Number(await page.getAttribute('#sized', 'height'));
    inner = await frame.evaluate(() => document.documentElement.scrollHeight);
  } while (Math.abs(h - inner) > 2 && tries < 150);
  assert.ok(h > 300, `resized to ${h}`);
  assert.ok(Math.abs(h - inner) <= 2, `iframe ${h} vs content ${inner}`);
  // The embed has no app chrome, and links to the full view.
  assert.equal(await frame.locator('header.site-header').count(), 0);
  assert.equal(await frame.locator('footer').count(), 0);
  // The baseline and the target, and the five years of the implied path between.
  assert.equal(await frame.locator('svg.chart .hit').count(), 2 + 5);
  assert.equal(await frame.getAttribute('.embed-credit a', 'href'), 'targets/gdp/');
  // Its title and where it comes from, as Datawrapper's and OWID's embeds say.
  assert.equal(await frame.textContent('.embed-title'), '地区生产总值');
  assert.match(await frame.textContent('.embed-credit .embed-source'), /来源：《长株潭区域一体化发展规划纲要》 \(2021\)/);
  // The plain iframe renders the map and keeps its height (no script needed).
  const map = page.frame({ url: /\/embed\/map\/\?layers=/ });
  await map.waitForSelector('.map-frame .hit', { timeout: 60000 });
  assert.equal(await map.locator('.layers').count(), 0, 'no layer switches in an embed');
  assert.equal(await page.getAttribute('#plain', 'height'), '400');
  // Nothing but the embed's own origin was asked for.
  const origin = new URL(BASE).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('about:') && !u.startsWith('data:')), []);
  await shot(page, `served-embed-parent${old ? '-old' : ''}.png`);
  await context.close();
});
}

test('served: embed.js sizes a frame that reported before the script ran (it asks)', async () => {
  // The host page adds embed.js only after the frame's app is up and has
  // sent its height: a deferred script, a cached frame, a slow host.
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.setContent(`<!doctype html><meta charset="utf-8"><title>host</title>
    <iframe id="sized" src="${BASE}#/embed/targets/gdp" data-cztplans title="GDP" width="100%" height="100" frameborder="0"></iframe>`,
  { waitUntil: 'domcontentloaded' });
  const frame = await (await page.waitForSelector('#sized')).contentFrame();
  await frame.waitForSelector('svg.chart .hit', { timeout: 60000 });
  await page.waitForTimeout(300);
  assert.equal(await page.getAttribute('#sized', 'height'), '100', 'nothing sized it yet');
  await page.addScriptTag({ url: `${BASE}embed.js` });
  await page.waitForFunction(() => document.getElementById('sized').getAttribute('data-cztplans-sized') === 'true', null, { timeout: 10000 });
  assert.ok(Number(await page.getAttribute('#sized', 'height')) > 300);
  await context.close();
});

test('served: embed.js ignores messages that are not its iframe\'s', async () => {
  const { page, context } = await parentPage({ plain: false });
  await page.waitForFunction(() => document.getElementById('sized').getAttribute('data-cztplans-sized') === 'true', null, { timeout: 60000 });
  const before = await page.getAttribute('#sized', 'height');
  // The parent itself, and a foreign frame, claim another height.
  await page.evaluate(() => window.postMessage({ type: 'cztplans:height', height: 9999 }, '*'));
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.setAttribute('data-cztplans', '');
    f.srcdoc = '<script>parent.postMessage({type:"cztplans:height",height:7777},"*")<\/script>';
    document.body.appendChild(f);
  });
  await page.evaluate(() => window.postMessage({ type: 'cztplans:height', height: 'tall' }, '*'));
  await page.waitForTimeout(500);
  assert.equal(await page.getAttribute('#sized', 'height'), before);
  await context.close();
});

for (const target of TARGETS) {
  test(`${target.name}: embed routes render under the CSP, deep links restore views`, async () => {
    const { page, context, seen } = await open(browser, target, '#/embed/agencies?view=heatmap&doc=003_eb0be2c1adcc1018');
    await page.waitForSelector('svg.chart .hit');
    assert.equal(await page.locator('header.site-header').count(), 0);
    assert.match(await page.textContent('.embed-title'), /单位×类别/);
    for (const [hash, sel] of [
      ['#/embed/agencies/prov-drc', '.agency-page.embed svg.chart'],
      ['#/embed/map?z=3&c=112.95%2C28.1&sel=green-heart', '.place-panel'],
      ['#/embed/targets/maker-space?view=cumulative', '.target-detail.embed svg.chart'],
      ['#/embed/tasks', '.not-found, .empty'],
    ]) {
      await go(page, target, hash);
      await page.waitForSelector(sel);
    }
    // Deep links survive a reload: a flow's cumulative view.
    await go(page, target, '#/targets/maker-space?view=cumulative');
    await page.waitForSelector('.target-detail .view-switch');
    await page.reload();
    await page.waitForSelector('html[data-app="ready"]');
    await page.waitForSelector('.data-table tbody tr');
    await page.waitForFunction(() => document.querySelector('.view-switch button[data-view="cumulative"]')?.getAttribute('aria-pressed') === 'true');
    assert.equal(await page.textContent('.data-table tbody tr:last-child td:nth-child(3)'), '600');
    // The embed kit gives both snippets (hosted) or says why not (offline).
    const kit = await page.textContent('.embed-kit');
    if (target.name === 'served') {
      assert.match(kit, /<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/targets\/maker-space\/\?view=cumulative"/);
      assert.match(kit, /embed\.js" defer><\/script>/);
    } else {
      assert.match(kit, /离线版不能被嵌入/);
    }
    await assertClean(assert, page, seen, { notFound: true });
    await context.close();
  });

  test(`${target.name}: print shows the view without controls`, async () => {
    const { page, context, seen } = await open(browser, target, '#/targets/gdp');
    await page.waitForSelector('svg.chart .hit');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header nav').isVisible(), false);
    assert.equal(await page.locator('.chart-downloads').isVisible(), false);
    assert.equal(await page.locator('svg.chart').first().isVisible(), true);
    assert.equal(await page.locator('.data-table').isVisible(), true);
    await page.emulateMedia({ media: 'screen' });
    await assertClean(assert, page, seen);
    await context.close();
  });
}

test('file: the offline file says it is offline and works with no network', async () => {
  const target = TARGETS[1];
  const { page, context, seen } = await open(browser, target, '#/');
  assert.match(await page.textContent('footer'), /这是离线版/);
  assert.equal(await page.getAttribute('html', 'data-build'), 'offline');
  await context.setOffline(true);
  await go(page, target, '#/map');
  await page.waitForSelector('.map-frame .hit');
  await assertClean(assert, page, seen);
  await context.close();
});

test('served: without JavaScript a page has its figures, tables and quotes', async () => {
  const { page, context } = await open(browser, TARGETS[0], '#/targets/gdp', { wait: false, javaScriptEnabled: false });
  await page.waitForSelector('.target-detail');
  assert.equal(await page.locator('.target-detail svg.chart:visible').count(), 1, 'the drawing that fits');
  assert.match(await page.textContent('.target-detail .data-table'), /2\.7/);
  assert.match(await page.textContent('.target-detail'), /2\.67万亿元/, 'its checks');
  const map = await open(browser, TARGETS[0], '#/map', { wait: false, javaScriptEnabled: false });
  await map.page.waitForSelector('.map-frame svg.chart', { state: 'attached' });
  assert.ok(await map.page.locator('.map-frame svg.chart:visible').first().isVisible());
  assert.ok((await map.page.locator('.table-details tbody tr').count()) > 80);
  await shot(page, 'served-noscript.png');
  await map.context.close();
  await context.close();
});

// The offline file carries the app packed (xtask/src/pack.rs); unpack.js,
// as the file inlines it, must give back exactly the site's own files.
test('file: the offline file unpacks to the site\'s wasm, dataset and seed texts', async () => {
  const { readFileSync } = await import('node:fs');
  const vm = await import('node:vm');
  const html = readFileSync(OFFLINE, 'utf8');
  const pack = html.match(/<script type="application\/octet-stream" id="pack" data-parts="([^"]*)" data-bytes="(\d+)">([^<]*)<\/script>/);
  assert.ok(pack, 'the pack element');
  const unpack = html.match(/<script>([\s\S]*?)<\/script>/)[1];
  const mod = { exports: {} };
  vm.runInNewContext(unpack, { module: mod, Uint8Array, Uint16Array, Math, Number, Error, String });
  const bytes = mod.exports.lzma(mod.exports.text7(pack[3], Number(pack[2])));
  const list = pack[1].split(' ');
  const parts = {};
  let at = 0;
  for (let i = 0; i < list.length; i += 2) {
    parts[list[i]] = bytes.subarray(at, at + Number(list[i + 1]));
    at += Number(list[i + 1]);
  }
  assert.equal(at, bytes.length);
  const site = new URL(`file://${process.env.SITE_DIR}/`);
  const files = Object.keys(parts).filter((n) => n !== 'boot.js');
  assert.ok(files.includes('app_bg.wasm') && files.includes('data/rest.bin'));
  assert.equal(files.filter((n) => n.startsWith('seeds/')).length, 5);
  for (const name of files) {
    assert.ok(Buffer.from(parts[name]).equals(readFileSync(new URL(name, site))), name);
  }
  // A damaged pack is refused with a reason, not run.
  const cut = pack[3].slice(0, pack[3].length >> 1);
  assert.throws(() => mod.exports.lzma(mod.exports.text7(cut, Number(pack[2]))), /cut short|damaged/);
  const flipped = pack[3].slice(0, 1000) + (pack[3][1000] === 'a' ? 'b' : 'a') + pack[3].slice(1001);
  let out = null;
  try {
    out = mod.exports.lzma(mod.exports.text7(flipped, Number(pack[2])));
  } catch (e) {
    assert.match(e.message, /damaged|cut short/);
  }
  if (out) assert.ok(!Buffer.from(out).equals(Buffer.from(bytes)), 'a changed character changes what unpacks');
});
