// The seeded random visitor over every route: served under the strict CSP
// and from file://, in Chinese and in English. The floor every change must
// pass. VISITOR_SEED=<n> replays one seed for every visit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, OFFLINE, launch, TARGETS } from './helpers.mjs';
import { visit, watchedPage, targets, replay } from './visitor.mjs';

const STEPS = Number(process.env.VISITOR_STEPS || 120);
const T = targets(BASE, OFFLINE, (hash) => TARGETS[0].url(hash).slice(BASE.length));
const VISITS = [
  { target: 'served', lang: 'zh', seed: 1 },
  { target: 'served', lang: 'en', seed: 2 },
  { target: 'file', lang: 'zh', seed: 3 },
  { target: 'file', lang: 'en', seed: 4 },
  { target: 'served', lang: 'zh', seed: 5 },
];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const v of VISITS) {
  const seed = process.env.VISITOR_SEED ? Number(process.env.VISITOR_SEED) : v.seed;
  test(`random visitor: ${v.target}, ${v.lang}, seed ${seed}, ${STEPS} steps`, async () => {
    const { context, page } = await watchedPage(browser, T[v.target]);
    try {
      await visit(page, { seed, steps: STEPS, target: T[v.target], lang: v.lang });
    } catch (e) {
      assert.fail(`${e.message}\nreplay: ${replay(seed, v.target, v.lang)}`);
    } finally {
      await context.close();
    }
  });
}
