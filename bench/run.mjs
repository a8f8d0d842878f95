// `npm run bench`: every benchmark of the package, each a ratio against a baseline measured in the
// same run on the same machine. Prints a table and, with --json, the raw figures.
import os from 'node:os';
import { run as prediction } from './prediction.mjs';
import { run as browser } from './browser.mjs';

const json = process.argv.includes('--json');
const results = {};
const line = (label, value, verdict = '') => console.log(`${label.padEnd(52)} ${String(value).padStart(14)}  ${verdict}`);
const meets = (ok) => (ok ? 'meets target' : 'MISSES target');

console.log(`faceid-preflight benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}\n`);

console.log('Prediction (Node, fixture user agents)');
const p = (results.prediction = prediction());
line('  raw `new UAParser(ua).getResult()`, UAs/s', p.rawPerSecond.toLocaleString('en'));
line('  predictFromUserAgent(ua), UAs/s', p.predictPerSecond.toLocaleString('en'));
line('  ratio (ours / raw), target ≥ 0.8×', `${p.ratio.toFixed(2)}×`, meets(p.ratio >= p.target));
line(`  slowest of ${p.hostileInputs} hostile inputs, ms`, p.slowestHostile.ms.toFixed(3), `(${p.slowestHostile.name})`);

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

if (json) console.log(JSON.stringify(results, null, 2));
