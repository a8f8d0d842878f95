// Prediction throughput vs a bare ua-parser-js loop over the same user agents, in the same run,
// and the worst time any hostile input takes. Figures are ratios measured here, never asserted.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import UAParser from 'ua-parser-js';
import { predictFromUserAgent } from 'faceid-preflight/core';
import { hostileUserAgents } from './hostile.mjs';
import { median } from './stats.mjs';

const load = (name) => JSON.parse(readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8'));
const userAgents = [...load('user-agents.json'), ...load('extra-user-agents.json')].map((f) => f.ua);

let sink = 0; // keeps the optimiser from dropping the work
const raw = (ua) => {
  sink += new UAParser(ua).getResult().browser.name?.length ?? 0;
};
const ours = (ua) => {
  sink += predictFromUserAgent(ua).likelihood;
};

/** User agents per second for one pass of `fn` over the list, repeated until ~`ms` have passed. */
function throughput(fn, ms) {
  let n = 0;
  const start = performance.now();
  let elapsed;
  do {
    for (const ua of userAgents) fn(ua);
    n += userAgents.length;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return (n / elapsed) * 1000;
}

export function run({ rounds = 9, ms = 250 } = {}) {
  throughput(raw, 300); // warm-up: both paths JIT-compiled before any round counts
  throughput(ours, 300);
  const rawRates = [];
  const ourRates = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate the order so drift (thermal, GC) hits both sides alike.
    if (i % 2) {
      rawRates.push(throughput(raw, ms));
      ourRates.push(throughput(ours, ms));
    } else {
      ourRates.push(throughput(ours, ms));
      rawRates.push(throughput(raw, ms));
    }
  }
  const rawRate = median(rawRates);
  const ourRate = median(ourRates);

  let worst = { ms: 0, name: '' };
  for (const [name, input] of Object.entries(hostileUserAgents())) {
    let best = Infinity; // the least-disturbed of 3 runs is the input's own cost
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      predictFromUserAgent(input);
      best = Math.min(best, performance.now() - t0);
    }
    if (best > worst.ms) worst = { ms: best, name };
  }
  return {
    userAgents: userAgents.length,
    rawPerSecond: Math.round(rawRate),
    predictPerSecond: Math.round(ourRate),
    ratio: ourRate / rawRate,
    target: 0.8,
    slowestHostile: worst,
    hostileInputs: Object.keys(hostileUserAgents()).length,
    sink,
  };
}
