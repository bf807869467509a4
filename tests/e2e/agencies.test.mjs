// Agency load: ranked bars, filters, heatmap, networks, agency pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TARGETS, launch, open, go, assertClean, shot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const hits = (page) => page.$$eval('.agency-view:not([hidden]) svg.chart .hit', (hs) => hs.map((h) => h.getAttribute('aria-label')));

for (const target of TARGETS) {
  test(`${target.name}: ranked load, filtered by document`, async () => {
    const { page, context, seen } = await open(browser, target, '#/agencies');
    await page.waitForSelector('.agency-view:not([hidden]) svg.chart .hit');
    let labels = await hits(page);
    assert.equal(labels.length, 44, 'every agency but the 3 collective units');
    assert.match(labels[0], /^省发展改革委：51项任务/);
    const coll = await page.$$eval('.collective li', (ls) => ls.map((l) => l.dataset.agency));
    assert.deepEqual(coll, ['coll-cities', 'coll-leading-group', 'coll-related-depts']);
    await shot(page, `${target.name}-agencies.png`);
    await page.selectOption('#ag-doc', '004_63bd9ad5aebbd682');
    await page.waitForFunction(() => document.querySelector('.agency-view:not([hidden]) svg.chart .hit')?.getAttribute('aria-label').includes('27项任务'));
    labels = await hits(page);
    assert.match(labels[0], /^省发展改革委：27项任务/);
    assert.ok(labels.every((l) => /004/.test(l)));
    assert.match(page.url(), /doc=004_63bd9ad5aebbd682/);
    // Keyboard: focus the first bar, read its note, follow its link.
    await page.focus('.agency-view:not([hidden]) svg.chart .hit');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('tip-link'));
    await page.keyboard.press('Enter');
    await page.waitForSelector('article.agency-page[data-agency="prov-drc"]');
    await assertClean(assert, page, seen);
    await context.close();
  });

  test(`${target.name}: heatmap and networks highlight and explain`, async () => {
    const { page, context, seen } = await open(browser, target, '#/agencies?view=heatmap');
    await page.waitForSelector('.agency-view:not([hidden]) svg.chart .hit');
    assert.ok((await hits(page)).length > 150);
    await page.hover('.agency-view:not([hidden]) svg.chart .hit');
    assert.match(await page.textContent('.tooltip'), /000-/);
    assert.match(await page.textContent('.heat-legend'), /加强规划统领与约束/);
    await page.click('.views [data-view="network"]');
    await page.waitForFunction(() => document.querySelectorAll('.agency-view:not([hidden]) svg.chart .hit').length === 44);
    await page.focus('.agency-view:not([hidden]) svg.chart .hit');
    const hl = await page.$eval('.agency-view:not([hidden]) svg.chart g.highlight', (g) => g.querySelectorAll('.hl-edge').length);
    assert.ok(hl >= 20, `the heaviest agency's partners are highlighted (${hl})`);
    await shot(page, `${target.name}-agencies-network.png`);
    await page.click('.views [data-view="bipartite"]');
    // One panel per document: its agencies and its tasks (86 in all, numbered).
    await page.waitForFunction(() => document.querySelectorAll('.agency-view:not([hidden]) svg.chart .hit[aria-label^="000-"], .agency-view:not([hidden]) svg.chart .hit[aria-label^="003-"], .agency-view:not([hidden]) svg.chart .hit[aria-label^="004-"]').length >= 86);
    const heads = await page.$$eval('.agency-view:not([hidden]) svg.chart g.static text', (ts) => ts.map((t) => t.textContent.trim()).filter((s) => /^00[034] /.test(s)));
    assert.equal(heads.length, 3, `a panel per document: ${heads}`);
    await assertClean(assert, page, seen);
    await context.close();
  });

  test(`${target.name}: a narrow figure is shown at its own size, not stretched`, async () => {
    // One document's heatmap has three columns: far narrower than the page.
    const { page, context, seen } = await open(browser, target, '#/agencies?view=heatmap&doc=003_eb0be2c1adcc1018');
    await page.waitForSelector('.agency-view:not([hidden]) svg.chart .hit');
    const [shown, drawn] = await page.$eval('.agency-view:not([hidden]) svg.chart', (s) => [s.getBoundingClientRect().width, s.viewBox.baseVal.width]);
    assert.ok(drawn < 600, `the heatmap is laid out narrow (${drawn})`);
    assert.ok(Math.abs(shown - drawn) <= 1, `shown ${shown}px wide, laid out for ${drawn}px`);
    // A figure laid out for the page's width fills its box (at most a step
    // of draw::widths wider than it was laid out for).
    await page.click('.views [data-view=""]');
    await page.waitForFunction(() => document.querySelector('.agency-view:not([hidden]) svg.chart').viewBox.baseVal.width > 900);
    const [full, laid, box] = await page.$eval('.agency-view:not([hidden]) svg.chart', (s) => [s.getBoundingClientRect().width, s.viewBox.baseVal.width, s.closest('.chart-wrap').clientWidth]);
    assert.ok(Math.abs(full - box) <= 1 && laid <= box && box < laid * 1.3, `the load chart: shown ${full}px, laid out ${laid}px, box ${box}px`);
    await shot(page, `${target.name}-agencies-heatmap-003.png`);
    await assertClean(assert, page, seen);
    await context.close();
  });

  test(`${target.name}: at phone width every label stays inside its drawing`, async () => {
    const { page, context, seen } = await open(browser, target, '#/agencies/prov-drc', { viewport: { width: 360, height: 800 } });
    await page.waitForSelector('svg.chart .hit');
    const out = await page.$eval('svg.chart', (s) => {
      const w = s.viewBox.baseVal.width;
      return [...s.querySelectorAll('g.static text')]
        .map((t) => [t.textContent.trim(), t.getBBox()])
        .filter(([, b]) => b.x < -0.5 || b.x + b.width > w + 0.5)
        .map(([text, b]) => `${text}: ${b.x.toFixed(1)}..${(b.x + b.width).toFixed(1)} of ${w}`);
    });
    assert.deepEqual(out, []);
    await assertClean(assert, page, seen);
    await context.close();
  });

  test(`${target.name}: an agency page shows the names it carried and its tasks`, async () => {
    const { page, context, seen } = await open(browser, target, '#/agencies/prov-samr');
    const names = await page.$$eval('.names-table tbody th', (ths) => ths.map((t) => t.textContent));
    assert.deepEqual(names.map((n) => n.replace(/\s*2018.*$/, '')), ['省市场监管局', '省工商局', '省质监局']);
    assert.match(await page.textContent('.names-table'), /2018年机构改革中并入/);
    assert.equal(await page.locator('.agency-tasks tbody tr').count(), 5 + 2 + 5);
    await page.click('.agency-tasks tr[data-task="003-5"] a');
    await page.waitForSelector('article.task-page[data-task="003-5"]');
    // 省知识产权局 kept its name and office after the reform: a unit of its own.
    assert.match(await page.textContent('.unit-list'), /省知识产权局/);
    assert.match(await page.textContent('.unit-list'), /原文写作：省工商局/);
    await assertClean(assert, page, seen);
    await context.close();
  });
}

// Every tooltip opens inside what the visitor sees of its figure: a mark
// near the left or right edge (a heatmap's first column, a chart's first
// year, a place at the map's edge), on a desktop and on a phone, where a
// wide heatmap scrolls sideways.
test('tooltips open inside what the visitor sees of their figure, at the edges, on a desktop and a phone', async () => {
  const served = TARGETS[0];
  const bad = [];
  for (const width of [1280, 360]) {
    const { page, context } = await open(browser, served, '#/', { viewport: { width, height: 900 } });
    for (const hash of ['#/targets/gdp', '#/agencies?view=heatmap', '#/agencies?view=network', '#/agencies', '#/map']) {
      await go(page, served, hash);
      const marks = page.locator('figure svg.chart .hit').locator('visible=true');
      const n = await marks.count();
      assert.ok(n > 0, `${hash} at ${width}: marks`);
      for (const i of [...new Set([0, 1, n - 1])]) {
        await marks.nth(i).focus();
        const tip = page.locator('.tooltip');
        await tip.waitFor({ timeout: 5000 });
        const r = await page.evaluate(() => {
          const t = document.querySelector('.tooltip').getBoundingClientRect();
          const w = document.querySelector('.tooltip').closest('.chart-wrap').getBoundingClientRect();
          return { t: [t.left, t.right], w: [w.left, w.right] };
        });
        if (r.t[0] < r.w[0] - 1 || r.t[1] > r.w[1] + 1) {
          bad.push(`${hash} at ${width}, mark ${i}: tooltip ${r.t.map(Math.round)} outside ${r.w.map(Math.round)}`);
        }
      }
    }
    await context.close();
  }
  assert.deepEqual(bad, []);
});
