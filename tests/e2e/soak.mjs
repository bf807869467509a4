// `cargo xtask soak [--minutes N]`: the random visitor for longer, with new
// seeds, until the time is up or something breaks. With VISITOR_SEED (and
// VISITOR_TARGET, VISITOR_LANG) it replays that one visit.
import { launch } from './browser.mjs';
import { visit, watchedPage, targets, replay } from './visitor.mjs';
import { TARGETS, BASE } from './helpers.mjs';

const T = targets(process.env.BASE_URL, process.env.OFFLINE_FILE, (hash) => TARGETS[0].url(hash).slice(BASE.length));
const minutes = Number(process.env.SOAK_MINUTES || 10);
const steps = Number(process.env.VISITOR_STEPS || 200);
const until = Date.now() + minutes * 60_000;
const browser = await launch();
let visits = 0;
let failed = false;
try {
  do {
    const seed = process.env.VISITOR_SEED ? Number(process.env.VISITOR_SEED) : Math.floor(Math.random() * 2 ** 31);
    const target = process.env.VISITOR_TARGET || (visits % 2 ? 'file' : 'served');
    const lang = process.env.VISITOR_LANG || (visits % 4 < 2 ? 'zh' : 'en');
    const { context, page } = await watchedPage(browser, T[target]);
    try {
      await visit(page, { seed, steps, target: T[target], lang });
      visits++;
      console.log(`visit ${visits}: ${target}, ${lang}, seed ${seed}, ${steps} steps: ok`);
    } catch (e) {
      failed = true;
      console.error(`visit ${visits + 1}: ${target}, ${lang}, seed ${seed}: FAILED\n${e.message}\nreplay: ${replay(seed, target, lang)}`);
    } finally {
      await context.close();
    }
  } while (!failed && !process.env.VISITOR_SEED && Date.now() < until);
} finally {
  await browser.close();
}
console.log(`${visits} visits without a problem${failed ? ', then one failed' : ''}`);
process.exit(failed ? 1 : 0);
