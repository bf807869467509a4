// The foundation: overview, task explorer, task page with its source, data
// downloads, routes, builds, the page before the app and without it, the
// error view — served (real pages) and from file:// (hash routes).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { TARGETS, launch, open, go, assertClean, shot, hashUrl } from './helpers.mjs';

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
    assert.match(target.here(page), /^#\/tasks\?q=%E8%99%9E%E5%85%AC%E6%B8%AF$/);
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
    const again = await open(browser, target, target.here(page));
    // The build wrote the page unfiltered; the app applies its address's filters.
    await again.page.waitForFunction(() => document.querySelector('#task-count').textContent === '14', null, { timeout: 10000 });
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
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="json"]')]);
    assert.equal(json.suggestedFilename(), 'changzhutan-plans.json');
    const data = JSON.parse(await readFile(await json.path(), 'utf8'));
    assert.equal(data.schema, 'changzhutan-plans/1');
    assert.equal(data.tasks.length, 86);
    assert.equal(data.documents.length, 5);
    assert.ok(data.indicators.length >= 20);
    assert.equal(data.statements.length, 39);
    assert.equal(data.indicators.find((i) => i.id === 'innovation-teams').reading.judgement, 'uncertain');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="tasks"]')]);
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
      await page.goto(target.url(hash));
      await page.waitForSelector('html[data-app="ready"]');
      await page.waitForSelector(selector, { timeout: 5000 });
    }
    assert.match(await page.textContent('html'), /长株潭区域一体化发展规划纲要/);
    await assertClean(assert, page, seen, { notFound: true });
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
    const asked = [];
    const { page, context, seen } = await open(browser, target, '#/targets/gdp', {
      beforeGoto: (p) => p.on('request', (r) => { if (r.url().includes('/seeds/')) asked.push(r.url()); }),
    });
    await page.waitForSelector('svg.chart .hit');
    assert.deepEqual(asked, [], 'a chart needs no source text');
    // A task's page written by the build carries its document's text.
    await page.goto(target.url('#/tasks?q=%E8%99%9E%E5%85%AC%E6%B8%AF'));
    await page.waitForSelector('html[data-app="ready"] .task-card');
    assert.deepEqual(asked, [], 'the list needs none either');
    // Moving to a task in the app: its own lines at once, then the whole document.
    await page.click('.task-card[data-task="000-29"] a.task-link');
    await page.waitForSelector('.source li.hl');
    await page.waitForSelector('.source[data-doc]:not([aria-busy])');
    const lines = await page.locator('.source li').count();
    assert.equal(lines, 173, 'every line of 000 (its last holds three spaces)');
    assert.equal(await page.locator('.source li.hl').count(), 2);
    assert.equal(await page.locator('.source-status').count(), 0);
    if (target.name === 'served') assert.deepEqual(asked.map((u) => new URL(u).pathname), ['/seeds/000_46937b859a78d65d.txt']);
    else assert.deepEqual(asked, [], 'the offline file carries its texts');
    // A whole document, another one, with lines.
    await go(page, target, '#/source/004_63bd9ad5aebbd682?lines=10-11');
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
    await assertClean(assert, page, seen, { notFound: true });
    await context.close();
  });
}

test('served: a wasm that fails to load shows the error view over the page, which stays', async () => {
  const target = TARGETS[0];
  const { page, context } = await open(browser, target, '#/targets/gdp', {
    wait: false,
    beforeGoto: (p) => p.route('**/app_charts_bg.wasm', (r) => r.abort()),
  });
  await page.waitForSelector('#fatal:not([hidden])');
  // The page the build wrote stays readable: its chart, its table.
  assert.ok(await page.locator('.target-detail svg.chart:visible').first().isVisible());
  assert.ok(await page.locator('.target-detail .data-table').first().isVisible());
  await context.close();
});

test('served: each page loads its own build; the app moves within it, the browser beyond it', async () => {
  const target = TARGETS[0];
  const asked = [];
  const { page, context, seen } = await open(browser, target, '#/targets/gdp', {
    beforeGoto: (p) => p.on('request', (r) => asked.push(new URL(r.url()).pathname.replace(/^.*\//, ''))),
  });
  await page.waitForSelector('.target-detail svg.chart .hit');
  assert.ok(asked.includes('app_charts_bg.wasm'), asked.join(' '));
  for (const other of ['app_bg.wasm', 'app_explore_bg.wasm', 'rest.bin']) {
    assert.ok(!asked.includes(other), `${other}: ${asked.join(' ')}`);
  }
  await page.hover('.target-detail svg.chart .hit >> nth=0');
  await page.waitForSelector('.tooltip');
  // Another page of the same build: the app draws it in the same document.
  await page.evaluate(() => { window.__same = true; });
  await page.click('nav.site-nav .nav-tabs a[data-nav="targets"]');
  await page.waitForSelector('.page.targets');
  assert.equal(new URL(page.url()).pathname, '/targets/');
  assert.equal(await page.evaluate(() => window.__same), true, 'moved with the History API');
  assert.equal(await page.title(), '目标 · 长株潭规划图解');
  // A page of another build: a document of its own, with its build.
  await page.click('nav.site-nav .nav-tabs a[data-nav="map"]');
  await page.waitForSelector('html[data-app="ready"] .map-frame .hit');
  assert.equal(await page.evaluate(() => window.__same), undefined, 'a new document');
  assert.ok(asked.includes('app_explore_bg.wasm'), asked.join(' '));
  assert.ok(!asked.includes('app_bg.wasm'), 'the map needs neither the agencies nor the data page');
  // Back, twice: the chart page answers again.
  await page.goBack();
  await page.waitForSelector('.page.targets');
  await page.goBack();
  await page.waitForSelector('html[data-app="ready"] .target-detail svg.chart .hit');
  await page.hover('.target-detail svg.chart .hit >> nth=1');
  await page.waitForSelector('.tooltip');
  assert.equal(await page.locator('header.site-header').count(), 1);
  await assertClean(assert, page, seen);
  await context.close();
});

test('served: hash links land on their real pages', async () => {
  const { page, context, seen } = await open(browser, TARGETS[0], '#/', { wait: false });
  for (const [hash, path, selector] of [
    ['#/targets/gdp?lang=en', '/en/targets/gdp/', '.target-detail h1'],
    ['#/map?layers=axis', '/map/?layers=axis', '.map-frame .hit'],
    ['#/tasks?q=%E8%99%9E%E5%85%AC%E6%B8%AF', '/tasks/?q=%E8%99%9E%E5%85%AC%E6%B8%AF', '.task-card'],
    ['#/embed/targets/gdp', '/embed/targets/gdp/', 'main.embedded svg.chart'],
    ['#/agencies/prov-drc?lang=en', '/en/agencies/prov-drc/', '.agency-page h1'],
  ]) {
    for (const url of [hashUrl(hash), hashUrl('index.html' + hash)]) {
      await page.goto(url);
      await page.waitForSelector('html[data-app="ready"]');
      // The link lands on its page's address (a navigation the page asks
      // for, or the app's replaceState: page.url() learns of it late).
      await page.waitForFunction((p) => location.pathname + location.search === p, path, { timeout: 10000 }).catch(() => {});
      await page.waitForSelector(selector);
      const u = await page.evaluate(() => ({ path: location.pathname + location.search, hash: location.hash }));
      assert.equal(u.path, path, url);
      assert.equal(u.hash, '', url);
    }
  }
  // ?lang=en on a real page is the English page.
  await page.goto(TARGETS[0].url('#/map') + '?lang=en');
  await page.waitForSelector('html[lang="en"][data-app="ready"]');
  assert.equal(await page.evaluate(() => location.pathname), '/en/map/');
  await assertClean(assert, page, seen);
  await context.close();
});

test('served: without JavaScript every page is complete and its links lead on', async () => {
  const target = TARGETS[0];
  const { page, context } = await open(browser, target, '#/', { wait: false, javaScriptEnabled: false });
  // The overview, then a chart by its link, its data table and quote.
  assert.equal(await page.locator('.doc-table tbody tr').count(), 5);
  await page.click('nav.site-nav .nav-tabs a[data-nav="targets"]');
  await page.click('.target-card[data-indicator="gdp"] a');
  await page.waitForURL(/\/targets\/gdp\/$/);
  assert.ok(await page.locator('.target-detail svg.chart:visible').first().isVisible());
  assert.match(await page.textContent('.target-detail .data-table'), /1\.68/);
  // A task, from the task list.
  await page.click('nav.site-nav .nav-tabs a[data-nav="tasks"]');
  await page.click('.task-card[data-task="000-29"] a.task-link');
  await page.waitForURL(/\/tasks\/000-29\/$/);
  assert.equal(await page.locator('.source li.hl').count(), 2);
  // One of its agencies, then the map.
  await page.click('.unit-list a.unit-name >> nth=0');
  await page.waitForURL(/\/agencies\/[^/]+\/$/);
  assert.ok(await page.locator('.agency-page h1').isVisible());
  assert.ok(await page.locator('.agency-page svg.chart:visible').first().isVisible());
  await page.click('nav.site-nav .nav-tabs a[data-nav="map"]');
  await page.waitForURL(/\/map\/$/);
  assert.ok(await page.locator('.map-frame svg.chart:visible').first().isVisible());
  assert.ok(await page.locator('.map-frame .hit').count() > 30);
  // The old address of the static version leads to the site.
  await page.goto(target.url('#/').replace(/\/$/, '/static.html'));
  await page.waitForURL((u) => !u.pathname.endsWith('static.html'));
  assert.equal(await page.locator('.doc-table tbody tr').count(), 5);
  await context.close();
});

test('served: when the app takes the page over, nothing of it moves or is drawn again', async () => {
  const target = TARGETS[0];
  for (const [hash, width] of [
    ['#/targets/gdp', 1280], ['#/targets/gdp', 360], ['#/', 1280], ['#/map', 1280], ['#/map', 390],
    ['#/agencies', 1280], ['#/tasks', 360], ['#/tasks/000-29', 1280], ['#/agencies/prov-drc?lang=en', 768],
    ['#/embed/targets/gdp', 600],
  ]) {
    // Hold the wasm back: what shows meanwhile is the page as written.
    let release;
    const held = new Promise((r) => { release = r; });
    const { page, context, seen } = await open(browser, target, hash, {
      wait: false,
      viewport: { width, height: 900 },
      beforeGoto: (p) => p.route(/_bg\.wasm$/, async (r) => { await held; await r.continue(); }),
    });
    await page.waitForSelector('main#main h1, main#main .embed-title');
    const boxes = () => page.evaluate(() => {
      const els = [...document.querySelectorAll('main#main h1, main#main h2, main#main p, main#main svg.chart, main#main table, main#main li')]
        .filter((e) => e.getClientRects().length > 0).slice(0, 60);
      els.forEach((e, i) => { e.__mark = i; });
      return els.map((e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round); });
    });
    const before = await boxes();
    assert.equal(await page.getAttribute('html', 'data-app'), 'static');
    release();
    await page.waitForSelector('html[data-app="ready"]');
    await page.waitForTimeout(300);
    const after = await page.evaluate(() => {
      const els = [...document.querySelectorAll('main#main h1, main#main h2, main#main p, main#main svg.chart, main#main table, main#main li')]
        .filter((e) => e.__mark !== undefined);
      return els.map((e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round); });
    });
    assert.equal(after.length, before.length, `${hash} at ${width}: the same elements (none drawn again)`);
    assert.deepEqual(after, before, `${hash} at ${width}: nothing moved`);
    await assertClean(assert, page, seen);
    await context.close();
  }
});
