// Hostile links and host pages: anyone can send a link, and a government
// site embeds us. Nested embeds, a 1 MB hash, iframes that must shrink,
// messages of the wrong shape, snippets from a page with a query.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, TARGETS, launch, open, assertClean } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/**
 * Go to `hash` in the open app; the time from the moment the browser has
 * taken the new URL (its own handling of a long URL comes first) to the
 * next frame after the app handled it.
 */
async function handled(page, hash) {
  return page.evaluate(async (h) => {
    location.hash = h;
    const t0 = performance.now();
    // The hashchange event, its render, then a frame and a task.
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, hash);
}

for (const target of TARGETS) {
  test(`${target.name}: nested embeds are no page, handled at once`, async () => {
    const { page, context, seen } = await open(browser, target, '#/');
    for (const n of [2, 3000, 10000]) {
      const ms = await handled(page, `#/${'embed/'.repeat(n)}targets/gdp`);
      await page.waitForSelector('.not-found');
      assert.equal(await page.getAttribute('html', 'data-app'), 'ready');
      assert.ok(ms < 1000, `${n} nested embeds took ${Math.round(ms)} ms`);
      console.log(`  ${n} nested embeds: ${Math.round(ms)} ms`);
    }
    // One embed is a page; its path is decoded once, as in the app.
    await handled(page, '#/embed/targets/gdp');
    await page.waitForSelector('.target-detail.embed svg.chart');
    await handled(page, '#/embed/targets/gdp%2567');
    await page.waitForSelector('.not-found');
    await assertClean(assert, page, seen);
    await context.close();
  });

  test(`${target.name}: a 1 MB link is cut, not obeyed`, async () => {
    // On the task list: the app reads the link itself (no new page).
    const { page, context, seen } = await open(browser, target, '#/tasks');
    const q = encodeURIComponent('知识产权'.repeat(30000)); // over 1 MB encoded
    assert.ok(q.length > 1_000_000);
    const ms = await handled(page, `#/tasks?q=${q}`);
    await page.waitForSelector('#task-q');
    const value = await page.inputValue('#task-q');
    assert.equal([...value].length, 256, 'the search keeps the first 256 characters');
    assert.ok(ms < 1000, `a 1 MB link took ${Math.round(ms)} ms`);
    console.log(`  1 MB link: ${Math.round(ms)} ms`);
    // The page still answers.
    await page.fill('#task-q', '虞公港');
    await page.waitForFunction(() => document.querySelector('#task-count').textContent === '1');
    await assertClean(assert, page, seen);
    await context.close();
  });
}

/** A host page (another origin) with one resizing embed. */
async function host(hash) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.setContent(`<!doctype html><meta charset="utf-8"><title>host</title>
    <iframe id="sized" src="${BASE}${hash}" data-cztplans title="embed" width="100%" height="100" frameborder="0"></iframe>
    <script>window.__messages = []; addEventListener('message', (e) => window.__messages.push(e.data));</script>
    <script src="${BASE}embed.js" defer></script>`, { waitUntil: 'domcontentloaded' });
  return { page, context };
}

/** Wait until the iframe's height settles on the content's; returns it. */
async function settled(page, frame) {
  let h;
  let inner;
  for (let i = 0; i < 150; i++) {
    await page.waitForTimeout(100);
    h = Number(await page.getAttribute('#sized', 'height'));
    inner = await frame.evaluate(() => Math.ceil(document.getElementById('app').getBoundingClientRect().height));
    if (Math.abs(h - inner) <= 2) return h;
  }
  assert.fail(`iframe ${h} never matched its content ${inner}`);
}

test('served: an embedded iframe shrinks when its content does', async () => {
  const { page, context } = await host('#/embed/agencies?view=heatmap');
  const frame = await (await page.waitForSelector('#sized')).contentFrame();
  // The heatmap's marks (the load bars of the other view are in the page, not shown).
  await frame.waitForSelector('figure[data-fig="agency-heat"] svg.chart .hit', { timeout: 60000 });
  const tall = await settled(page, frame);
  await frame.evaluate(() => { location.hash = '#/embed/targets/gdp'; });
  await frame.waitForSelector('.target-detail.embed svg.chart');
  const short = await settled(page, frame);
  assert.ok(tall > 700, `heatmap embed ${tall}px`);
  assert.ok(short < tall - 200, `after switching to the GDP chart: ${short}px (was ${tall}px)`);
  // The message carries the height and nothing else (not the visitor's URL).
  const shapes = await page.evaluate(() => window.__messages.filter((m) => m && m.type === 'cztplans:height').map((m) => Object.keys(m).sort().join(',')));
  assert.ok(shapes.length > 0);
  assert.deepEqual([...new Set(shapes)], ['height,type']);
  await context.close();
});

test('served: embed.js takes only a finite number in a sane range, even from its own frame', async () => {
  const { page, context } = await host('#/embed/targets/gdp');
  const frame = await (await page.waitForSelector('#sized')).contentFrame();
  await frame.waitForSelector('svg.chart .hit', { timeout: 60000 });
  const h0 = await settled(page, frame);
  // Stop the embed's own reports, then send odd shapes from the real frame.
  await frame.evaluate(() => { document.getElementById('app').style.display = 'contents'; });
  for (const bad of ['2222', [2345], ' 0x900 ', null, true, { valueOf: 3000 }, 1e9, -5, 10, NaN, Infinity]) {
    await frame.evaluate((h) => parent.postMessage({ type: 'cztplans:height', height: h }, '*'), bad);
  }
  await frame.evaluate(() => parent.postMessage({ type: 'cztplans:height', height: Number.NaN }, '*'));
  await page.waitForTimeout(300);
  assert.equal(Number(await page.getAttribute('#sized', 'height')), h0);
  await frame.evaluate(() => parent.postMessage({ type: 'cztplans:height', height: 777.2 }, '*'));
  await page.waitForFunction(() => document.getElementById('sized').getAttribute('height') === '778');
  await context.close();
});

test('served: a site served at another address than it was built for embeds and previews from where it is', async (t) => {
  // The same server under another name is another origin: a copy of the
  // site on a host it was not built for. Its snippets name that host, and
  // the preview loads there (frame-src 'self' refuses the build's host).
  const built = new URL(BASE);
  if (built.hostname !== '127.0.0.1') {
    t.skip(`${built.hostname} has no second name here (localhost is 127.0.0.1's)`);
    return;
  }
  const here = `http://localhost:${built.port}`;
  const target = { ...TARGETS[0], url: () => `${here}/targets/gdp/`, origin: `${here}/` };
  const { page, context, seen } = await open(browser, target, '#/targets/gdp');
  await page.click('.embed-kit summary');
  const kit = await page.textContent('.embed-kit');
  assert.ok(kit.includes(`<iframe src="${here}/embed/targets/gdp/"`), kit);
  assert.ok(kit.includes(`<script src="${here}/embed.js" defer></script>`), kit);
  assert.ok(!kit.includes(built.origin), 'the build\'s address is not in the snippets');
  const frame = page.frameLocator('.embed-preview iframe');
  await frame.locator('svg.chart .hit').first().waitFor();
  assert.equal(new URL(await page.getAttribute('.embed-preview iframe', 'src')).origin, here);
  await assertClean(assert, page, seen);
  await context.close();
});

test('served: embed snippets are built from the origin and path only', async () => {
  const target = TARGETS[0];
  const { page, context, seen } = await open(browser, target, '#/');
  await page.goto(`${BASE}?from=a/b%22c#/targets/gdp`);
  await page.waitForSelector('html[data-app="ready"]');
  await page.waitForSelector('.embed-kit');
  const kit = await page.textContent('.embed-kit');
  const origin = new URL(BASE).origin;
  assert.ok(kit.includes(`<iframe src="${origin}/embed/targets/gdp/"`), kit);
  assert.ok(kit.includes(`<script src="${origin}/embed.js" defer></script>`), kit);
  assert.ok(!kit.includes('from='), 'the page query stays out of the snippet');
  await assertClean(assert, page, seen);
  await context.close();
});
