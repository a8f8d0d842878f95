// The first prediction in a real page, headless Chromium: the CDN entry (faceid-preflight.min.js)
// served from memory on 127.0.0.1 to a page holding one <faceid-preflight>, a fresh browser
// context per load, at CPU speed 1× (desktop) and 4× slower (CDP Emulation.setCPUThrottlingRate,
// Lighthouse's mobile figure), the two alternating. Per load, from the page's own clock:
//   evaluate   last byte of the entry → the entry module evaluated (a module script after it)
//   decision   last byte of the entry → `faceid-prediction` (evaluation, element definition, first
//              render, probes, prediction)
//   main thread  CDP Performance.getMetrics TaskDuration just after the decision, minus the same
//              for the same page without the script (median of as many loads): the renderer
//              main-thread time the element cost, compiling and running it
// Medians and interquartile ranges; no network emulation here (bench/peers does that).
//
// Then a few more loads at 4× with the V8 sampling profiler on (CDP Profiler, 100 µs), from
// navigation to the decision: the self time of every sample in the bundle is put to its source by
// the source map, by where the function starts (ua-parser-js, lit, ours by folder:
// bench/attribute.mjs; the bundle's top-level code is one function of its own); the rest is the
// browser's own ("(program)": compiling, parsing, style, layout, the page load itself; GC).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { chromiumArgs } from '../test/harness/chromium-flags.mjs';
import { findChromium } from '../test/harness/chromium-page.mjs';
import { positionGrouper } from './attribute.mjs';
import { quantile } from './stats.mjs';

const entryFile = fileURLToPath(new URL('../dist/cdn/faceid-preflight.min.js', import.meta.url));
const entry = readFileSync(entryFile);
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>first prediction</title>
<script>
window.__bench = {};
document.addEventListener('faceid-prediction', () => { __bench.decision = performance.now(); }, { once: true });
</script>
<script type="module" src="/faceid-preflight.min.js"></script>
<script type="module">__bench.evaluated = performance.now();</script>
</head><body><faceid-preflight></faceid-preflight></body></html>`;
const EMPTY = PAGE.replace(/<script type="module"[^]*?<\/script>\n/g, '');

const stats = (xs) => ({ median: quantile(xs, 0.5), p25: quantile(xs, 0.25), p75: quantile(xs, 0.75) });

async function loadOnce(browser, origin, rate, path = '/', profile = null) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    if (path === '/empty') {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return { taskMs: metrics.find((x) => x.name === 'TaskDuration').value * 1000 };
    }
    await page.waitForFunction(() => window.__bench.decision !== undefined, null, { timeout: 20_000, polling: 5 });
    if (profile) {
      const { profile: p } = await cdp.send('Profiler.stop');
      addProfile(profile, p);
      return null;
    }
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
    const marks = await page.evaluate(() => {
      const e = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/faceid-preflight.min.js'));
      return { arrived: e.responseEnd, evaluated: window.__bench.evaluated, decision: window.__bench.decision };
    });
    return {
      evaluateMs: marks.evaluated - marks.arrived,
      decisionMs: marks.decision - marks.arrived,
      taskMs: m.TaskDuration * 1000,
      scriptMs: m.ScriptDuration * 1000,
    };
  } finally {
    await context.close();
  }
}

/** Adds a CPU profile's self time into `into`: by group, and by group and function name. */
function addProfile(into, { nodes, samples, timeDeltas }) {
  const group = positionGrouper(entryFile);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const groupOfNode = new Map();
  const nameOf = (n) => {
    const f = n.callFrame;
    // The bundle's top-level code is one function starting at 0:0 (whatever file comes first).
    if (f.url.endsWith('/faceid-preflight.min.js'))
      return f.lineNumber === 0 && f.columnNumber === 0
        ? "the bundle evaluated (every file's top-level code)"
        : group(f.lineNumber, f.columnNumber);
    if (f.url) return 'the page (its inline scripts)';
    if (['(idle)', '(program)', '(garbage collector)', '(root)'].includes(f.functionName)) return `browser: ${f.functionName}`;
    return 'browser: built-ins (no script URL)';
  };
  samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!groupOfNode.has(id)) groupOfNode.set(id, nameOf(node));
    const g = groupOfNode.get(id);
    const ms = (timeDeltas[i] ?? 0) / 1000;
    into.groups[g] = (into.groups[g] ?? 0) + ms;
    const fn = `${g}: ${node.callFrame.functionName || '(anonymous)'}`;
    into.functions[fn] = (into.functions[fn] ?? 0) + ms;
  });
}

export async function run({ loads = 7, profiled = 3 } = {}) {
  const executablePath = findChromium();
  if (!executablePath) return { skipped: 'no Chromium found (see npm test for where it looks)' };
  const server = createServer((req, res) => {
    const js = req.url === '/faceid-preflight.min.js';
    const body = js ? entry : req.url === '/' ? PAGE : req.url === '/empty' ? EMPTY : null;
    res.writeHead(body ? 200 : 404, { 'content-type': js ? 'text/javascript' : 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body ?? '');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  const runs = { 1: [], 4: [] };
  const empty = { 1: [], 4: [] };
  const profile = { groups: {}, functions: {} }; // → ms of self time, summed over the profiled loads
  try {
    await loadOnce(browser, origin, 1); // warm-up: the browser's own first-use costs
    for (let i = 0; i < loads; i++) {
      for (const rate of i % 2 ? [4, 1] : [1, 4]) {
        runs[rate].push(await loadOnce(browser, origin, rate));
        empty[rate].push(await loadOnce(browser, origin, rate, '/empty'));
      }
    }
    for (let i = 0; i < profiled; i++) await loadOnce(browser, origin, 4, '/', profile);
  } finally {
    await browser.close();
    server.close();
  }
  const summary = (rate) => {
    const base = quantile(
      empty[rate].map((r) => r.taskMs),
      0.5,
    );
    return {
      loads: runs[rate].length,
      evaluateMs: stats(runs[rate].map((r) => r.evaluateMs)),
      decisionMs: stats(runs[rate].map((r) => r.decisionMs)),
      mainThreadMs: stats(runs[rate].map((r) => r.taskMs - base)),
      emptyPageTaskMs: base,
    };
  };
  const perLoad = (totals) =>
    Object.entries(totals)
      .filter(([g]) => !g.startsWith('browser: (idle)'))
      .map(([name, total]) => ({ name, ms: total / profiled }))
      .sort((a, b) => b.ms - a.ms);
  const profile4x = { loads: profiled, groups: perLoad(profile.groups), topFunctions: perLoad(profile.functions).slice(0, 20) };
  return { desktop: summary(1), throttled4x: summary(4), profile4x, chromium: browser.version() };
}
