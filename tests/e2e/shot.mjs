// Manual look: node tests/e2e/shot.mjs <url> <out.png> [width] [height]
import { launch } from './browser.mjs';
const [url, out, w = '1280', h = '900'] = process.argv.slice(2);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(url);
await page.waitForSelector('html[data-app="ready"], html[data-app="error"]', { timeout: 20000 }).catch(() => {});
await page.waitForTimeout(400);
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
console.log('state', await page.evaluate(() => document.documentElement.dataset.app));
await browser.close();
