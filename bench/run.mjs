// `npm run bench`: every benchmark of the package, each a ratio against a baseline measured in the
// same run on the same machine. Prints a table and, with --json, the raw figures.
import os from 'node:os';
import { run as prediction } from './prediction.mjs';

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

if (json) console.log(JSON.stringify(results, null, 2));
