// `coverage` at warehouse scale (issue 15): counted input, the DuckDB path, worker threads, and the
// memory of a long tail of 8 KB lines. Each measurement runs in a child process of its own (a peak
// RSS is that run's own); the figures are ratios of runs made here, in one go, never asserted.
//
// - counted: 100,000 distinct user agents, Zipf counts (s = 1) summing to 10^9 requests, as TSV →
//   time and peak RSS; the rate of distinct user agents classified vs a bare predictFromUserAgent
//   loop over the same strings (single thread; target ≥ 0.9×), and, like for like, vs a bare loop of
//   the reason-free ruling coverage calls; and with worker threads (≥ 1.6×).
// - long tail: a 1,000,000-line log, ~45 % of its lines distinct user agents: two threads vs one.
// - DuckDB: the same 1,000,000 requests as a CSV access log; line by line vs GROUP BY in embedded
//   DuckDB then `coverage` on the counts it writes (query included in the time).
// - 8 KB lines: 200,000 distinct ~8 KB user agents through standard input: peak RSS and live heap.
//
// `node bench/coverage-scale.mjs` prints the figures; bench/run.mjs prints them with its others.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { median } from './stats.mjs';

const DISTINCT = 100_000;
const REQUESTS = 1e9;
const LOG_LINES = 1_000_000;
const LONG_LINES = Number(process.env.LONG_LINES ?? 200_000);
const LONG_LINE_CHARS = 8000;

const load = (name) => JSON.parse(readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8'));

/** Rank → a user agent: the fixtures, then the same with their last number bumped (builds, app versions). */
function userAgentOf() {
  const base = [...new Set([...load('user-agents.json'), ...load('extra-user-agents.json')].map((f) => f.ua))];
  const parts = base.map((ua) => {
    const m = /(\d+)(\D*)$/.exec(ua);
    return { head: ua.slice(0, m.index), number: Number(m[1]), tail: m[2] };
  });
  return (rank) => {
    if (rank < base.length) return base[rank];
    const { head, number, tail } = parts[rank % base.length];
    return `${head}${number + Math.floor(rank / base.length)}${tail}`;
  };
}

/** Zipf (s = 1) counts for `n` ranks, each at least 1, summing to exactly `total`. */
function zipfCounts(n, total) {
  let h = 0;
  for (let k = 1; k <= n; k++) h += 1 / k;
  const counts = Array.from({ length: n }, (_, k) => Math.max(1, Math.floor(total / h / (k + 1))));
  counts[0] += total - counts.reduce((s, c) => s + c, 0);
  return counts;
}

async function writeLines(file, count, lineOf) {
  const out = createWriteStream(file);
  for (let i = 0; i < count; i += 10_000) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + 10_000); j++) batch.push(lineOf(j));
    if (!out.write(`${batch.join('\n')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return file;
}

/** A fixed point in [0, 1) for each i (an integer hash, murmur3's finaliser): the same log every run. */
function uniform(i) {
  let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

function inChild(args) {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`bench child ${args[0]} failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout);
}

/** In a child: `coverage --json` as the CLI runs it, on files or on generated 8 KB lines. */
async function coverageChild(args) {
  const source = args[0];
  const { main } = await import('../dist/cli/main.js');
  let output = '';
  const stdout = new Writable({ write: (chunk, _enc, done) => ((output += chunk), done()) });
  const stderr = new Writable({ write: (_chunk, _enc, done) => done() });
  const stdin =
    source === '--long-lines'
      ? longLines()
      : new Readable({
          read() {
            this.push(null);
          },
        });
  // The live heap is sampled (a full GC every 500 ms) only where it is reported, the 8 KB lines:
  // elsewhere those collections would be work the timed runs carry and the bare loop does not.
  let liveHeap = 0;
  const sampler =
    source === '--long-lines'
      ? setInterval(() => {
          globalThis.gc();
          liveHeap = Math.max(liveHeap, v8.getHeapStatistics().used_heap_size);
        }, 500)
      : undefined;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const files = source === '--long-lines' ? args.slice(1) : args;
  const code = await main(['coverage', '--json', ...files], { stdin, stdout, stderr, version: 'bench' });
  const ms = performance.now() - start;
  const cpuMs = cpuOf(process.cpuUsage(cpu));
  clearInterval(sampler);
  const report = JSON.parse(output);
  process.stdout.write(
    JSON.stringify({
      code,
      ms,
      cpuMs,
      lines: report.lines,
      classified: report.classified,
      maxRSS: process.resourceUsage().maxRSS * 1024,
      liveHeap,
    }),
  );
}

/** 200,000 distinct lines of ~8 KB: a user agent padded with a unique token run. */
function longLines() {
  const ua = userAgentOf();
  let i = 0;
  return new Readable({
    read() {
      const batch = [];
      for (let j = 0; j < 100 && i < LONG_LINES; j++, i++) {
        const head = `${ua(i % 5000)} pad/${i} `;
        batch.push(head + 'x'.repeat(LONG_LINE_CHARS - head.length));
      }
      this.push(batch.length > 0 ? `${batch.join('\n')}\n` : null);
    },
  });
}

/**
 * In a child: the bare engine over the counted file's user agents, one pass, as a product would loop:
 * `predictFromUserAgent` (the baseline), or with `--ruling` the reason-free ruling `coverage`
 * itself calls (like for like: what the rest of `coverage` costs).
 */
async function bareChild([file, variant]) {
  const { predictFromUserAgent } = await import('faceid-preflight/core');
  const { rulingFromUserAgent } = await import('../dist/core/predict.js');
  const userAgents = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(0, line.indexOf('\t')));
  let sink = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  if (variant === '--ruling') for (const ua of userAgents) sink += rulingFromUserAgent(ua).mode.length;
  else for (const ua of userAgents) sink += predictFromUserAgent(ua).likelihood;
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, cpuMs: cpuOf(process.cpuUsage(cpu)), userAgents: userAgents.length, sink }));
}

/** In a child: DuckDB's GROUP BY over the CSV log, written as counts; then coverage on them. */
async function duckdbChild([log, counts]) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const start = performance.now();
  const db = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const connection = await db.connect();
  await connection.run(
    `COPY (SELECT user_agent, count(*) AS requests FROM read_csv('${log}') GROUP BY user_agent) TO '${counts}' (HEADER)`,
  );
  connection.closeSync();
  db.closeSync();
  process.stdout.write(JSON.stringify({ ms: performance.now() - start }));
}

const cpuOf = ({ user, system }) => (user + system) / 1000;

const best = (runs) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
/**
 * Best of `rounds` (noise from elsewhere only slows a run), the sides alternating; `cpuMs` the least
 * CPU time of any round; `runs` every round's, in order, for {@link paired}.
 */
function compare(rounds, ...sides) {
  const results = sides.map(() => []);
  for (let r = 0; r < rounds; r++) sides.forEach((args, i) => results[i].push(inChild(args)));
  return results.map((runs) => ({ ...best(runs), cpuMs: Math.min(...runs.map((x) => x.cpuMs)), runs }));
}
/**
 * The median of the rounds' own ratios a / b. This VM's speed drifts over tens of seconds (a
 * one-thread run took 3.0 s in one minute and 4.0–4.5 s a few minutes later): the best of each side
 * can come from different moments, while the two runs of one round, made back to back, share theirs.
 */
const paired = (a, b) => median(a.runs.map((run, i) => run.ms / b.runs[i].ms));

/**
 * The counted runs are short (~13 s for the four sides) and the ratios asked of them sit near their
 * targets, where this VM's noise (±10 % from run to run, either side) decides a best of two: they get
 * three times the rounds of the long ones (the 1M-line log, ~35 s a round).
 */
const COUNTED_ROUNDS_FACTOR = 3;

export async function run({ rounds = 2 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faceid-preflight-coverage-scale-'));
  try {
    const ua = userAgentOf();
    const counts = zipfCounts(DISTINCT, REQUESTS);
    const counted = await writeLines(path.join(dir, 'counted.tsv'), DISTINCT, (i) => `${ua(i)}\t${counts[i]}`);

    // The long-tail log: Zipf-ish ranks over 2,000,000, so most lines bring a new user agent.
    const ranks = Array.from({ length: LOG_LINES }, (_, i) => Math.floor(2_000_000 * uniform(i) ** 2.5));
    const csvField = (s) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
    const logLines = ranks.map((rank, i) => `${i},10.0.${i % 250}.1,200,${csvField(ua(rank))}`);
    const log = await writeLines(path.join(dir, 'access.csv'), LOG_LINES + 1, (i) =>
      i === 0 ? 'ts,ip,status,user_agent' : logLines[i - 1],
    );
    const distinctInLog = new Set(ranks).size;
    const countsFile = path.join(dir, 'counts.csv');

    const [bare, bareRuling, single, parallel] = compare(
      rounds * COUNTED_ROUNDS_FACTOR,
      ['--bare', counted],
      ['--bare', counted, '--ruling'],
      ['--coverage', counted, '--threads', '0'],
      ['--coverage', counted, '--threads', '2'],
    );
    const [tailSingle, tailParallel] = compare(rounds, ['--coverage', log, '--threads', '0'], ['--coverage', log, '--threads', '2']);
    const duck = [];
    for (let r = 0; r < rounds; r++) {
      const query = inChild(['--duckdb', log, countsFile]);
      const read = inChild(['--coverage', countsFile]);
      duck.push({ ms: query.ms + read.ms, queryMs: query.ms, coverageMs: read.ms, classified: read.classified });
    }
    const duckBest = best(duck);
    const lineByLine = best([tailSingle, tailParallel]); // coverage as it runs by default here: auto threads
    const long = inChild(['--coverage', '--long-lines', '-']);
    const rate = (r, n) => (n / r.ms) * 1000;
    return {
      counted: {
        distinct: DISTINCT,
        requests: single.classified,
        ms: single.ms,
        maxRSS: single.maxRSS,
        bareRate: rate(bare, bare.userAgents),
        rate: rate(single, DISTINCT),
        ratio: bare.ms / single.ms,
        pairedRatio: paired(bare, single),
        // CPU time: what the machine's other load cannot inflate (the run is single-threaded).
        cpuRatio: bare.cpuMs / single.cpuMs,
        target: 0.9,
        // Like for like: coverage calls the engine's reason-free ruling, which the baseline above does not.
        rulingRatio: bareRuling.ms / single.ms,
        rulingCpuRatio: bareRuling.cpuMs / single.cpuMs,
        workers: {
          ms: parallel.ms,
          maxRSS: parallel.maxRSS,
          ratio: single.ms / parallel.ms,
          pairedRatio: paired(single, parallel),
          target: 1.6,
        },
      },
      longTail: {
        lines: LOG_LINES,
        distinct: distinctInLog,
        singleMs: tailSingle.ms,
        workersMs: tailParallel.ms,
        ratio: tailSingle.ms / tailParallel.ms,
        pairedRatio: paired(tailSingle, tailParallel),
        target: 1.6,
      },
      duckdb: {
        lineByLineMs: lineByLine.ms,
        queryMs: duckBest.queryMs,
        coverageMs: duckBest.coverageMs,
        ratio: lineByLine.ms / duckBest.ms,
        same: duckBest.classified === lineByLine.classified,
      },
      longLines: { lines: long.lines, bytesPerLine: LONG_LINE_CHARS, maxRSS: long.maxRSS, liveHeap: long.liveHeap, ms: long.ms },
      cores: os.availableParallelism(),
      loadAverage: os.loadavg()[0],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs, prints the figures with run.mjs's `line` and `meets`, and returns them. */
export async function report(line, meets) {
  const s = await run();
  const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
  const x = (r) => `${r.toFixed(2)}×`;
  console.log(`\nCoverage at scale (bench/coverage-scale.mjs, ${s.cores} cores, load average ${s.loadAverage.toFixed(1)} at the end)`);
  line(
    `  counted: ${s.counted.distinct.toLocaleString('en')} distinct UAs, ${s.counted.requests.toLocaleString('en')} requests, s`,
    (s.counted.ms / 1000).toFixed(2),
    `peak RSS ${mb(s.counted.maxRSS)}`,
  );
  const rounds = (r) =>
    `best of each side ${x(r.ratio)} ${meets(r.ratio >= r.target)}; median of the rounds' ratios ${x(r.pairedRatio)} ${meets(r.pairedRatio >= r.target)}`;
  line(
    '  counted UAs/s vs bare predictFromUserAgent, target ≥ 0.9×',
    `${Math.round(s.counted.rate).toLocaleString('en')}/s`,
    rounds(s.counted),
  );
  line('  the same, in CPU time (what other load cannot inflate)', x(s.counted.cpuRatio), meets(s.counted.cpuRatio >= s.counted.target));
  line(
    '  like for like: vs a bare loop of the reason-free ruling coverage calls (no target)',
    `${x(s.counted.rulingRatio)} (CPU ${x(s.counted.rulingCpuRatio)})`,
  );
  line('  counted, 2 threads (main + 1 worker) vs one, target ≥ 1.6×', '', rounds(s.counted.workers));
  line(
    `  long tail (${s.longTail.distinct.toLocaleString('en')} distinct in 1M lines), 2 threads vs one, target ≥ 1.6×`,
    '',
    rounds(s.longTail),
  );
  line(
    '  same 1M requests: line by line / (DuckDB GROUP BY + counted)',
    x(s.duckdb.ratio),
    `${(s.duckdb.lineByLineMs / 1000).toFixed(1)} s vs ${((s.duckdb.queryMs + s.duckdb.coverageMs) / 1000).toFixed(1)} s`,
  );
  line(
    `  ${s.longLines.lines.toLocaleString('en')} distinct 8 KB lines: peak RSS, live heap`,
    `${mb(s.longLines.maxRSS)}, ${mb(s.longLines.liveHeap)}`,
  );
  return s;
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === '--coverage') await coverageChild(rest);
else if (mode === '--bare') await bareChild(rest);
else if (mode === '--duckdb') await duckdbChild(rest);
else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const line = (label, value, verdict = '') => console.log(`${label.padEnd(64)} ${String(value).padStart(14)}  ${verdict}`);
  const s = await report(line, (ok) => (ok ? 'meets target' : 'MISSES target'));
  if (process.argv.includes('--json')) console.log(JSON.stringify(s, null, 2));
}
