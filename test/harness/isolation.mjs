// Whether to run browsers in a private network namespace (test/harness/isolated.sh): ISOLATE=auto
// (the default: when root on Linux and the namespace works here), 1 (required), 0 (never).
// Shared by test/run.mjs and bench/peers/run.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'isolated.sh');

/**
 * `{ use: true, script }` to wrap a command in the namespace, or `{ use: false, why }` — with
 * `required: true` when ISOLATE asked for one that is not available (the caller fails).
 */
export function isolation(want = (process.env.ISOLATE ?? 'auto').toLowerCase()) {
  if (['0', 'no', 'false'].includes(want)) return { use: false, why: 'ISOLATE=0' };
  let why;
  if (process.platform !== 'linux') why = `not Linux (${process.platform})`;
  else if (process.getuid?.() !== 0) why = 'not root';
  else if (!existsSync(script)) why = 'test/harness/isolated.sh not found';
  else {
    const probe = spawnSync(script, ['true'], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000 });
    if (probe.status !== 0) why = `probe failed: ${String(probe.stderr || probe.error?.message || probe.status).trim()}`;
  }
  if (!why) return { use: true, script };
  return want === 'auto' ? { use: false, why } : { use: false, why, required: true };
}
