// Targets over time: small multiples, a detail chart driven by keyboard,
// downloads (PNG at 2×, CSV equal to the shown table), served and file://.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { TARGETS, launch, open, assertClean, shot, go, waitRoute, mark } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf) {
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(buf.subarray(12, 16).toString('ascii'), 'IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** A tiny CSV reader (quoted fields, doubled quotes, newlines in quotes). */
function parseCsv(text) {
  const rows = []; let row = []; let field = ''; let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') q = false;
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

for (const target of TARGETS) {
  test(`${target.name}: targets overview shows every indicator and the checks`, async () => {
    const { page, context, seen } = await open(browser, target, '#/targets');
    const cards = await page.locator('.target-card').count();
    assert.ok(cards >= 60, `${cards} cards`);
    assert.equal(await page.locator('.target-card svg.chart').count(), cards);
    const gdp = await page.textContent('.target-card[data-indicator="gdp"]');
    assert.match(gdp, /需年均增长8\.2%/);
    const urb = await page.textContent('.target-card[data-indicator="urbanization"]');
    assert.match(urb, /需年均提高1\.08个百分点/);
    const checks = await page.textContent('.checks');
    assert.match(checks, /2\.67万亿元/);
    assert.match(checks, /1625万人/);
    assert.match(checks, /2\.68万亿元/);
    assert.deepEqual(await page.locator('.milestone').evaluateAll((ls) => ls.map((l) => l.dataset.year)),
      ['1984', '1997', '2007', '2013', '2017', '2017', '2019', '2020', '2021', '2021', '2021', '2025', '2035']);
    await shot(page, `${target.name}-targets.png`);
    await assertClean(assert, page, seen);
    await context.close();
  });

  test(`${target.name}: a mark by keyboard shows its quote and links to the source`, async () => {
    const { page, context, seen } = await open(browser, target, '#/targets/gdp');
    await page.waitForSelector('svg.chart .hit');
    // Tab from the page heading to the first mark.
    await page.focus('h1');
    let focusedMark = null;
    for (let i = 0; i < 40 && !focusedMark; i++) {
      await page.keyboard.press('Tab');
      focusedMark = await page.evaluate(() => document.activeElement?.classList?.contains('hit') ? document.activeElement.getAttribute('aria-label') : null);
    }
    assert.equal(focusedMark, '2019年 现状 1.68万亿元');
    const tip = page.locator('.tooltip');
    await tip.waitFor();
    assert.match(await tip.textContent(), /2019年,长株潭地区生产总值1\.68万亿元/);
    assert.equal(await page.textContent('.tooltip mark'), '2019年,长株潭地区生产总值1.68万亿元');
    // The figure is one Tab stop; the arrow keys move between its marks.
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('.tooltip')?.textContent.includes('2.7万亿元'));
    assert.match(await tip.textContent(), /到2025年,地区生产总值达到2\.7万亿元/);
    await shot(page, `${target.name}-target-gdp-tooltip.png`);
    // Enter pins the note and moves focus to its link; Enter follows it.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('tip-link'));
    // The figure drawn anew at another width (a phone turned, a panel
    // opened) keeps the note pinned and the focus in it.
    const drawn = await page.getAttribute('figure[data-fig="tc"] .chart-box', 'data-at');
    await page.setViewportSize({ width: 900, height: 900 });
    await page.waitForFunction((w) => document.querySelector('figure[data-fig="tc"] .chart-box')?.getAttribute('data-at') !== w, drawn);
    await page.waitForFunction(() => document.activeElement?.classList.contains('tip-link'));
    assert.match(await page.getAttribute('.tooltip', 'class'), /pinned/);
    assert.match(await tip.textContent(), /到2025年,地区生产总值达到2\.7万亿元/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.source-page li.hl');
    await waitRoute(page, target, /^#\/source\/001_52071bc060105621\?lines=73-73$/);
    assert.match(await page.textContent('.source-page li.hl'), /地区生产总值达到2\.7万亿元/);
    await assertClean(assert, page, seen);
    await context.close();
  });

  test(`${target.name}: PNG at twice the chart size, CSV equal to the shown table`, async () => {
    const { page, context, seen } = await open(browser, target, '#/targets/urbanization');
    await page.waitForSelector('svg.chart .hit');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="png"]')]);
    assert.equal(png.suggestedFilename(), 'urbanization.png');
    const size = pngSize(await readFile(await png.path()));
    const [svgDl] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="svg"]')]);
    const svg = await readFile(await svgDl.path(), 'utf8');
    const w = Number(svg.match(/<svg[^>]* width="([\d.]+)"/)[1]);
    const h = Number(svg.match(/<svg[^>]* height="([\d.]+)"/)[1]);
    assert.equal(size.width, Math.round(w * 2));
    assert.equal(size.height, Math.round(h * 2));
    assert.match(svg, /需年均提高1\.08个百分点/);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="csv"]')]);
    const rows = parseCsv((await readFile(await csv.path(), 'utf8')).replace(/^\ufeff/, ''));
    const shown = await page.$$eval('.data-table tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    // The CSV is the shown table, with cells a spreadsheet would run as a
    // formula neutralised by a leading apostrophe (a sign alone, as the
    // bound "=", is no formula).
    const safe = (c) => (/^[=+\-@\t\r]/.test(c) && c.trim().length > 1 && !Number.isFinite(Number(c.trim())) ? `'${c}` : c);
    assert.deepEqual(rows, shown.map((r) => r.map(safe)));
    assert.equal(rows.length, 1 + 7);
    // A bound of "=" is no formula: it stays as written.
    assert.deepEqual(rows[1].slice(0, 4), ['2019', '现状', '73.5', '=']);
    assert.deepEqual(rows[7].slice(0, 4), ['2025', '目标', '80', '=']);
    await assertClean(assert, page, seen);
    await context.close();
  });

  test(`${target.name}: readings that are judgements say why, on the page and in the tooltip`, async () => {
    const { page, context, seen } = await open(browser, target, '#/targets/innovation-teams');
    await page.waitForSelector('svg.chart .hit');
    // Two readings the seeds do not settle: both totals said, the values
    // drawn as written (no yearly/cumulative toggle, no sum of 190).
    assert.match(await page.textContent('.reading'), /到2019年共引进100个以上/);
    assert.match(await page.textContent('.reading'), /三年合计190个以上/);
    assert.equal(await page.locator('.segmented').count(), 0);
    const values = await page.$$eval('.data-table tbody tr', (trs) => trs.map((tr) => tr.children[2].textContent));
    assert.deepEqual(values, ['30', '60', '100']);
    assert.ok(!(await page.textContent('.target-detail svg.chart')).includes('190'));
    await page.hover(mark('tc', 2));
    await page.waitForSelector('.tooltip .tip-reading');
    assert.match(await page.textContent('.tooltip .tip-reading'), /两可/);
    // A commitment is neither a value nor a target.
    await go(page, target, '#/targets/xjna-fiscal-support');
    await page.waitForSelector('.target-detail svg.chart .hit');
    await page.hover(mark('tc', 0));
    await page.waitForSelector('.tooltip .tip-reading');
    assert.match(await page.textContent('.tooltip .tip-head'), /2021年 承诺/);
    assert.match(await page.textContent('.legend'), /承诺值/);
    // 1/7 stays a fraction.
    await go(page, target, '#/targets/land-share');
    await page.waitForSelector('.target-detail svg.chart .hit');
    await page.hover(mark('tc', 0));
    await page.waitForSelector('.tooltip .tip-written');
    assert.match(await page.textContent('.tooltip .tip-written'), /1\/7/);
    // What the plans say without a number: on the targets page.
    await go(page, target, '#/targets');
    await page.waitForSelector('.statements');
    assert.equal(await page.locator('.statement').count(), 39);
    assert.match(await page.textContent('.statement[data-statement="longwanggang-water-2021"]'), /2021年.*稳定达到Ⅲ类/);
    await assertClean(assert, page, seen);
    await context.close();
  });

  test(`${target.name}: flows toggle to running totals; 003 lists qualitative targets`, async () => {
    const { page, context, seen } = await open(browser, target, '#/targets/maker-space');
    assert.match(await page.textContent('.qualitative'), /制定出台《湖南省众创空间管理办法（试行）》/);
    const before = await page.$$eval('.data-table tbody tr', (trs) => trs.map((tr) => tr.children[2].textContent));
    assert.deepEqual(before, ['200', '200', '200']);
    await page.click('.view-switch button[data-view="cumulative"]');
    await page.waitForFunction(() => document.querySelector('.data-table tbody tr:last-child td:nth-child(3)')?.textContent === '600');
    assert.match(page.url(), /view=cumulative/);
    await assertClean(assert, page, seen);
    await context.close();
  });
}

test('served: charts fit a phone (360 px) without overflow', async () => {
  const { page, context, seen } = await open(browser, TARGETS[0], '#/targets/gdp', { viewport: { width: 360, height: 740 } });
  await page.waitForSelector('svg.chart .hit');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
  const vb = await page.getAttribute('.chart-box svg.chart', 'viewBox');
  const w = Number(vb.split(' ')[2]);
  assert.ok(w <= 360 && w >= 280, `chart laid out at ${w}px for a 360px screen`);
  await shot(page, 'served-target-gdp-360.png');
  await assertClean(assert, page, seen);
  await context.close();
});
