#!/usr/bin/env node
// `npm run bench:peers` (after `npm run build`): installs this folder's own dependencies when they
// are missing (the peers never enter the package's install), then runs bench.mjs — in a private
// network namespace (test/harness/isolated.sh) when root and it works here, else on the host
// network with Chromium kept on loopback by its flags alone. bench.mjs says which.
//
// Env: ISOLATE=auto|1|0 (as for `npm test`), ROUNDS (default 9), MIN_ROUNDS, BUDGET_S, CHROMIUM_PATH.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

// 1. This folder's node_modules (the peers, playwright-core, rollup): install if anything is missing.
const manifest = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'));
const wanted = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
const missing = wanted.filter((name) => !existsSync(path.join(here, 'node_modules', name, 'package.json')));
if (missing.length) {
  console.log(`bench/peers: installing (${missing.join(', ')} missing) …`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['--prefix', here, 'install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('bench/peers: npm install failed');
    process.exit(1);
  }
}

if (!existsSync(path.join(root, 'dist/probes/predict-here.js')) || !existsSync(path.join(root, 'dist/cdn/faceid-preflight.min.js'))) {
  console.error('bench/peers: dist/ is missing — run `npm run build` first (`npm run bench:peers` does).');
  process.exit(1);
}

// 2. Where to run: a private network namespace when possible (same rule as test/run.mjs).
function isolation() {
  const want = (process.env.ISOLATE ?? 'auto').toLowerCase();
  if (['0', 'no', 'false'].includes(want)) return { use: false, why: 'ISOLATE=0' };
  const script = path.join(root, 'test/harness/isolated.sh');
  let why;
  if (process.platform !== 'linux') why = `not Linux (${process.platform})`;
  else if (process.getuid?.() !== 0) why = 'not root';
  else if (!existsSync(script)) why = `${path.relative(root, script)} not found`;
  else {
    const probe = spawnSync(script, ['true'], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000 });
    if (probe.status !== 0) why = `probe failed: ${String(probe.stderr || probe.error?.message || probe.status).trim()}`;
  }
  if (!why) return { use: true, script };
  if (want === 'auto') return { use: false, why };
  console.error(`bench/peers: ISOLATE=${want} but no network namespace here (${why})`);
  process.exit(1);
}

const iso = isolation();
const bench = path.join(here, 'bench.mjs');
const env = {
  ...process.env,
  BENCH_NETWORK: iso.use
    ? 'private network namespace (test/harness/isolated.sh: lo + an inside-only veth) + Chromium no-network flags'
    : `host network, Chromium no-network flags only (no namespace: ${iso.why})`,
};
const [cmd, args] = iso.use
  ? [iso.script, [process.execPath, bench, ...process.argv.slice(2)]]
  : [process.execPath, [bench, ...process.argv.slice(2)]];
const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
