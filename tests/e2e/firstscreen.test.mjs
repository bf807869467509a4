// The first screen answers what a visitor asks: were the targets of a year
// that has passed met (the documents do not say: the page says so and
// offers the template to add outcomes), what do the plans promise (the
// headline cards above the fold), and the header is one line, sticky, on a
// phone. Served and from file://, in Chinese and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { TARGETS, launch, open, go, assertClean, shot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const YEAR = new Date().getUTCFullYear();
const WORDS = {
  zh: { past: '目标年份已过；本文件未载实际值', head: '指标,年份,实际值,单位,来源' },
  en: { past: 'Target year passed; no outcome in these documents', head: 'indicator,year,value,unit,source' },
};

for (const target of TARGETS) {
  for (const lang of ['zh', 'en']) {
    const q = lang === 'en' ? '?lang=en' : '';
    test(`${target.name} ${lang}: a target whose year has passed says so and its template downloads`, async (t) => {
      if (YEAR <= 2025) return t.skip('the targets are for 2025: not passed yet');
      const { page, context, seen } = await open(browser, target, `#/targets/gdp${q}`);
      const line = page.locator('.target-detail .status-line.past');
      assert.equal((await line.locator('.status-words').innerText()).trim(), WORDS[lang].past);
      const [dl] = await Promise.all([page.waitForEvent('download'), line.locator('a[data-template]').click()]);
      assert.equal(dl.suggestedFilename(), 'gdp-actuals.csv');
      const csv = (await readFile(await dl.path(), 'utf8')).replace(/^\uFEFF/, '');
      const rows = csv.trim().split(/\r?\n/);
      assert.equal(rows[0], WORDS[lang].head);
      assert.deepEqual(rows.slice(1).map((r) => r.split(',').slice(0, 2).join(',')),
        [2020, 2021, 2022, 2023, 2024, 2025].map((y) => `gdp,${y}`));
      // The page is still there (the download did not navigate).
      assert.equal(await page.locator('.target-detail').count(), 1);
      // The cards of the targets' page say it too, each with its template.
      await go(page, target, `#/targets${q}`);
      await page.waitForSelector('.target-card');
      const past = await page.locator('.target-card .status-line.past').count();
      assert.ok(past >= 20, `${past} cards say their year passed`);
      assert.equal(await page.locator('.target-card .status-line.past a[data-template]').count(), past);
      await assertClean(assert, page, seen);
      await context.close();
    });
  }
}

test('the overview shows the headline cards above the fold at 360 and 1440 px, then the map, the load and the documents', async () => {
  const served = TARGETS[0];
  for (const [width, height, all] of [[360, 780, 1], [1440, 900, 5]]) {
    for (const lang of ['zh', 'en']) {
      const { page, context, seen } = await open(browser, served, lang === 'en' ? '#/?lang=en' : '#/', { viewport: { width, height } });
      const boxes = await page.locator('.promises .target-card').evaluateAll((els) => els.map((e) => {
        const r = e.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, id: e.dataset.indicator };
      }));
      assert.deepEqual(boxes.map((b) => b.id), ['gdp', 'urbanization', 'pm25', 'good-air-days', 'rd-share']);
      // The first `all` cards start above the fold (at 1440 px, all five whole).
      for (const b of boxes.slice(0, all)) {
        assert.ok(b.top < height - 120, `${width} ${lang}: ${b.id} starts at ${Math.round(b.top)}`);
        if (width > 1000) assert.ok(b.bottom <= height, `${width} ${lang}: ${b.id} ends at ${Math.round(b.bottom)}`);
      }
      const order = await page.evaluate(() => ['.promises', '.mini-map', '.mini-load', '.doc-table']
        .map((s) => document.querySelector(s)?.getBoundingClientRect().top ?? -1));
      assert.ok(order.every((y) => y >= 0), `${order}`);
      assert.ok(order[0] < order[1] && order[1] <= order[3] && order[2] < order[3], `${width} ${lang}: ${order}`);
      assert.match(await page.locator('.due-counts').innerText(), lang === 'en' ? /the year of \d+ targets has passed/ : /\d+项目标的年份已过/);
      if (width === 360) await shot(page, `overview-360-${lang}.png`);
      await assertClean(assert, page, seen);
      await context.close();
    }
  }
});

test('the header is one line and stays at the top on a 360 px phone, in both languages, on every kind of page', async () => {
  const served = TARGETS[0];
  const bad = [];
  for (const lang of ['zh', 'en']) {
    for (const hash of ['#/', '#/targets', '#/map', '#/agencies', '#/tasks', '#/data']) {
      const h = lang === 'en' ? `${hash}?lang=en` : hash;
      const { page, context } = await open(browser, served, h, { viewport: { width: 360, height: 740 } });
      const m = await page.evaluate(() => {
        const header = document.querySelector('.site-header');
        const r = header.getBoundingClientRect();
        const kids = [...header.children].filter((e) => e.getBoundingClientRect().width > 0 && getComputedStyle(e).position !== 'absolute');
        const boxes = kids.map((e) => ({ c: e.className, ...e.getBoundingClientRect().toJSON() }));
        const overlaps = [];
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i], b = boxes[j];
            if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps.push(`${a.c} × ${b.c}`);
          }
        }
        const tops = new Set(boxes.map((b) => Math.round((b.top + b.bottom) / 2 / 8)));
        return { height: r.height, overlaps, lines: tops.size, right: Math.max(...boxes.map((b) => b.right)) };
      });
      if (m.height > 64) bad.push(`${h}: header ${m.height}px tall`);
      if (m.overlaps.length) bad.push(`${h}: ${m.overlaps.join(', ')}`);
      if (m.lines > 1) bad.push(`${h}: header on ${m.lines} lines`);
      if (m.right > 361) bad.push(`${h}: header ends at ${m.right}`);
      await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(200);
      const top = await page.evaluate(() => document.querySelector('.site-header').getBoundingClientRect().top);
      if (Math.abs(top) > 1) bad.push(`${h}: after scrolling the header is at ${top}`);
      await context.close();
    }
  }
  assert.deepEqual(bad, []);
});

test('the targets page has an index: a jump link scrolls to its group and keeps the route, served and offline', async () => {
  for (const target of TARGETS) {
    const { page, context, seen } = await open(browser, target, '#/targets', { viewport: { width: 360, height: 740 } });
    const links = page.locator('nav.jump a');
    assert.ok(await links.count() >= 4);
    const href = (await links.nth(2).getAttribute("href")).replace(/^[^#]*/, "");
    await links.nth(2).click();
    await page.waitForTimeout(400);
    const top = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, href.slice(1));
    assert.ok(top >= 0 && top < 200, `${target.name}: ${href} at ${top}`);
    assert.equal(await page.locator('.target-card').count() > 40, true, `${target.name}: still the targets page`);
    if (target.name === 'file') assert.match(new URL(page.url()).hash, /^#\/targets/);
    await assertClean(assert, page, seen);
    await context.close();
  }
});

for (const target of TARGETS) {
  test(`${target.name}: the place finder finds 大托 and shows its sentence, zoomed in; a name it does not know says so`, async () => {
    const { page, context, seen } = await open(browser, target, '#/map');
    await page.fill('.place-finder input[name=find]', '大托');
    await page.press('.place-finder input[name=find]', 'Enter');
    await page.waitForFunction(() => document.querySelector('.place-panel')?.textContent.includes('联动周边大托'));
    const here = decodeURIComponent(target.here(page));
    assert.match(here, /sel=datuo/);
    assert.doesNotMatch(here, /find=/);
    const z = Number((await page.textContent('.zoom-level')).replace('×', ''));
    assert.ok(z >= 4, `zoom ${z}`);
    // The place is on the map, with its label.
    assert.ok(await page.locator('.map-frame .hit[aria-label^="大托"]').count() >= 1);
    // Back: the map before the search.
    await page.goBack();
    await page.waitForFunction(() => !document.querySelector('.place-panel'));
    // Not a place of the plans: a message, nothing lost.
    await page.fill('.place-finder input[name=find]', '上海浦东');
    await page.press('.place-finder input[name=find]', 'Enter');
    await page.waitForFunction(() => document.querySelector('.finder-result')?.textContent.includes('上海浦东'));
    assert.equal(await page.locator('.map-frame .hit').count() > 10, true);
    await assertClean(assert, page, seen);
    await context.close();
  });
}

test('served: on a touch screen a tapped place opens its panel and leaves no tooltip over the map', async () => {
  const served = TARGETS[0];
  const { page, context, seen } = await open(browser, served, '#/map', {
    viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2,
  });
  await page.waitForSelector('.map-frame .hit');
  for (const name of ['长沙市', '株洲市']) {
    await page.locator(`.map-frame .hit[aria-label^="${name}"]`).first().tap();
    await page.waitForFunction((n) => document.querySelector('.place-panel')?.textContent.includes(n), name);
    await page.waitForTimeout(300);
    const tips = await page.evaluate(() => [...document.querySelectorAll('.tooltip')]
      .filter((t) => !t.hidden && getComputedStyle(t).display !== 'none' && getComputedStyle(t).visibility !== 'hidden' && t.getBoundingClientRect().height > 0).length);
    assert.equal(tips, 0, `after tapping ${name} a tooltip stays`);
  }
  await assertClean(assert, page, seen);
  await context.close();
});

test('served: at 360 px the network labels its ten largest agencies and says how many lines it shows', async () => {
  const served = TARGETS[0];
  for (const lang of ['zh', 'en']) {
    const q = lang === 'en' ? '&lang=en' : '';
    const { page, context, seen } = await open(browser, served, `#/agencies?view=network${q}`, { viewport: { width: 360, height: 800 } });
    await page.waitForSelector('figure[data-fig="agency-net"] svg.chart');
    const labels = await page.$$eval('figure[data-fig="agency-net"] .chart-box:not([hidden]) svg.chart g.static text',
      (ts) => ts.filter((t) => t.getBoundingClientRect().width > 0).map((t) => t.textContent.trim()));
    assert.ok(labels.length >= 10, `${lang}: ${labels.length} labels: ${labels}`);
    assert.ok(labels.includes(lang === 'en' ? 'Provincial DRC' : '省发展改革委'), `${labels}`);
    assert.match(await page.textContent('.edges-shown'), lang === 'en' ? /of \d+ lines are shown/ : /条连线/);
    // All the lines: the control.
    const before = await page.$$eval('figure[data-fig="agency-net"] svg.chart g.static path, figure[data-fig="agency-net"] svg.chart g.static line, figure[data-fig="agency-net"] svg.chart g.static polyline', (e) => e.length);
    await page.selectOption('#ag-shared', '1');
    await page.waitForFunction(() => /shared=1/.test(location.search));
    await page.waitForFunction((n) => document.querySelectorAll('figure[data-fig="agency-net"] svg.chart g.static path, figure[data-fig="agency-net"] svg.chart g.static line, figure[data-fig="agency-net"] svg.chart g.static polyline').length > n, before);
    await assertClean(assert, page, seen);
    await context.close();
  }
});
