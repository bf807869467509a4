// The foundation: overview, task explorer, task page with its source, data
// downloads, routes, error view — served and from file://.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { TARGETS, launch, open, assertClean, shot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const target of TARGETS) {
  test(`${target.name}: overview lists the five documents`, async () => {
    const { page, context, seen } = await open(browser, target, '#/');
    assert.equal(await page.locator('.doc-table tbody tr').count(), 5);
    const tasks = await page.locator('.doc-table tbody td:nth-of-type(3)').allTextContents();
    assert.deepEqual(tasks, ['42', '0', '0', '14', '30']);
    assert.equal(await page.title(), '长株潭规划图解');
    await shot(page, `${target.name}-overview.png`);
    await assertClean(assert, page, seen);
    await context.close();
  });

  test(`${target.name}: search a task, open it, see its source lines`, async () => {
    const { page, context, seen } = await open(browser, target, '#/');
    await page.click('a[data-nav="tasks"]');
    await page.waitForSelector('#task-q');
    assert.equal(await page.textContent('#task-count'), '86');
    await page.fill('#task-q', '虞公港');
    await page.waitForFunction(() => document.querySelector('#task-count').textContent === '1');
    assert.match(page.url(), /#\/tasks\?q=%E8%99%9E%E5%85%AC%E6%B8%AF$/);
    await page.click('.task-card[data-task="000-29"] a.task-link');
    await page.waitForSelector('article.task-page[data-task="000-29"]');
    // Its source: the seed's lines, the task's own highlighted.
    const hl = await page.locator('.source li.hl').allTextContents();
    assert.equal(hl.length, 2);
    assert.match(hl[0], /^\s*29．抢抓加快形成以国内大循环为主体/);
    assert.match(hl[0], /虞公港/);
    assert.match(hl[1], /省商务厅、省发展改革委/);
    assert.ok(await page.locator('.source li.hl').first().isVisible());
    // Its units, canonical.
    const units = await page.locator('.unit-list .unit-name').allTextContents();
    assert.deepEqual(units, ['省商务厅', '省发展改革委']);
    await shot(page, `${target.name}-task-000-29.png`);
    // Back to the filtered list.
    await page.goBack();
    await page.waitForSelector('#task-q');
    assert.equal(await page.inputValue('#task-q'), '虞公港');
    assert.equal(await page.textContent('#task-count'), '1');
    await assertClean(assert, page, seen);
    await context.close();
  });

  test(`${target.name}: filters by document, category and agency`, async () => {
    const { page, context, seen } = await open(browser, target, '#/tasks');
    await page.selectOption('#task-doc', '004_63bd9ad5aebbd682');
    await page.waitForFunction(() => document.querySelector('#task-count').textContent === '30');
    await page.selectOption('#task-cat', '共筑南岭生态安全屏障');
    await page.waitForFunction(() => document.querySelector('#task-count').textContent === '3');
    await page.selectOption('#task-doc', '');
    await page.selectOption('#task-agency', 'zone-xiangjiang');
    await page.waitForFunction(() => document.querySelector('#task-count').textContent === '14');
    // A deep link restores the filters.
    const url = page.url();
    const again = await open(browser, target, url.slice(url.indexOf('#')));
    assert.equal(await again.page.textContent('#task-count'), '14');
    assert.equal(await again.page.inputValue('#task-agency'), 'zone-xiangjiang');
    await assertClean(assert, again.page, again.seen);
    await again.context.close();
    await assertClean(assert, page, seen);
    await context.close();
  });

  test(`${target.name}: damaged source shows as problems`, async () => {
    const { page, context, seen } = await open(browser, target, '#/tasks/000-42');
    assert.match(await page.textContent('.problems'), /责任单位缺失（原文截断）/);
    const p = await open(browser, target, '#/tasks/003-13');
    const text = await p.page.textContent('.problems');
    assert.match(text, /省科技厅、省商务厅、/);
    assert.match(text, /省商务厅同时列为责任单位和配合\/参与单位/);
    await assertClean(assert, p.page, p.seen);
    await p.context.close();
    await assertClean(assert, page, seen);
    await context.close();
  });

  test(`${target.name}: data page downloads JSON and CSV`, async () => {
    const { page, context, seen } = await open(browser, target, '#/data');
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download="json"]')]);
    assert.equal(json.suggestedFilename(), 'changzhutan-plans.json');
    const data = JSON.parse(await readFile(await json.path(), 'utf8'));
    assert.equal(data.schema, 'changzhutan-plans/1');
    assert.equal(data.tasks.length, 86);
    assert.equal(data.documents.length, 5);
    assert.ok(data.indicators.length >= 20);
    assert.equal(data.statements.length, 11);
    assert.equal(data.indicators.find((i) => i.id === 'innovation-teams').reading.judgement, 'cumulative');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download="tasks"]')]);
    const rows = (await readFile(await csv.path(), 'utf8')).split('\n');
    assert.ok(rows[0].startsWith('\ufeffid,document,number,category,text'));
    assert.ok(rows[1].startsWith('000-1,000_46937b859a78d65d,1,加强规划统领与约束,'));
    await assertClean(assert, page, seen);
    await context.close();
  });

  test(`${target.name}: every route renders`, async () => {
    const { page, context, seen } = await open(browser, target, '#/');
    for (const [hash, selector] of [
      ['#/targets', '.page.targets'],
      ['#/targets/gdp', '.target-detail svg.chart'],
      ['#/map', '.page.map .map-frame svg.chart'],
      ['#/agencies', '.page.agencies svg.chart'],
      ['#/agencies/prov-drc', '.agency-page'],
      ['#/tasks', '.page.tasks'],
      ['#/tasks/004-7', 'article[data-task="004-7"]'],
      ['#/data', '.page.data'],
      ['#/source/001_52071bc060105621?lines=78-78', '.source-page li.hl'],
      ['#/nope', '.not-found'],
      ['#/', '.page.overview'],
    ]) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      await page.waitForSelector(selector, { timeout: 5000 });
    }
    assert.match(await page.textContent('html'), /长株潭区域一体化发展规划纲要/);
    await assertClean(assert, page, seen);
    await context.close();
  });

  test(`${target.name}: English labels`, async () => {
    const { page, context, seen } = await open(browser, target, '#/tasks?lang=en');
    assert.equal(await page.textContent('h1'), 'Task explorer');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.click('.lang-switch');
    await page.waitForFunction(() => document.querySelector('h1').textContent === '任务浏览');
    await assertClean(assert, page, seen);
    await context.close();
  });

  test(`${target.name}: a source view loads its document when asked, and only then`, async () => {
    const { page, context, seen } = await open(browser, target, '#/targets/gdp');
    const asked = [];
    page.on('request', (r) => { if (r.url().includes('/seeds/')) asked.push(r.url()); });
    await page.waitForSelector('svg.chart .hit');
    assert.deepEqual(asked, [], 'a chart needs no source text');
    await page.evaluate(() => { location.hash = '#/tasks/000-29'; });
    // The task's own lines at once, then the whole document.
    await page.waitForSelector('.source li.hl');
    await page.waitForSelector('.source[data-doc]:not([aria-busy])');
    const lines = await page.locator('.source li').count();
    assert.equal(lines, 173, 'every line of 000 (its last holds three spaces)');
    assert.equal(await page.locator('.source li.hl').count(), 2);
    assert.equal(await page.locator('.source-status').count(), 0);
    if (target.name === 'served') assert.deepEqual(asked.map((u) => new URL(u).pathname), ['/seeds/000_46937b859a78d65d.txt']);
    else assert.deepEqual(asked, [], 'the offline file carries its texts');
    // A whole document, another one.
    await page.evaluate(() => { location.hash = '#/source/004_63bd9ad5aebbd682?lines=10-11'; });
    await page.waitForSelector('.source-page .source:not([aria-busy]) li.hl');
    assert.equal(await page.locator('.source-page li.hl').count(), 2);
    await assertClean(assert, page, seen);
    await context.close();
  });

  test(`${target.name}: no public route crashes on purpose`, async () => {
    // The panic path is checked by a wasm test (tests/wasm_ui.rs) and the
    // failed-load path below; a public build has no crash route.
    const { page, context, seen } = await open(browser, target, '#/debug/panic');
    await page.waitForSelector('.not-found');
    assert.equal(await page.getAttribute('html', 'data-app'), 'ready');
    await assertClean(assert, page, seen);
    await context.close();
  });
}

test('served: a wasm that fails to load shows the error view, the page rendered ahead and the static version', async () => {
  const target = TARGETS[0];
  const { page, context } = await open(browser, target, '#/targets/gdp', {
    wait: false,
    // A chart route runs the light build (the next test).
    beforeGoto: (p) => p.route('**/app_lite_bg.wasm', (r) => r.abort()),
  });
  await page.waitForSelector('#fatal:not([hidden])');
  // What the build rendered for the route stays; the static version is a link away.
  await page.waitForSelector('[data-prerendered] .target-detail svg.chart');
  assert.equal(await page.getAttribute('#fatal .fatal-static', 'href'), 'static.html');
  await context.close();
});

test('served: a chart route runs the light build, and any other page hands over to the whole app', async () => {
  const target = TARGETS[0];
  const asked = [];
  const { page, context, seen } = await open(browser, target, '#/targets/gdp', {
    beforeGoto: (p) => p.on('request', (r) => asked.push(new URL(r.url()).pathname.replace(/^.*\//, ''))),
  });
  await page.waitForSelector('.target-detail svg.chart .hit');
  assert.ok(asked.includes('app_lite_bg.wasm'), asked.join(' '));
  assert.ok(!asked.includes('app_bg.wasm') && !asked.includes('app.js') && !asked.includes('rest.bin'), asked.join(' '));
  // The light build is the whole app's chart page: a note on hover, other targets.
  await page.hover('.target-detail svg.chart .hit >> nth=0');
  await page.waitForSelector('.tooltip:not([hidden])');
  await page.click('nav a[href^="#/targets"]');
  await page.waitForSelector('.page.targets');
  // Another page: the whole app takes over where the visitor went.
  await page.click('nav a[href^="#/map"]');
  await page.waitForSelector('.map-frame .hit');
  assert.ok(asked.includes('app_bg.wasm'), asked.join(' '));
  assert.equal(await page.locator('header.site-header').count(), 1, 'one app on the page');
  assert.equal(await page.getAttribute('html', 'data-apps'), '1', 'the light app unmounted');
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'main');
  // Back: the whole app's chart page, and the light one is gone for good.
  await page.goBack();
  await page.goBack();
  await page.waitForSelector('.target-detail svg.chart .hit');
  await page.hover('.target-detail svg.chart .hit >> nth=1');
  await page.waitForSelector('.tooltip:not([hidden])');
  assert.equal(await page.locator('header.site-header').count(), 1);
  assert.equal(asked.filter((f) => f === 'app_lite_bg.wasm').length, 1);
  await assertClean(assert, page, seen);
  await context.close();
  // Any other first page runs the whole app only.
  const direct = [];
  const other = await open(browser, target, '#/map', {
    beforeGoto: (p) => p.on('request', (r) => direct.push(new URL(r.url()).pathname)),
  });
  await other.page.waitForSelector('.map-frame .hit');
  assert.ok(!direct.some((f) => f.includes('app_lite')), direct.join(' '));
  await assertClean(assert, other.page, other.seen);
  await other.context.close();
  // The whole app cannot load: the error view, not a dead page.
  const failing = await open(browser, target, '#/targets/gdp', {
    beforeGoto: (p) => p.route('**/app_bg.wasm', (r) => r.abort()),
  });
  await failing.page.click('nav a[href^="#/tasks"]');
  await failing.page.waitForSelector('#fatal:not([hidden])');
  await failing.context.close();
});

test('served: without JavaScript the page goes to the static version', async () => {
  const target = TARGETS[0];
  const { page, context } = await open(browser, target, '#/', { wait: false, javaScriptEnabled: false });
  await page.waitForURL(/static\.html$/);
  await page.waitForSelector('#static .doc-table');
  assert.ok(await page.locator('#static .doc-table tbody tr').first().isVisible());
  assert.equal(await page.locator('#static .doc-table tbody tr').count(), 5);
  assert.ok(await page.locator('.noscript-note').isVisible());
  assert.match(await page.textContent('.noscript-note'), /交互版本需要 JavaScript/);
  assert.ok(!(await page.locator('.loading').isVisible()));
  await context.close();
});

test('served: the page of a route shows before the app runs, then the app takes over', async () => {
  const target = TARGETS[0];
  // Hold the wasm back: what shows meanwhile is the page rendered ahead.
  let release;
  const held = new Promise((r) => { release = r; });
  const { page, context, seen } = await open(browser, target, '#/targets/gdp', {
    wait: false,
    beforeGoto: (p) => p.route(/app(_lite)?_bg\.wasm$/, async (r) => { await held; await r.continue(); }),
  });
  await page.waitForSelector('[data-prerendered] .target-detail svg.chart g.static text');
  assert.equal(await page.getAttribute('html', 'data-app'), 'loading');
  assert.match(await page.textContent('[data-prerendered] h1'), /地区生产总值/);
  assert.ok(!(await page.locator('#loading').isVisible()));
  release();
  await page.waitForSelector('html[data-app="ready"] .target-detail svg.chart .hit');
  assert.equal(await page.locator('[data-prerendered]').count(), 0, 'the app replaced it');
  // English, and a route with filters (none rendered ahead: no request).
  for (const hash of ['#/targets/urbanization?lang=en', '#/tasks?q=x']) {
    const again = await open(browser, target, hash, { wait: false });
    await again.page.waitForSelector('html[data-app="ready"]');
    await assertClean(assert, again.page, again.seen);
    await again.context.close();
  }
  await assertClean(assert, page, seen);
  await context.close();
});
