// Import a plan of the same kind: paste a document and see its agency load,
// drop a binary file and see why not, a 20 MB paste keeps the page
// responsive (the importer runs in a worker), an import survives a reload
// and exports; actual values give an embedded target a status. The offline
// file carries no importer, and says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BASE, TARGETS, launch, open, go, assertClean, shot } from './helpers.mjs';
import { PLAN } from './plan-text.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });


async function importText(page, text) {
  await page.fill('#import-text', text);
  await page.click('#import-run');
}

test('file: the offline file says where to import instead', async () => {
  const { page, context, seen } = await open(browser, TARGETS[1], '#/import');
  await page.waitForSelector('#import-offline');
  assert.match(await page.textContent('#import-offline'), /plan-data import/);
  // Not a dead end: the site's own import page, a link away.
  assert.equal(await page.getAttribute('#import-offline a', 'href'), `${BASE}import/`);
  await assertClean(assert, page, seen);
  await context.close();
});

for (const target of [TARGETS[0]]) {
  test(`${target.name}: paste a task assignment, see what was read, its tasks and its agency load; it survives a reload and exports`, async () => {
    const { page, context, seen } = await open(browser, target, '#/import');
    await page.waitForSelector('#import-text');
    await importText(page, PLAN);
    await page.waitForSelector('.import-report');
    const report = await page.textContent('.import-report');
    assert.match(report, /排在第一位的为牵头单位/);
    assert.equal(await page.textContent('.import-report dd[data-count="任务"]'), '4');
    // Its tasks, on their own.
    await page.click('.import-report .import-views a:has-text("任务")');
    await page.waitForSelector('#task-count');
    assert.equal(await page.textContent('#task-count'), '4');
    assert.match(page.url(), /doc=imp1/);
    // Its agency load: 省商务厅 leads one task and supports another.
    // The page the build wrote shows every document until the app is up: wait for it.
    await go(page, target, '#/agencies?doc=imp1');
    await page.waitForSelector('figure[data-fig="agency-fig"] .hit');
    const bars = await page.locator('figure[data-fig="agency-fig"] .hit').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.ok(bars.some((b) => /^省商务厅：2项/.test(b)), bars.join(' | '));
    // Kept: after a reload it is still there, and its source view shows its lines.
    await go(page, target, '#/import');
    await page.reload();
    await page.waitForSelector('.saved-import[data-import="imp1"]');
    await go(page, target, '#/tasks/imp1-3');
    await page.waitForSelector('article.task-page');
    assert.match(await page.textContent('.source li.hl'), /建设国际物流通道/);
    // Exported as JSON in the export schema.
    await go(page, target, '#/import');
    await page.waitForSelector('.saved-import[data-import="imp1"] .saved-export');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('.saved-import[data-import="imp1"] .saved-export'),
    ]);
    const json = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(json.schema, 'changzhutan-plans/1');
    assert.equal(json.tasks.length, 4);
    // Deleted, it is gone from the views too.
    await page.click('.saved-import[data-import="imp1"] .saved-delete');
    await page.waitForSelector('.saved-import', { state: 'detached' });
    await shot(page, `${target.name}-import.png`);
    await assertClean(assert, page, seen);
    await context.close();
  });

  test(`${target.name}: a binary file, an empty paste and a non-plan get a clear message, nothing else changes`, async () => {
    const { page, context, seen } = await open(browser, target, '#/import');
    await page.waitForSelector('#import-file');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000301ff8d6f1e0000000049454e44ae426082', 'hex');
    await page.setInputFiles('#import-file', { name: 'photo.png', mimeType: 'image/png', buffer: png });
    await page.waitForFunction(() => document.querySelector('#import-status.error'));
    assert.match(await page.textContent('#import-status'), /无法导入/);
    await importText(page, '');
    await page.waitForFunction(() => /请先粘贴/.test(document.querySelector('#import-status')?.textContent));
    await importText(page, '今天天气很好，我们去公园散步。\n明天也许会下雨。');
    await page.waitForFunction(() => /无法导入/.test(document.querySelector('#import-status')?.textContent));
    assert.equal(await page.locator('.saved-import').count(), 0);
    await assertClean(assert, page, seen);
    await context.close();
  });
}

test('served: a 20 MB paste keeps the page responsive, and can be cancelled', async () => {
  const { page, context, seen } = await open(browser, TARGETS[0], '#/import');
  await page.waitForSelector('#import-text');
  // About 20 MB of plan text, set at once (typing it would take a day).
  await page.evaluate((plan) => {
    const big = plan.repeat(Math.ceil(19_000_000 / (plan.length * 3)));
    const box = document.querySelector('#import-text');
    box.value = big;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, PLAN);
  await page.click('#import-run');
  await page.waitForSelector('#import-cancel:not([hidden])');
  // While the worker reads, the page answers at once, again and again.
  const lags = [];
  for (let i = 0; i < 10; i++) {
    const t0 = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    lags.push(Date.now() - t0);
    await page.waitForTimeout(50);
  }
  assert.ok(Math.max(...lags) < 1000, `frames while importing: ${lags.join(', ')} ms`);
  await page.click('#import-cancel');
  await page.waitForFunction(() => /已取消/.test(document.querySelector('#import-status')?.textContent));
  await assertClean(assert, page, seen);
  await context.close();
});

test('served: actual values give an embedded target a status in words', async () => {
  const { page, context, seen } = await open(browser, TARGETS[0], '#/import');
  await page.waitForSelector('#import-text');
  await page.selectOption('#import-kind', 'actuals');
  await importText(page, '指标\t年份\t数值\t来源\n地区生产总值\t2020\t1.79\t统计公报\n地区生产总值\t2021\t1.92\t统计公报\n');
  await page.waitForSelector('.import-report');
  await go(page, TARGETS[0], '#/targets/gdp');
  await page.waitForSelector('.progress-verdict');
  const verdict = await page.getAttribute('.progress', 'data-progress');
  assert.ok(['on-track', 'needs-acceleration', 'off-track'].includes(verdict), verdict);
  assert.match(await page.textContent('.progress'), /Open SDG/);
  assert.ok(await page.locator('.legend .lg-actual').count());
  await shot(page, 'served-target-gdp-actual.png');
  await assertClean(assert, page, seen);
  await context.close();
});

test('served: a browser whose storage never answers still shows every page (saved imports are skipped)', async () => {
  // Chromium never answers indexedDB.open in a frame of an opaque host page;
  // a page must not wait for it forever.
  const served = TARGETS.find((t) => t.name === 'served');
  const { page, context, seen } = await open(browser, served, '#/tasks', {
    wait: false,
    beforeGoto: (p) => p.addInitScript(() => {
      indexedDB.open = () => ({});
    }),
  });
  await page.waitForSelector('#task-count', { timeout: 15000 });
  assert.equal(await page.textContent('#task-count'), '86');
  await page.goto(served.url('#/import'));
  await page.waitForSelector('html[data-app="ready"]');
  await page.waitForFunction(() => !document.querySelector('.data-loading'), null, { timeout: 15000 });
  await assertClean(assert, page, seen);
  await context.close();
});

/** A real document (tests/fixtures/corpus, as found: its source on line 1). */
async function realDocument(prefix) {
  const dir = new URL('../fixtures/corpus/', import.meta.url);
  const { readdir } = await import('node:fs/promises');
  const name = (await readdir(dir)).find((n) => n.startsWith(prefix));
  const raw = await readFile(new URL(name, dir), 'utf8');
  return raw.split('\n').slice(2).join('\n');
}

test('served: a table the importer cannot place, corrected on the page (header row, columns, year), reads; the choices are kept with the import', async () => {
  const served = TARGETS[0];
  const { page, context, seen } = await open(browser, served, '#/import');
  await page.waitForSelector('#import-text');
  // 133: a 考核评价指标体系 flattened one cell per line (a web page's table):
  // by default its weights are no targets, and the page shows what it saw.
  const body = await realDocument('133_');
  await importText(page, body);
  await page.waitForSelector('.import-report');
  assert.equal(await page.locator('.import-report dd[data-count="指标"]').count(), 0, 'no indicator by default');
  assert.ok(await page.locator('.import-seen').count() === 1 || /序号/.test(await page.textContent('.import-report')));
  // Check and describe: the header is the line 序号, the columns are
  // number, indicator, target, other, source; the targets are for 2020.
  const header = body.split('\n').findIndex((l) => l.trim() === '序号') + 1;
  await page.click('details.import-check summary');
  await page.fill('#import-header', String(header));
  await page.fill('#import-columns', 'number, indicator, target, other, source');
  await page.fill('#import-year', '2020');
  await page.fill('#import-name', '示范区考核指标');
  await importText(page, body);
  await page.waitForFunction(() => document.querySelectorAll('.saved-import').length === 2);
  await page.waitForSelector('.import-report[data-import="imp2"] dd[data-count="指标"]');
  assert.equal(await page.textContent('.import-report[data-import="imp2"] dd[data-count="指标"]'), '11');
  // Its targets, charted: 地区生产总值 2020.
  await go(page, served, '#/targets?doc=imp2');
  await page.waitForSelector('.target-card');
  assert.ok(await page.locator('.target-card').count() >= 11);
  assert.match(await page.textContent('.page.targets'), /地区生产总值/);
  // Reload the import page: the import is there with the choices it was read with.
  await go(page, served, '#/import');
  await page.reload();
  await page.waitForSelector('.saved-import[data-import="imp2"] .saved-choices');
  const choices = await page.textContent('.saved-import[data-import="imp2"] .saved-choices');
  assert.match(choices, new RegExp(`header_line ${header}`));
  assert.match(choices, /undated_year 2020/);
  await assertClean(assert, page, seen);
  await context.close();
});

test('served: kept imports survive an upgrade: one another model read is read again from its file; those that cannot be are listed with why, downloadable and deletable', async () => {
  const served = TARGETS[0];
  // Today's stored form (format 2), as this app wrote it for PLAN: its
  // file, options, the model's stamp and the import as then read.
  const today = JSON.parse(await readFile(new URL('../fixtures/saved-import-v2.json', import.meta.url), 'utf8'));
  const png = '89504e470d0a1a0a0000000d4948445200000001000000010806000000';
  const records = [
    today,
    // The same, kept by another model: its bytes no longer read.
    { ...today, code: 'imp2', name: '旧版本保存', model: '0000000000000000', bytes: 'AQID' },
    // Format 1 (before sources were kept), under a model this one cannot read.
    { code: 'imp3', name: '早期记录', saved: '2026-06-01T08:00:00.000Z', bytes: 'AQID', options: '{"code":"imp3"}' },
    // A file today's importer rejects, kept by another model.
    { ...today, code: 'imp4', name: '图片', model: '0000000000000000', bytes: 'AQID', file: 'photo.png', source: Buffer.from(png, 'hex').toString('base64') },
  ];
  const { page, context, seen } = await open(browser, served, '#/import');
  await page.waitForSelector('#import-text');
  await page.evaluate(async (records) => {
    const bin = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    for (const r of records) {
      const rec = { ...r, bytes: bin(r.bytes) };
      if (r.source !== undefined) rec.source = bin(r.source);
      await window.cztImports.put(rec);
    }
    window.cztImports.mark(true);
  }, records);
  await page.reload();
  await page.waitForSelector('.saved-import[data-import="imp2"] .saved-again', { timeout: 30000 });
  await page.waitForSelector('.saved-import[data-import="imp1"]');
  assert.equal(await page.locator('.saved-import').count(), 2);
  assert.match(await page.textContent('.saved-import[data-import="imp2"] .saved-meta'), /4 任务/);
  // The lost ones, each with why.
  await page.waitForSelector('.lost-import[data-import="imp4"]');
  assert.match(await page.textContent('.lost-import[data-import="imp3"] .lost-why'), /早期版本保存/);
  assert.match(await page.textContent('.lost-import[data-import="imp4"] .lost-why'), /重新读取原文件时失败：.+/);
  // Kept anew under this model: the record now names today's stamp.
  const kept = await page.evaluate(async () => (await window.cztImports.all()).find((r) => r.code === 'imp2'));
  assert.equal(kept.format, 2);
  assert.match(kept.model, /^[0-9a-f]{16}$/);
  assert.notEqual(kept.model, '0000000000000000');
  assert.ok(kept.bytes.length > 3);
  // Its tasks, merged: the re-read import is the dataset's.
  await go(page, served, '#/tasks?doc=imp2');
  await page.waitForSelector('#task-count');
  await page.waitForFunction(() => document.querySelector('#task-count')?.textContent === '4');
  // What was kept downloads as it was given.
  await go(page, served, '#/import');
  await page.waitForSelector('.lost-import[data-import="imp4"] .lost-download');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.click('.lost-import[data-import="imp4"] .lost-download'),
  ]);
  assert.equal(file.suggestedFilename(), 'photo.png');
  assert.equal((await readFile(await file.path())).toString('hex'), png);
  // Deleted, it is gone, after a reload too; the others stay.
  await page.click('.lost-import[data-import="imp3"] .saved-delete');
  await page.waitForSelector('.lost-import[data-import="imp3"]', { state: 'detached' });
  await page.reload();
  await page.waitForSelector('.lost-import[data-import="imp4"]');
  // Not read again under the same model: the reason it gave is kept.
  assert.match(await page.textContent('.lost-import[data-import="imp4"] .lost-why'), /重新读取原文件时失败：.+/);
  assert.equal((await page.evaluate(async () => (await window.cztImports.all()).find((r) => r.code === 'imp4'))).failed_model, kept.model);
  assert.equal(await page.locator('.lost-import[data-import="imp3"]').count(), 0);
  assert.equal(await page.locator('.saved-import').count(), 2);
  await shot(page, 'served-import-upgrade.png');
  await assertClean(assert, page, seen);
  await context.close();
});
