// `npm run bench`: every benchmark of the package, each a ratio against a baseline measured in the
// same run on the same machine. Prints a table and, with --json, the raw figures.
import os from 'node:os';
import { run as prediction } from './prediction.mjs';
import { run as coverage } from './coverage.mjs';
import { run as browser } from './browser.mjs';
import { run as sizes } from './sizes.mjs';
import { run as firstPrediction } from './first-prediction.mjs';
import { run as hostileCorpus } from './hostile-corpus.mjs';
import { run as memory } from './memory.mjs';

const json = process.argv.includes('--json');
const results = {};
const line = (label, value, verdict = '') => console.log(`${label.padEnd(52)} ${String(value).padStart(14)}  ${verdict}`);
const meets = (ok) => (ok ? 'meets target' : 'MISSES target');

console.log(
  `faceid-preflight benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}\n`,
);

console.log('Prediction (Node, fixture user agents)');
const p = (results.prediction = prediction());
line('  raw `new UAParser(ua).getResult()`, UAs/s', p.rawPerSecond.toLocaleString('en'));
line('  predictFromUserAgent(ua), UAs/s', p.predictPerSecond.toLocaleString('en'));
line('  ratio (ours / raw), target ≥ 0.8×', `${p.ratio.toFixed(2)}×`, meets(p.ratio >= p.target));
line(`  slowest of ${p.hostileInputs} hostile inputs, ms`, p.slowestHostile.ms.toFixed(3), `(${p.slowestHostile.name})`);

console.log('\nHostile user agents (Node, generated corpus: bench/hostile-corpus.mjs)');
const h = (results.hostileCorpus = hostileCorpus());
line(`  ${h.count.toLocaleString('en')} inputs (seed ${h.seed}), UAs/s`, h.perSecond.toLocaleString('en'));
line('  slowest input (best of 5), ms, target ≤ 1 ms', h.slowest.ms.toFixed(3), meets(h.slowest.ms <= h.thresholdMs));
console.log(`    ${h.slowest.input}`);
line(
  '  share of inputs over 1 ms, target: none',
  `${(h.shareOverThreshold * 100).toFixed(3)} % (${h.overThreshold})`,
  meets(h.overThreshold === 0),
);

console.log('\nBytes shipped (min + gzip -9)');
const z = (results.sizes = sizes());
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const requests = '1 request';
line(
  `  before the first decision (the CDN entry, ${requests}), target ≤ 26 KB`,
  `${kb(z.entry.min)} → ${kb(z.entry.gzip)}`,
  meets(z.entry.gzip <= z.entry.targetBeforeDecisionGzip),
);
const groups = (attribution) => {
  console.log('    of which, by source map (min; gzip alone; share of the gzip):');
  for (const g of attribution)
    console.log(
      `      ${g.group.padEnd(30)} ${String(g.min.toLocaleString('en')).padStart(7)} B; ${kb(g.gzipAlone).padStart(8)}; ${kb(g.gzipShare).padStart(8)}`,
    );
};
groups(z.attribution);
line('  second stage (camera check, hand-off), loaded after the decision', `${kb(z.stage.min)} → ${kb(z.stage.gzip)}`);
groups(z.stageAttribution);
line('  whole element: entry + stage, target ≤ 32 KB', kb(z.whole.gzip), meets(z.whole.gzip <= z.whole.targetGzip));
for (const [lang, s] of Object.entries(z.languages))
  line(`  language ${lang}: JSON, fetched as soon as the element knows it`, `${kb(s.min)} → ${kb(s.gzip)}`);
line(
  '  core entry bundled (UA engine + ua-parser-js), target ≤ 12 KB',
  `${kb(z.core.min)} → ${kb(z.core.gzip)}`,
  meets(z.core.gzip <= z.core.targetGzip),
);

console.log('\nFirst prediction (headless Chromium, the CDN entry, fresh context per load: bench/first-prediction.mjs)');
const f = (results.firstPrediction = await firstPrediction());
if (f.skipped) console.log(`  skipped: ${f.skipped}`);
else {
  const iqr = (s) => `${s.median.toFixed(0)} (${s.p25.toFixed(0)}–${s.p75.toFixed(0)})`;
  for (const [label, r] of [
    ['desktop (1×)', f.desktop],
    ['4× CPU throttling', f.throttled4x],
  ]) {
    line(
      `  ${label}: last byte → faceid-prediction, ms`,
      iqr(r.decisionMs),
      `(${r.loads} loads; evaluating the entry ${r.evaluateMs.median.toFixed(0)} ms)`,
    );
    line(`  ${label}: main-thread task time, whole load − empty page, ms`, iqr(r.mainThreadMs));
  }
  console.log(`    where the 4× time goes (CPU profile, self time per load, mean of ${f.profile4x.loads}, navigation → decision):`);
  for (const g of f.profile4x.groups.filter((x) => x.ms >= 1)) console.log(`      ${g.name.padEnd(52)} ${g.ms.toFixed(0).padStart(5)} ms`);
}

console.log('\nCamera preflight and probes (headless Chromium, fake camera)');
const b = (results.browser = await browser());
if (b.skipped) console.log(`  skipped: ${b.skipped}`);
else {
  const ratio = b.preflightMs / b.bareMs;
  line('  bare getUserMedia + stop, median ms', b.bareMs.toFixed(2));
  line('  CameraCheck.start() to verdict, median ms', b.preflightMs.toFixed(2));
  line('  ratio (preflight / bare), target ≤ 1.1×', `${ratio.toFixed(2)}×`, meets(ratio <= 1.1));
  line('  full probe set (incl. Client Hints, Permissions), ms', b.probesMs.toFixed(3));
  line('  probe set without those two async APIs, ms', b.probesNoAsyncApisMs.toFixed(3), meets(b.probesNoAsyncApisMs < 1));
}

console.log('\nMemory: the element created and removed (headless Chromium: bench/memory.mjs)');
const m = (results.memory = await memory());
if (m.skipped) console.log(`  skipped: ${m.skipped}`);
else {
  line(`  JS heap growth, ${m.rounds.toLocaleString('en')} elements after warm-up, KB`, (m.growthSecond / 1024).toFixed(1));
  line("  of which Chromium's own (same calls, bare), KB", (m.browserOwn / 1024).toFixed(1));
  line("  the element's own, bytes per element, target ≤ 32", m.perElement.toFixed(1), meets(m.perElement <= 32));
  line(
    '  DOM nodes, JS listeners after 2,000 more, target 0, 0',
    `${m.nodesDelta}, ${m.listenersDelta}`,
    meets(m.nodesDelta === 0 && m.listenersDelta === 0),
  );
}

console.log('\nCoverage (`faceid-preflight coverage`, generated 1,000,000-line combined log)');
const c = (results.coverage = await coverage());
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
line('  naive: new UAParser(ua) on every line, lines/s', c.fixtures.naivePerSecond.toLocaleString('en'));
line('  coverage, Zipf over real fixture UAs, lines/s', c.fixtures.coveragePerSecond.toLocaleString('en'));
line('  ratio (coverage / naive), target ≥ 5×', `${c.fixtures.ratio.toFixed(1)}×`, meets(c.fixtures.ratio >= c.target));
const tail = c.longTail;
line(
  `  long tail (${tail.distinctUserAgents['1M'].toLocaleString('en')} distinct UAs), lines/s`,
  tail.coveragePerSecond.toLocaleString('en'),
  `${tail.ratio.toFixed(1)}× naive, cache hits ${(tail.cacheHitRate * 100).toFixed(1)} %`,
);
line('  peak RSS, 1M → 2M lines (long tail)', `${mb(c.memory['1M'].maxRSS)} → ${mb(c.memory['2M'].maxRSS)}`);
line('  peak live heap, 1M-line run → 2M-line run', `${mb(c.memory['1M'].liveHeap)} → ${mb(c.memory['2M'].liveHeap)}`);
const [, , thirdQuarter, fourthQuarter] = c.memory['2M'].liveHeapQuarters;
line(
  '  the 2M-line run, lines ~1–1.5M → ~1.5–2M, flat: ≤ +10 %',
  `${mb(thirdQuarter)} → ${mb(fourthQuarter)}`,
  meets(fourthQuarter <= 1.1 * thirdQuarter),
);

results.coverageScale = await (await import('./coverage-scale.mjs')).report(line, meets);
if (json) console.log(JSON.stringify(results, null, 2));
