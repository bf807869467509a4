// Lighthouse (npm, pinned in package.json) on a page, as a phone would see
// it: its default mobile preset (a mid-range phone's screen, simulated slow
// 4G and a 4× slower CPU). For `cargo xtask bench`: figures, never a test.
//
//   node tests/e2e/lighthouse.mjs <url> [runs]   prints the median run as JSON
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
];

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** One Lighthouse run on `url` in a fresh Chromium. */
export async function audit(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
    chromeFlags: FLAGS,
  });
  try {
    const r = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    const lhr = r.lhr;
    const n = (id) => lhr.audits[id] && lhr.audits[id].numericValue;
    const failing = (cat) => lhr.categories[cat].auditRefs
      .filter((a) => a.weight > 0 && lhr.audits[a.id].score !== null && lhr.audits[a.id].score < 1)
      .map((a) => a.id);
    return {
      url,
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(lhr.categories[c].score * 100)])),
      fcp: n('first-contentful-paint'),
      lcp: n('largest-contentful-paint'),
      tbt: n('total-blocking-time'),
      cls: n('cumulative-layout-shift'),
      si: n('speed-index'),
      tti: n('interactive'),
      bytes: n('total-byte-weight'),
      lcpElement: (lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet) || null,
      failing: Object.fromEntries(CATEGORIES.map((c) => [c, failing(c)])),
      error: lhr.runtimeError ? lhr.runtimeError.message : null,
    };
  } finally {
    await chrome.kill();
  }
}

/** `runs` audits of `url`; the run with the median performance score (Lighthouse's own advice). */
export async function medianAudit(url, runs = 3) {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await audit(url));
  all.sort((a, b) => a.scores.performance - b.scores.performance || a.lcp - b.lcp);
  const m = all[Math.floor(all.length / 2)];
  return { ...m, runs: all.map((r) => ({ performance: r.scores.performance, lcp: r.lcp, tbt: r.tbt, cls: r.cls })) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, runs = '1'] = process.argv.slice(2);
  console.log(JSON.stringify(await medianAudit(url, Number(runs)), null, 2));
}
