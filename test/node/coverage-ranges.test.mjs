// A file read in byte ranges on worker threads (src/cli/coverage/chunks.ts) gives the report of
// reading it whole on one thread, byte for byte, wherever the cuts fall: lines across a cut, CRLF
// split by one, a quoted csv field with a line break across one, a blank run and a total near 2^53
// carried over one, bad lines numbered as in the whole file, an empty file, a file smaller than
// the workers. The ranges are made tiny here (rangeBytes.min = max) so that small files have many
// cuts, where the test knows them; each case checks that the file was indeed read in ranges, with
// the main thread reading ranges beside the workers (as it runs) and with the workers reading all.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { coverageInProcess, scratch } from '../harness/coverage-cli.mjs';

const dist = (name) => import(new URL(`../../dist/cli/${name}`, import.meta.url).href);
const { rangeBytes, threadSetup, workerStats } = await dist('coverage/worker-pool.js');
const { planRanges, probe } = await dist('coverage/chunks.js');
const { file } = scratch('faceid-coverage-ranges-');

const defaults = { ...rangeBytes };
after(() => {
  Object.assign(rangeBytes, defaults);
  threadSetup.mainThreadReads = true;
});

const fixtures = [...new Set(JSON.parse(readFileSync(new URL('../fixtures/user-agents.json', import.meta.url), 'utf8')).map((f) => f.ua))];

/** Ranges of exactly `bytes` (the first reaching past the header), whatever the file's size. */
const setRange = (bytes) => Object.assign(rangeBytes, { min: bytes, max: bytes });

/** `coverage --json …args` in this process: exit code, stdout, stderr. */
const coverage = (args) => coverageInProcess(['--json', '--top', '50', ...args]);

/** The cuts of `path` with ranges of `bytes` (as the command plans them), or undefined when it reads it whole. */
function cutsOf(path, bytes) {
  const fd = openSync(path, 'r');
  try {
    const recipe = probe(fd, path, undefined);
    if (recipe === undefined || recipe === 'gzip') return undefined;
    const size = readFileSync(path).length;
    return planRanges(size, recipe.headEnd, bytes)
      .slice(1)
      .map(([start]) => start);
  } finally {
    closeSync(fd);
  }
}

/**
 * One thread vs `threads` reading ranges of `bytes` — the main thread beside the workers, then the
 * workers alone: the same code, stdout and stderr; how many ranges were read.
 */
async function sameInRanges(path, bytes, threads = 2) {
  setRange(bytes);
  const one = await coverage(['--threads', '1', path]);
  const ranges = workerStats.ranges;
  const many = await coverage(['--threads', String(threads), path]);
  assert.deepEqual(many, one, `ranges of ${bytes} bytes`);
  const read = workerStats.ranges - ranges;
  const before = { ...workerStats };
  threadSetup.mainThreadReads = false;
  try {
    assert.deepEqual(await coverage(['--threads', String(threads), path]), one, `ranges of ${bytes} bytes, on the workers`);
  } finally {
    threadSetup.mainThreadReads = true;
  }
  assert.equal(workerStats.rangesOnMain, before.rangesOnMain, 'no range read afresh on the main thread');
  if (read > 0) assert.ok(workerStats.rangesOnWorkers > before.rangesOnWorkers, 'the workers read ranges');
  return { report: JSON.parse(one.stdout), ranges: read };
}

test('ranges: lines across the cuts, at any cut size, the same report as one thread', async () => {
  const lines = Array.from({ length: 200 }, (_, i) => fixtures[(i * 7) % fixtures.length]);
  lines[57] = 'x'.repeat(9000); // over 8 KB: skipped, across several cuts
  const log = file('across.txt', `${lines.join('\n')}\n`);
  for (const bytes of [1, 37, 100, 333, 4096]) {
    const { report, ranges } = await sameInRanges(log, bytes);
    assert.ok(ranges > 1, `read in ranges of ${bytes} bytes`);
    assert.equal(report.lines, 200);
    assert.deepEqual(report.badLines.first, [{ input: log, line: 58, reason: 'too-long' }]);
  }
});

test('ranges: CRLF line ends with a cut between the CR and the LF, and a BOM', async () => {
  const lines = Array.from({ length: 60 }, (_, i) => `${fixtures[i % fixtures.length]}\t${i + 1}`);
  const text = `\uFEFF${lines.join('\r\n')}\r\n`;
  const log = file('crlf.tsv', text);
  const bytes = Buffer.from(text);
  let splitCrLf = 0;
  for (let size = 40; size <= 90; size++) {
    const cuts = cutsOf(log, size);
    if (cuts.some((c) => bytes[c - 1] === 0x0d && bytes[c] === 0x0a)) {
      splitCrLf++;
      const { report, ranges } = await sameInRanges(log, size);
      assert.ok(ranges > 1);
      assert.equal(report.inputs[0].format, 'tsv');
      assert.equal(report.classified, (60 * 61) / 2);
      assert.equal(report.badLines.count, 0, 'no line kept its CR, the first lost its BOM');
    }
  }
  assert.ok(splitCrLf >= 3, 'some cut sizes fall between a CR and its LF');
});

test('ranges: a bad line is reported with its line number in the whole file', async () => {
  const lines = Array.from({ length: 300 }, (_, i) => `${fixtures[i % fixtures.length]}\t${1 + (i % 9)}`);
  lines[0] = 'user_agent\tcount';
  lines[150] = `${fixtures[0]}\t-4`;
  lines[220] = `${fixtures[1]}\t1.5`;
  lines[221] = 'no tab here';
  lines[298] = '\t12';
  const log = file('bad.tsv', `${lines.join('\n')}\n`);
  for (const bytes of [64, 1000]) {
    const { report, ranges } = await sameInRanges(log, bytes);
    assert.ok(ranges > 3);
    assert.deepEqual(
      report.badLines.first.map((b) => [b.line, b.reason]),
      [
        [151, 'negative-count'],
        [221, 'fractional-count'],
        [222, 'wrong-field-count'],
        [299, 'empty-user-agent'],
      ],
    );
  }
});

test('ranges: a quoted csv field with a line break across a cut is read again from the record it opens', async () => {
  const rows = Array.from({ length: 80 }, (_, i) => `${i},"${fixtures[i % fixtures.length].replaceAll('"', '""')}"`);
  for (const i of [20, 41, 66]) rows[i] = `${i},"Mozilla/5.0 (Linux; Android 14)\nAppleWebKit/537.36 MicroMessenger/8.0.${i}"`;
  rows[70] = '70,"never closed'; // swallows the next line: one malformed record
  const log = file('quoted.csv', `ts,user_agent\n${rows.join('\n')}\n`);
  const bytes = readFileSync(log);
  /** The first line a range owns is the second line of a quoted field. */
  const inside = (cut) => {
    const start = cut === 0 || bytes[cut - 1] === 0x0a ? cut : bytes.indexOf(0x0a, cut) + 1;
    return bytes.subarray(start, start + 11).toString() === 'AppleWebKit';
  };
  let cases = 0;
  for (let size = 30; size <= 400 && cases < 4; size += 7) {
    if (!cutsOf(log, size).some(inside)) continue;
    cases++;
    const { report, ranges } = await sameInRanges(log, size);
    assert.ok(ranges > 1);
    assert.equal(report.classified, 78);
    assert.deepEqual(report.badLines.byReason, { 'malformed-csv': 1 });
  }
  assert.ok(cases > 0, 'a cut fell inside a quoted field');
});

test('ranges: an empty file, a file smaller than the workers, a last line without a newline', async () => {
  const empty = file('empty.txt', '');
  const { report: none } = await sameInRanges(empty, 1, 4);
  assert.equal(none.lines, 0);
  const tiny = file('tiny.txt', `${fixtures[0]}`);
  const { report: one } = await sameInRanges(tiny, 1);
  assert.equal(one.classified, 1);
  const few = file('few.txt', `${fixtures.slice(0, 12).join('\n')}\n${fixtures[12]}`);
  setRange(1);
  const four = await coverage(['--threads', '4', few]);
  const single = await coverage(['--threads', '0', few]);
  assert.deepEqual(four, single);
  assert.equal(JSON.parse(four.stdout).lines, 13);
});

test('ranges: a total that would pass 2^53 − 1 across cuts, and counts on several files in a row', async () => {
  const big = 2 ** 51;
  const lines = Array.from({ length: 40 }, (_, i) => `${fixtures[i % fixtures.length]}\t${i % 3 === 0 ? big : 7}`);
  const log = file('near-max.tsv', `${lines.join('\n')}\n`);
  const { report } = await sameInRanges(log, 80);
  assert.ok(report.badLines.byReason['total-too-large'] > 0);
  setRange(80);
  const second = file(
    'second.tsv',
    `${fixtures
      .slice(0, 30)
      .map((ua) => `${ua}\t3`)
      .join('\n')}\n`,
  );
  const one = await coverage(['--threads', '1', second, log, second]);
  const two = await coverage(['--threads', '2', second, log, second]);
  assert.deepEqual(two, one);
});

test('ranges: a run of blank lines past the limit across cuts stops at the same line, with the same report', async () => {
  const head = fixtures.slice(0, 20).join('\n');
  const log = file('blank-run.txt', `${head}\n${'\n'.repeat(1_000_001)}${fixtures[3]}\n`);
  setRange(64 * 1024);
  const one = await coverage(['--threads', '1', log]);
  const ranges = workerStats.ranges;
  const two = await coverage(['--threads', '2', log]);
  assert.ok(workerStats.ranges - ranges > 1);
  assert.equal(one.code, 1);
  assert.match(one.stderr, /at line 1,000,021: over 1,000,000 blank lines in a row/);
  assert.deepEqual(two, one);
});
