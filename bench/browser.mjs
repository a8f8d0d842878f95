// Browser benchmarks in headless Chromium (the fake camera): the camera preflight against a bare
// getUserMedia + stop in the same page and run, and the cost of the full probe set.
import { chromiumFakeMediaArgs } from '../test/harness/chromium-flags.mjs';
import { findChromium, withChromiumPage } from '../test/harness/chromium-page.mjs';

export async function run({ rounds = 41 } = {}) {
  if (!findChromium()) return { skipped: 'no Chromium found (see npm test for where it looks)' };
  return withChromiumPage(
    '/bench/browser/preflight.html',
    async (page) => {
      await page.waitForFunction(() => window.benchReady === true);
      return page.evaluate((r) => window.runBench({ rounds: r }), rounds);
    },
    { args: chromiumFakeMediaArgs },
  );
}
