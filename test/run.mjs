#!/usr/bin/env node
// `npm test` (after the build): the Node tests, then the browser tests in every engine found, then
// one summary line. Exits non-zero if anything failed.
//
//   1. node --test over test/node/**/*.test.mjs (counts from its TAP summary: "# pass N" ...)
//   2. wtr --config web-test-runner.config.mjs (counts from test/harness/count-reporter.mjs)
//   3. which engines were skipped, and why; with REQUIRE_ALL_ENGINES=1 (CI) a missing engine fails
//   4. last line, always: "N passed, N failed"
//
// Env: BROWSERS, FILES, CHROMIUM_PATH, ... (see web-test-runner.config.mjs and
// test/harness/engines.mjs); REQUIRE_ALL_ENGINES=1; ISOLATE=auto|1|0 (run the browsers in a
// private network namespace: auto = when root and it works here, 1 = required, 0 = never).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { planEngines, describePlan } from './harness/engines.mjs';
import { isolation } from './harness/isolation.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'faceid-preflight-test-'));
const started = Date.now();

const totals = { passed: 0, failed: 0 };
const problems = []; // one line per thing that failed outside a counted test

let child;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    child?.kill(sig);
    rmSync(tmp, { recursive: true, force: true });
    process.exit(128 + (sig === 'SIGINT' ? 2 : 15));
  });
}

function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    child = spawn(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
    child.on('error', (e) => resolve({ code: null, error: e }));
    child.on('exit', (code, signal) => resolve({ code, signal }));
  }).finally(() => (child = undefined));
}

const oneLine = (s) => (s.length > 300 ? `${s.replace(/\s+/g, ' ').slice(0, 300)}…` : s.replace(/\s+/g, ' '));

function heading(text) {
  console.log(`\n=== ${text} ${'='.repeat(Math.max(0, 70 - text.length))}`);
}

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath ?? d.path, d.name)))
    .sort();
}

// ---------------------------------------------------------------------------------------------
// 1. Node tests
async function nodeTests() {
  heading('Node tests (node --test test/node/**/*.test.mjs)');
  const all = walk(path.join(root, 'test/node'));
  const files = all.filter((f) => f.endsWith('.test.mjs'));
  const other = all.filter((f) => /\.test\.[cm]?[jt]s$/.test(f) && !f.endsWith('.test.mjs'));
  if (other.length) console.log(`WARNING: not run (only *.test.mjs are Node tests): ${other.join(', ')}`);
  if (files.length === 0) {
    console.log('No Node test files (test/node/**/*.test.mjs): nothing to run.');
    return;
  }
  const tap = path.join(tmp, 'node.tap');
  const r = await run(process.execPath, [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  // The run's own summary is the last block of top-level "# key N" lines (subtests are indented).
  const count = (key) => {
    const all = [...text.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
    return all.length ? Number(all[all.length - 1][1]) : undefined;
  };
  const pass = count('pass');
  const fail = count('fail');
  const cancelled = count('cancelled') ?? 0;
  if (pass === undefined || fail === undefined) {
    totals.failed += 1;
    problems.push(`node --test wrote no TAP summary (exit ${r.code ?? r.signal ?? r.error?.message})`);
    return;
  }
  totals.passed += pass;
  totals.failed += fail + cancelled;
  if (r.code !== 0 && fail + cancelled === 0) {
    totals.failed += 1;
    problems.push(`node --test exited with ${r.code ?? r.signal} although no test failed`);
  }
  console.log(`Node: ${pass} passed, ${fail + cancelled} failed${cancelled ? ` (${cancelled} cancelled)` : ''}`);
}

// ---------------------------------------------------------------------------------------------
// 2. Browser tests
async function browserTests() {
  heading('Browser tests (web-test-runner)');
  let plan;
  try {
    plan = planEngines();
  } catch (e) {
    totals.failed += 1;
    problems.push(e.message);
    return { skipped: [] };
  }
  if (Object.keys(plan.run).length === 0) {
    // (Otherwise web-test-runner.config.mjs prints this plan itself.)
    console.log(`Browser engines:\n${describePlan(plan)}`);
    console.log('No browser engine to run: browser tests not run.');
    return plan;
  }
  const iso = isolation();
  if (iso.required) {
    totals.failed += 1;
    problems.push(`ISOLATE=${process.env.ISOLATE} but a private network namespace is not available: ${iso.why}`);
    return plan;
  }
  console.log(
    iso.use
      ? 'Network: browsers run in a private network namespace (test/harness/isolated.sh)'
      : `Network: host network, browsers kept on loopback by their flags/prefs (no namespace: ${iso.why})`,
  );

  const results = path.join(tmp, 'wtr-results.json');
  const wtr = path.join(root, 'node_modules/.bin/wtr');
  const wtrArgs = [wtr, '--config', 'web-test-runner.config.mjs'];
  const env = { ...process.env, WTR_RESULTS_FILE: results };
  const r = iso.use ? await run(iso.script, [process.execPath, ...wtrArgs], { env }) : await run(process.execPath, wtrArgs, { env });
  if (!existsSync(results)) {
    totals.failed += 1;
    problems.push(`web-test-runner reported no results (exit ${r.code ?? r.signal ?? r.error?.message})`);
    return plan;
  }
  const c = JSON.parse(readFileSync(results, 'utf8'));
  totals.passed += c.passed;
  totals.failed += c.failed;
  if (r.code !== 0 && c.failed === 0) {
    totals.failed += 1;
    problems.push(`web-test-runner exited with ${r.code ?? r.signal} although no test failed`);
  }
  for (const fe of c.fileErrors) {
    problems.push(
      `${path.relative(root, fe.testFile)} [${fe.browser}] failed outside any test${fe.errors.length ? `: ${oneLine(fe.errors.join('; '))}` : ''}`,
    );
  }
  const per = Object.entries(c.byBrowser).map(([b, n]) => `${b} ${n.passed}/${n.failed}${n.skipped ? `/${n.skipped} skipped` : ''}`);
  console.log(`Browser: ${c.passed} passed, ${c.failed} failed (passed/failed per browser: ${per.join(', ')})`);
  return plan;
}

// ---------------------------------------------------------------------------------------------
try {
  await nodeTests();
  const plan = await browserTests();

  heading('Summary');
  const requireAll = process.env.REQUIRE_ALL_ENGINES === '1';
  for (const { engine, why, missing } of plan.skipped ?? []) {
    const fatal = missing && requireAll;
    console.log(`${fatal ? 'FAILED' : 'skipped'}: ${engine}: ${why}${fatal ? ' (REQUIRE_ALL_ENGINES=1)' : ''}`);
    if (fatal) {
      totals.failed += 1;
      problems.push(`required engine ${engine} is missing`);
    }
  }
  for (const p of problems) console.log(`problem: ${p}`);
  console.log(`time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  totals.failed += 1;
  console.error('test/run.mjs failed:', e);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;
