// Manual look at an SVG file: node tests/e2e/svgshot.mjs in.svg out.png
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const [input, out] = process.argv.slice(2);
const svg = readFileSync(input, 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1000, height: 1000 }, deviceScaleFactor: 1 });
await page.setContent(`<body style="margin:8px;background:#eee">${svg}</body>`);
const el = await page.$('svg');
await el.screenshot({ path: out });
await browser.close();
