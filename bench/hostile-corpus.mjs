// The bench section for the generated corpus of hostile user agents (test/harness/hostile-corpus.mjs):
// every input once, then the slow ones again (best of 5, the least-disturbed run is the input's own
// cost); the slowest input and the share over 1 ms.
import { performance } from 'node:perf_hooks';
import { predictFromUserAgent } from 'faceid-preflight/core';
import { DEFAULT_COUNT, DEFAULT_SEED, describeInput, hostileCorpus } from '../test/harness/hostile-corpus.mjs';

const predict = (item) => predictFromUserAgent(item.ua, item.options);

/**
 * The bench section: the corpus once, timing each input; inputs over `recheckMs` are timed again
 * (best of 5), so a GC pause or a context switch is not blamed on an input.
 */
export function run({ count = DEFAULT_COUNT, seed = DEFAULT_SEED, thresholdMs = 1, recheckMs = 0.25 } = {}) {
  for (const item of hostileCorpus({ count: 2000, seed: seed + 1 })) predict(item); // warm-up (JIT)
  const suspects = [];
  let sink = 0;
  const start = performance.now();
  for (const item of hostileCorpus({ count, seed })) {
    const t0 = performance.now();
    sink += predict(item).likelihood;
    const ms = performance.now() - t0;
    if (ms > recheckMs) suspects.push({ item, ms });
  }
  const totalMs = performance.now() - start;
  let slowest = { ms: 0, input: '' };
  let over = 0;
  for (const s of suspects) {
    let best = s.ms;
    for (let k = 0; k < 5 && best > recheckMs; k++) {
      const t0 = performance.now();
      sink += predict(s.item).likelihood;
      best = Math.min(best, performance.now() - t0);
    }
    if (best > thresholdMs) over++;
    if (best > slowest.ms) slowest = { ms: best, input: describeInput(s.item) };
  }
  return {
    count,
    seed,
    totalMs,
    perSecond: Math.round((count / totalMs) * 1000),
    slowest,
    overThreshold: over,
    shareOverThreshold: over / count,
    thresholdMs,
    sink,
  };
}
