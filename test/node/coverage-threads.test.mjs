// Worker threads change nothing in what `coverage` prints: the same bytes with 1, 2 or auto threads,
// on a long-tail log (many distinct user agents, the cache evicting), on counted input, and on
// standard input where the workers start half-way. The workers are checked to have run.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { coverageInProcess } from '../harness/coverage-cli.mjs';

const bin = fileURLToPath(new URL('../../bin/faceid-preflight.js', import.meta.url));
const dist = (name) => import(new URL(`../../dist/cli/${name}`, import.meta.url).href);
const { threadSetup, workerStats } = await dist('coverage/worker-pool.js');
const run = (args, input) => spawnSync(process.execPath, [bin, 'coverage', ...args], { input, timeout: 120_000, maxBuffer: 1 << 26 });

const dir = mkdtempSync(path.join(os.tmpdir(), 'faceid-coverage-threads-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const fixtures = [...new Set(JSON.parse(readFileSync(new URL('../fixtures/user-agents.json', import.meta.url), 'utf8')).map((f) => f.ua))];
/** Line i: a fixture, every other one with its last number bumped — ~25,000 distinct in 50,000 lines. */
const tailLine = (i) => {
  const ua = fixtures[i % fixtures.length];
  return i % 2 ? ua : ua.replace(/(\d+)(\D*)$/, (_, d, t) => `${Number(d) + i}${t}`);
};
const lines = Array.from({ length: 50_000 }, (_, i) => (i % 997 === 0 ? '' : i % 1009 === 0 ? '-' : tailLine(i)));
const tailLog = path.join(dir, 'tail.txt');
writeFileSync(tailLog, `${lines.join('\n')}\n`);
const countedRows = Array.from({ length: 12_000 }, (_, i) => `${tailLine(2 * i)}\t${1 + (i % 17) * 1000}`);
const countedLog = path.join(dir, 'counted.tsv');
writeFileSync(countedLog, `${countedRows.join('\n')}\n`);
/** Past the line count where auto threads start: mostly repeats (cheap), with the long tail in. */
const stdinLog = `${Array.from({ length: 120_000 }, (_, i) => (i % 4 ? fixtures[i % fixtures.length] : tailLine(i))).join('\n')}\n`;

test('the same bytes on 1 thread and on 2 (the main one and a worker): long-tail log and counted input, every output format', () => {
  for (const [log, outputs] of [
    [tailLog, [['--json'], []]],
    [countedLog, [['--json'], ['--csv']]],
  ]) {
    for (const output of outputs) {
      const one = run([...output, '--top', '50', '--threads', '1', log]);
      const two = run([...output, '--top', '50', '--threads', '2', log]);
      assert.equal(one.status, 0, String(one.stderr));
      assert.equal(two.status, 0, String(two.stderr));
      assert.ok(one.stdout.length > 1000);
      assert.ok(one.stdout.equals(two.stdout), `${path.basename(log)} ${output}: outputs differ`);
    }
  }
  const report = JSON.parse(run(['--json', '--threads', '2', tailLog]).stdout);
  assert.ok(report.cache.misses > 20_000, 'the cache evicted: misses past its capacity');
});

test('standard input: auto threads start half-way through, same bytes as one thread', () => {
  const input = stdinLog;
  const one = run(['--json', '--threads', '1', '-'], input);
  const auto = run(['--json', '-'], input);
  assert.equal(auto.status, 0, String(auto.stderr));
  assert.ok(one.stdout.equals(auto.stdout));
});

/** `coverage --json …args` in this process, which must exit 0: its report. */
async function inProcess(args, input) {
  const { code, stdout, stderr } = await coverageInProcess(['--json', ...args], input);
  assert.equal(code, 0, stderr);
  return stdout;
}

test('the workers do predict: their count of user agents goes up, by the distinct ones the cache did not hold', async () => {
  const before = { ...workerStats };
  threadSetup.mainThreadReads = false;
  let parallel;
  try {
    parallel = await inProcess(['--threads', '2', countedLog]);
  } finally {
    threadSetup.mainThreadReads = true;
  }
  const distinct = new Set(countedRows.map((row) => row.split('\t')[0])).size;
  assert.equal(workerStats.userAgents - before.userAgents, distinct, 'each distinct user agent predicted once');
  assert.ok(workerStats.ranges - before.ranges > 1);
  assert.equal(workerStats.rangesOnWorkers - before.rangesOnWorkers, workerStats.ranges - before.ranges, 'on a worker');
  const single = { ...workerStats };
  assert.equal(await inProcess(['--threads', '0', countedLog]), parallel);
  assert.deepEqual(workerStats, single, 'no worker with --threads 0');
  assert.equal(await inProcess(['--threads', '2', countedLog]), parallel, 'the main thread reading ranges beside a worker');
});

test('the main thread and a worker both read ranges of a long file, and the report is one thread’s', async () => {
  const single = await inProcess(['--threads', '0', tailLog]);
  const before = { ...workerStats };
  assert.equal(await inProcess(['--threads', '2', tailLog]), single);
  assert.ok(workerStats.rangesOnMain > before.rangesOnMain, 'the main thread read ranges');
  assert.ok(workerStats.rangesOnWorkers > before.rangesOnWorkers, 'the worker read ranges');
  assert.equal(
    workerStats.ranges - before.ranges,
    workerStats.rangesOnMain + workerStats.rangesOnWorkers - before.rangesOnMain - before.rangesOnWorkers,
  );
});

test('a worker thread that fails costs speed, not the run: ranges and batches it held are read on the main thread', async () => {
  // A worker that claims a range (so that range never comes) or takes a batch, and then fails.
  const failing = path.join(dir, 'failing-worker.mjs');
  const claims = new URL('../../dist/cli/coverage/range-claims.js', import.meta.url).href;
  writeFileSync(
    failing,
    `import { parentPort } from 'node:worker_threads';
import { RangeClaims } from ${JSON.stringify(claims)};
parentPort.on('message', ({ reading }) => {
  if (reading) new RangeClaims(reading.claims, reading.plan.ranges.length, reading.window).claim(reading.slot);
  throw new Error('this worker fails');
});
`,
  );
  const script = threadSetup.script;
  const single = await inProcess(['--threads', '0', countedLog]);
  const tail = await inProcess(['--threads', '0', '-'], stdinLog);
  threadSetup.script = new URL(`file://${failing}`);
  try {
    for (const mainThreadReads of [false, true]) {
      threadSetup.mainThreadReads = mainThreadReads;
      const before = { ...workerStats };
      assert.equal(
        await inProcess(['--threads', '3', countedLog]),
        single,
        `ranges: the same report (main thread reads: ${mainThreadReads})`,
      );
      // (the main thread may read every range before a worker loads: then none fails in time to count)
      if (!mainThreadReads) assert.ok(workerStats.lost > before.lost, 'a worker failed');
      assert.ok(workerStats.ranges - before.ranges > 1, 'read in ranges');
      assert.equal(workerStats.rangesOnWorkers, before.rangesOnWorkers, 'none from a worker');
    }
    const before = { ...workerStats };
    assert.equal(await inProcess(['--threads', '2', '-'], stdinLog), tail, 'batches: the same report');
    assert.ok(workerStats.lost > before.lost, 'a worker was sent a batch, and failed');
  } finally {
    threadSetup.script = script;
    threadSetup.mainThreadReads = true;
  }
});
