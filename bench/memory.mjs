// Memory growth of <faceid-preflight> created and removed over and over (headless Chromium, fake
// camera; the loop is bench/browser/memory.html), read through the DevTools protocol after forced
// garbage collections: the JS heap and the DOM counters (nodes, JS event listeners) after a
// warm-up (2,000 elements: before that, JIT code and caches still settle, by ±100 KB), after 1,000
// elements and after 1,000 more. The baseline, measured in the same page right after: the same number of
// permissions.query() and getUserMedia() calls made bare, because Chromium itself keeps every
// PermissionStatus and MediaStream a document ever got; what the element adds beyond that is its own.
import { chromiumFakeMediaArgs } from '../test/harness/chromium-flags.mjs';
import { findChromium, withChromiumPage } from '../test/harness/chromium-page.mjs';

export async function run({ warmUp = 2000, rounds = 1000 } = {}) {
  if (!findChromium()) return { skipped: 'no Chromium found (see npm test for where it looks)' };
  return withChromiumPage(
    '/bench/browser/memory.html',
    async (page) => {
      await page.waitForFunction(() => window.memoryBenchReady === true);
      const cdp = await page.context().newCDPSession(page);
      const sample = async () => {
        for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
        return { heap: usedSize, nodes, listeners: jsEventListeners };
      };
      const cycle = (n) => page.evaluate((k) => window.cycle(k), n);
      const warm = await cycle(warmUp);
      await page.evaluate((c) => window.bare(c), warm);
      const base = await sample();
      await cycle(rounds);
      const first = await sample();
      const calls = await cycle(rounds);
      const second = await sample();
      await page.evaluate((c) => window.bare(c), calls);
      const bare = await sample();
      const growthSecond = second.heap - first.heap;
      const browserOwn = bare.heap - second.heap;
      return {
        rounds,
        calls,
        base,
        first,
        second,
        bare,
        growthFirst: first.heap - base.heap,
        growthSecond,
        browserOwn,
        perElement: (growthSecond - browserOwn) / rounds,
        nodesDelta: second.nodes - base.nodes,
        listenersDelta: second.listeners - base.listeners,
        left: calls.left,
      };
    },
    { args: chromiumFakeMediaArgs },
  );
}
