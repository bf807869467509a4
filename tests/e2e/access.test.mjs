// Every visitor: English all the way down, dark mode, phones, keyboards and
// screen readers, zoom — on every route, as a person meets them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { TARGETS, launch, open, assertClean, shot, waitRoute, go } from './helpers.mjs';

const AXE = await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** The routes a visitor reaches from the menu and the pages they open. */
const ROUTES = [
  '#/', '#/targets', '#/targets/gdp', '#/targets/gdp-per-capita', '#/targets/innovation-teams', '#/map', '#/map?sel=ningxiang-cluster',
  '#/agencies', '#/agencies?view=heatmap', '#/agencies?view=network', '#/agencies?view=bipartite',
  '#/agencies/prov-drc', '#/tasks', '#/tasks/003-6', '#/source/000_46937b859a78d65d', '#/data',
  '#/embed/targets/gdp', '#/nowhere',
];
const served = TARGETS[0];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function withParams(hash, params) {
  return hash + (hash.includes('?') ? '&' : '?') + params;
}

/** Open a route and wait until its figures are drawn. */
async function visit(hash, options = {}) {
  const r = await open(browser, served, hash, options);
  await r.page.waitForFunction(() => !document.querySelector('.data-loading'), null, { timeout: 20000 });
  await r.page.waitForTimeout(150);
  return r;
}

/**
 * A visitor of one kind (viewport, colour scheme) who goes from route to
 * route: each route a new load of its address, as a link followed, in one
 * browser context (its cache warm, as a visitor's is). `visit` waits until
 * the route's figures are drawn.
 */
async function visitor(options = {}) {
  const r = await open(browser, served, '#/', options);
  return {
    ...r,
    async visit(hash) {
      await go(r.page, served, hash);
      await r.page.waitForTimeout(150);
      return r.page;
    },
  };
}

/** Text the page shows in Chinese outside an element marked lang="zh…". */
function chineseOutsideZh(page) {
  return page.evaluate(() => {
    const re = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
    const out = [];
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let n;
    while ((n = w.nextNode())) {
      if (!re.test(n.nodeValue)) continue;
      const el = n.parentElement;
      if (!el || el.closest('[lang^="zh"]') || el.closest('script,style,template,noscript,[hidden]')) continue;
      if (!el.getClientRects().length) continue;
      out.push(`${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className}: ${n.nodeValue.trim().slice(0, 50)}`);
    }
    for (const el of document.querySelectorAll('[aria-label],[title],[alt],[placeholder]')) {
      if (el.closest('[lang^="zh"]')) continue;
      for (const a of ['aria-label', 'title', 'alt']) {
        const v = el.getAttribute(a);
        if (v && re.test(v)) out.push(`@${a}: ${v.slice(0, 50)}`);
      }
    }
    return [...new Set(out)];
  });
}

test('in English, nothing Chinese is outside an element marked lang="zh-CN"', async () => {
  const bad = {};
  const { context, visit: at } = await visitor();
  for (const hash of ROUTES) {
    const page = await at(withParams(hash, 'lang=en'));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', hash);
    let found = await chineseOutsideZh(page);
    // A chart's tooltip and a map place's panel too.
    if (await page.locator('svg.chart .hit').count()) {
      await page.locator('svg.chart .hit').first().dispatchEvent('pointerover');
      await page.waitForTimeout(50);
      found = found.concat(await chineseOutsideZh(page));
    }
    if (found.length) bad[hash] = found;
  }
  await context.close();
  assert.deepEqual(bad, {});
});

test('axe-core finds no WCAG 2.1 A/AA violation: every route × zh/en × light/dark × 1440/360 px', async () => {
  const failures = [];
  for (const colorScheme of ['light', 'dark']) {
    // Each route is loaded once per scheme and audited at both widths: at
    // the width it was loaded at, then resized to the other (the next route
    // loads at that one, so each width is also audited as loaded).
    let width = 1440;
    const { context, visit: at } = await visitor({ viewport: { width, height: 900 }, colorScheme });
    for (const hash of ROUTES) {
      for (const lang of ['zh', 'en']) {
        const h = lang === 'en' ? withParams(hash, 'lang=en') : hash;
        const page = await at(h);
        for (const k of [0, 1]) {
          if (k === 1) {
            width = width === 1440 ? 360 : 1440;
            await page.setViewportSize({ width, height: 900 });
            // The app lays its figures out again for the new width.
            await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
            await page.waitForFunction(() => !document.querySelector('.data-loading, html[data-navigating]'), null, { timeout: 20000 });
            await page.waitForTimeout(150);
          }
          // Through the DevTools protocol, as an extension would: not a script of the page.
          if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE);
          const result = await page.evaluate(() => window.axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          }));
          for (const v of result.violations) {
            failures.push(`${h} ${colorScheme} ${width}: ${v.id} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
          }
        }
      }
    }
    await context.close();
  }
  assert.deepEqual(failures, []);
});

/** Horizontal overflow of the page, and elements that stick out of it. */
function overflow(page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const sw = document.documentElement.scrollWidth;
    const out = [];
    if (sw > vw + 1) {
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect();
        if (r.right > vw + 1 && r.width > 0 && !el.closest('.table-wrap,.source,.chart-wrap,.map-frame,pre')) {
          out.push(`${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className} right=${Math.round(r.right)}`);
        }
      }
    }
    // Text inside a card stays inside it (cards, checks, panels, figures' notes).
    const spill = [];
    for (const card of document.querySelectorAll('.target-card, .check, .place-panel, .status-line, .picture, .task-card, .milestone')) {
      const c = card.getBoundingClientRect();
      if (c.width === 0) continue;
      for (const el of card.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || el.closest('svg')) continue;
        if (r.right > c.right + 1 || r.left < c.left - 1) {
          spill.push(`${el.tagName.toLowerCase()}.${el.className} in ${card.className} (${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(c.left)}–${Math.round(c.right)})`);
          break;
        }
      }
    }
    // English magnitudes: a number is never followed by "10,000" or "100 million" as its unit.
    const magnitudes = document.documentElement.lang === 'en'
      ? (document.body.innerText.match(/\d\s+(?:10,000|100 million)\b[^\n]{0,20}/g) || [])
      : [];
    return { vw, sw, out: out.slice(0, 5), spill: spill.slice(0, 5), magnitudes: magnitudes.slice(0, 5) };
  });
}

test('no route scrolls sideways from 320 to 1440 px, no text leaves its card, English writes English magnitudes, in either language', async () => {
  const bad = [];
  for (const width of [320, 360, 768, 1440]) {
    const { context, visit: at } = await visitor({ viewport: { width, height: 800 } });
    for (const hash of ROUTES) {
      for (const lang of ['zh', 'en']) {
        const h = lang === 'en' ? withParams(hash, 'lang=en') : hash;
        const page = await at(h);
        const o = await overflow(page);
        if (o.sw > o.vw + 1) bad.push(`${width} ${h}: ${o.sw} > ${o.vw} ${o.out.join(', ')}`);
        if (o.spill.length) bad.push(`${width} ${h}: text outside its card: ${o.spill.join('; ')}`);
        if (o.magnitudes.length) bad.push(`${width} ${h}: Chinese magnitudes in English: ${o.magnitudes.join('; ')}`);
      }
    }
    await context.close();
  }
  assert.deepEqual(bad, []);
});

/** The names of the structure: the three cities, the Xiang axis, the belts, the clusters. */
const ESSENTIAL = {
  zh: ['长沙市', '株洲市', '湘潭市', '湘江发展轴', '京广发展带', '渝长厦发展带', '沪昆发展带',
    '宁乡城镇组团', '浏阳城镇组团', '韶山—湘乡组团', '醴陵—攸县组团', '茶陵—炎陵组团'],
  en: ['Changsha', 'Zhuzhou', 'Xiangtan', 'Xiang River Axis', 'Beijing–Guangzhou Belt', 'Chongqing–Changsha–Xiamen Belt', 'Shanghai–Kunming Belt',
    'Ningxiang Towns', 'Liuyang Towns', 'Shaoshan Cluster', 'Liling–Youxian', 'Chaling–Yanling'],
};

/** What the map shows on the core (where it opens): the cities, the axis, the belts that cross it. */
const CORE = {
  zh: ESSENTIAL.zh.slice(0, 7).concat(['宁乡城镇组团', '浏阳城镇组团']),
  en: ESSENTIAL.en.slice(0, 7).concat(['Ningxiang Towns', 'Liuyang Towns']),
};

test('the map never drops the structure’s names, and they do not overlap, from 320 to 1440 px, on the whole region and on the core', async () => {
  const bad = [];
  for (const [view, names] of [['z=1', ESSENTIAL], ['', CORE]]) for (const width of [320, 360, 768, 1440]) {
    for (const lang of ['zh', 'en']) {
      const q = [view, lang === 'en' ? 'lang=en' : ''].filter(Boolean).join('&');
      const { page, context } = await visit(q ? `#/map?${q}` : '#/map', { viewport: { width, height: 800 } });
      // Each name's ink: its box without the font's line spacing (the
      // glyphs of a CJK font fill about 74% of its line box).
      const labels = await page.evaluate(() => [...document.querySelectorAll('.map-frame svg.chart g.static text')].map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent.trim(), box: [r.left, r.top + 0.12 * r.height, r.right, r.bottom - 0.14 * r.height] };
      }));
      const frame = await page.locator('.map-frame').boundingBox();
      for (const name of names[lang]) {
        const l = labels.find((x) => x.text === name || x.text.endsWith(` ${name}`));
        if (!l) { bad.push(`${view || 'core'} ${width} ${lang}: ${name} missing`); continue; }
        const [x0, y0, x1, y1] = l.box;
        if (x0 < frame.x - 1 || x1 > frame.x + frame.width + 1 || y0 < frame.y - 1 || y1 > frame.y + frame.height + 1) {
          bad.push(`${width} ${lang}: ${name} clipped`);
        }
      }
      // No two labels overlap (by more than a sliver).
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const a = labels[i].box, b = labels[j].box;
          const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
          const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
          if (w > 2 && h > 2) bad.push(`${width} ${lang}: "${labels[i].text}" overlaps "${labels[j].text}"`);
        }
      }
      if (width === 360) await shot(page, `served-map-360-${lang}.png`);
      await context.close();
    }
  }
  assert.deepEqual(bad, []);
});

test('the wheel scrolls the page over the map; Ctrl+wheel zooms it, and the map says so', async () => {
  const { page, context, seen } = await visit('#/map', { viewport: { width: 1280, height: 800 } });
  const frame = await page.locator('.map-frame').boundingBox();
  await page.mouse.move(frame.x + frame.width / 2, frame.y + Math.min(frame.height / 2, 300));
  const before = await page.evaluate(() => scrollY);
  await page.mouse.wheel(0, 400);
  await page.waitForTimeout(300);
  assert.ok(await page.evaluate(() => scrollY) > before, 'the page scrolled');
  assert.doesNotMatch(served.here(page), /[?&]z=/, 'the map did not zoom');
  assert.match(await page.textContent('.map-hint'), /Ctrl/);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await waitRoute(page, served, /[?&]z=/);
  await assertClean(assert, page, seen);
  await context.close();
});

test('keyboard only: reach a chart mark and read its note, pin it, Escape keeps focus on the chart', async () => {
  const { page, context, seen } = await visit('#/targets/gdp');
  // Tab from the top until a chart mark has focus.
  let focused = '';
  for (let i = 0; i < 40 && !focused.includes('hit'); i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.getAttribute('class') || '');
  }
  assert.match(focused, /hit/, 'a chart mark is reachable with Tab');
  await page.keyboard.press('ArrowRight');
  const tip = page.locator('.tooltip[role="tooltip"]');
  await tip.waitFor();
  const described = await page.evaluate(() => document.activeElement.getAttribute('aria-describedby'));
  assert.ok(described && await page.locator(`#${described}`).count() === 1, 'aria-describedby points at the shown note');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.tooltip.pinned');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.tooltip.pinned'));
  const after = await page.evaluate(() => document.activeElement?.closest('svg.chart') !== null);
  assert.ok(after, 'focus stays on the chart after Escape');
  await assertClean(assert, page, seen);
  await context.close();
});

test('keyboard only: switch agency views and keep focus; Back returns to the view before', async () => {
  const { page, context, seen } = await visit('#/agencies');
  await page.focus('.views [data-view]:nth-child(2)');
  await page.keyboard.press('Enter');
  await waitRoute(page, served, /view=heatmap/);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), await page.textContent('.views [data-view]:nth-child(2)'));
  // One Tab stop for the whole heatmap.
  await page.waitForSelector('figure[data-fig="agency-heat"] .hit');
  const stops = await page.evaluate(() => [...document.querySelectorAll('figure[data-fig="agency-heat"] .marks [tabindex="0"]')].length);
  assert.equal(stops, 1);
  await page.goBack();
  await waitRoute(page, served, /^#\/agencies(?!.*view=heatmap)/);
  await assertClean(assert, page, seen);
  await context.close();
});

test('keyboard only: find a task and open it', async () => {
  const { page, context, seen } = await visit('#/tasks');
  await page.focus('#task-q');
  await page.keyboard.type('虞公港');
  await page.waitForFunction(() => document.querySelector('#task-count')?.textContent === '1');
  // Tab to the first result's link, then Enter.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.classList.contains('task-link'))) break;
  }
  await page.keyboard.press('Enter');
  await page.waitForSelector('article.task-page[data-task="000-29"]');
  assert.match(await page.title(), /000-29/);
  await assertClean(assert, page, seen);
  await context.close();
});

test('at 200% zoom and with large text nothing is lost: no sideways scroll, the chart and its table are there', async () => {
  // 200% of a 1280 px window is a 640 px CSS viewport at twice the pixel density.
  for (const hash of ['#/targets/gdp', '#/tasks/000-29', '#/agencies', '#/map']) {
    const { page, context } = await visit(hash, { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
    const o = await overflow(page);
    assert.ok(o.sw <= o.vw + 1, `${hash}: ${o.sw} > ${o.vw} ${o.out.join(', ')}`);
    // Large text: the root font at 200%.
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    await page.waitForTimeout(100);
    const o2 = await overflow(page);
    assert.ok(o2.sw <= o2.vw + 1, `${hash} large text: ${o2.sw} > ${o2.vw} ${o2.out.join(', ')}`);
    await context.close();
  }
});

test('paragraphs are spaced at least 1.3 lines, and controls are at least 24 px', async () => {
  const { page, context } = await visit('#/targets/gdp', { viewport: { width: 360, height: 800 } });
  const bad = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('main p, main li, main td, main dd')) {
      const cs = getComputedStyle(el);
      const lh = parseFloat(cs.lineHeight), fs = parseFloat(cs.fontSize);
      if (!Number.isNaN(lh) && lh < 1.3 * fs - 0.5) out.push(`${el.tagName} ${el.className}: ${lh}/${fs}`);
    }
    for (const el of document.querySelectorAll('main button, header a, header button, main select, main input')) {
      const r = el.getBoundingClientRect();
      if (r.width && (r.height < 24 || r.width < 24)) out.push(`${el.tagName} ${el.className} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return [...new Set(out)].slice(0, 10);
  });
  assert.deepEqual(bad, []);
  await context.close();
});

test('dark mode: follows the system; the switch names the theme it goes to and keeps it for the visit; links and embeds take theme=', async () => {
  const { page, context, seen } = await visit('#/targets/gdp', { colorScheme: 'dark' });
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const label = () => page.evaluate(() => [...document.querySelectorAll('.theme-switch span')].find((s) => getComputedStyle(s).display !== 'none')?.textContent);
  const dark = await bg();
  assert.notEqual(dark, 'rgb(255, 255, 255)');
  assert.equal(await label(), '浅色模式', 'in dark mode the switch offers light');
  await page.click('.theme-switch');
  await waitRoute(page, served, /theme=light/);
  assert.equal(await bg(), 'rgb(255, 255, 255)');
  assert.equal(await label(), '深色模式');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'theme-switch');
  // The visit keeps it: another page, by its link.
  await page.click('nav.site-nav .nav-tabs a[data-nav="map"]');
  await page.waitForSelector('html[data-app="ready"] .map-frame .hit');
  assert.equal(await bg(), 'rgb(255, 255, 255)');
  await page.click('.theme-switch');
  await waitRoute(page, served, /theme=dark/);
  assert.equal(await bg(), dark);
  await shot(page, 'served-map-dark.png');
  await assertClean(assert, page, seen);
  await context.close();
  // A link with theme= shows it from the first paint, on a page and in an embed.
  for (const hash of ['#/targets/gdp?theme=dark', '#/embed/targets/gdp?theme=dark']) {
    const other = await visit(hash, { colorScheme: 'light' });
    assert.notEqual(await other.page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)', hash);
    await other.context.close();
  }
});
