// The region map: layers, selection, keyboard zoom and pan, and the view
// restored from the URL after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TARGETS, launch, open, assertClean, shot, go, waitRoute } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const hitLabels = (page) => page.$$eval('.map-frame .hit', (hs) => hs.map((h) => h.getAttribute('aria-label')));

for (const target of TARGETS) {
  test(`${target.name}: toggle layers, select a cluster, zoom by keyboard, reload`, async () => {
    const { page, context, seen } = await open(browser, target, '#/map');
    await page.waitForSelector('.map-frame .hit');
    let labels = await hitLabels(page);
    // Every layer is on at first: the parks and the new area too.
    assert.ok(labels.some((l) => l.startsWith('长株潭生态绿心')));
    assert.ok(labels.some((l) => l.startsWith('湖南湘江新区')), 'the new-area layer is on by default');
    assert.equal(await page.isChecked('input[data-layer="parks"]'), true);
    // Layers: the new area off, then the green heart off.
    await page.uncheck('input[data-layer="newarea"]');
    await waitRoute(page, target, /layers=(?![^&]*newarea)/);
    labels = await hitLabels(page);
    assert.ok(!labels.some((l) => l.startsWith('湖南湘江新区')));
    await page.uncheck('input[data-layer="heart"]');
    await waitRoute(page, target, /layers=(?![^&]*heart)/);
    labels = await hitLabels(page);
    assert.ok(!labels.some((l) => l.startsWith('长株潭生态绿心')));
    // Click a cluster: its defining sentence and its members.
    await page.click('.map-frame .hit[aria-label^="宁乡城镇组团"]');
    await page.waitForSelector('.place-panel');
    await waitRoute(page, target, /sel=ningxiang-cluster/);
    const panel = await page.textContent('.place-panel');
    assert.match(panel, /宁乡城镇组团,依托宁乡主城区、金洲新城、黄材、灰汤、花明楼等重要节点/);
    assert.match(panel, /提到它的任务/);
    // A place named by a task: its tasks and their agencies.
    await page.click('.place-panel a:has-text("黄材")');
    await waitRoute(page, target, /sel=huangcai/);
    await go(page, target, target.here(page).replace(/sel=[^&]*/, 'sel=yugong-port'));
    await page.waitForFunction(() => document.querySelector('.place-panel')?.textContent.includes('虞公港'));
    assert.match(await page.textContent('.place-panel'), /000-29/);
    assert.match(await page.textContent('.place-panel'), /省商务厅、省发展改革委/);
    await shot(page, `${target.name}-map.png`);
    // Keyboard: focus the map, zoom in twice (from the core's ×1.8), pan right.
    await page.focus('.map-frame');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.keyboard.press('ArrowRight');
    await waitRoute(page, target, /z=4\.05.*c=|c=.*z=4\.05/);
    assert.equal(await page.textContent('.zoom-level'), '×4.05');
    const url = page.url();
    const before = await page.$eval('.map-frame svg.chart g.static', (g) => g.innerHTML.length);
    // Reload: the same view.
    await page.reload();
    await page.waitForSelector('html[data-app="ready"]');
    await page.waitForSelector('.map-frame .hit');
    assert.equal(page.url(), url);
    assert.equal(await page.textContent('.zoom-level'), '×4.05');
    assert.equal(await page.$eval('.map-frame svg.chart g.static', (g) => g.innerHTML.length), before);
    assert.equal(await page.isChecked('input[data-layer="newarea"]'), false);
    assert.equal(await page.isChecked('input[data-layer="heart"]'), false);
    assert.match(await page.textContent('.place-panel'), /虞公港/);
    await assertClean(assert, page, seen);
    await context.close();
  });
}

test('served: Ctrl+wheel zooms at the pointer and drag pans', async () => {
  const { page, context, seen } = await open(browser, TARGETS[0], '#/map');
  await page.waitForSelector('.map-frame .hit');
  const box = await page.locator('.map-frame').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // One wheel step (with Ctrl: without, the page scrolls) zooms by at most ×2.
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await waitRoute(page, TARGETS[0], /z=3\.6(&|$)/);
  const centre = () => decodeURIComponent(TARGETS[0].here(page)).match(/c=([\d.]+),([\d.]+)/);
  const c0 = centre();
  await page.mouse.move(box.x + 200, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + 300, box.y + 260, { steps: 5 });
  await page.mouse.up();
  await waitRoute(page, TARGETS[0], new RegExp(`c=(?!${c0[1]},${c0[2]})`));
  const c1 = centre();
  assert.ok(Number(c1[1]) < Number(c0[1]), 'dragging right moves the view west');
  assert.ok(Number(c1[2]) > Number(c0[2]), 'dragging down moves the view north');
  await assertClean(assert, page, seen);
  await context.close();
});

test('served: one zoom step draws the map once', async () => {
  const { page, context, seen } = await open(browser, TARGETS[0], '#/map');
  await page.waitForSelector('.map-frame .hit');
  // Count how often the drawing is replaced (each one record on its box's parent).
  await page.evaluate(() => {
    window.__draws = 0;
    new MutationObserver((m) => { window.__draws += m.length; })
      .observe(document.querySelector('.map-frame .chart-wrap'), { childList: true });
  });
  await page.click('button[data-zoom="in"]');
  await waitRoute(page, TARGETS[0], /z=2\.7/);
  // Let the URL's round trip come back before counting.
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__draws), 1);
  await assertClean(assert, page, seen);
  await context.close();
});
