// Manual look at an SVG file: node tests/e2e/svgshot.mjs in.svg out.png
import { readFileSync } from 'node:fs';
import { launch } from './browser.mjs';
const [input, out] = process.argv.slice(2);
const svg = readFileSync(input, 'utf8');
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1000, height: 1000 }, deviceScaleFactor: 1 });
await page.setContent(`<body style="margin:8px;background:#eee">${svg}</body>`);
const el = await page.$('svg');
await el.screenshot({ path: out });
await browser.close();
