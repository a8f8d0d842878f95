// `coverage` on generated 1,000,000-line combined-format logs: throughput against a naive loop that
// parses every line's user agent with ua-parser-js (same log, same run), and peak memory for 1M and
// 2M lines. Every measurement runs in a child process of its own, so a peak is that run's own.
//
// Two logs, from one deterministic draw of Zipf-distributed ranks (s = 1.2 over 200,000 ranks):
// - "fixtures": each rank folded onto the fixtures' 123 real user agents — real UAs repeated with a
//   Zipf-like law; the throughput target applies here.
// - "long tail": the top ranks are those user agents as they are; lower ranks are the same user
//   agents with their last number bumped — the builds and app versions real traffic is full of —
//   about 6 % distinct, so the bounded cache misses and evicts; its second million brings distinct
//   user agents the first did not have, which is what the memory figures double.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { mulberry32 as prng } from '../test/harness/prng.mjs'; // the same numbers every run

const MILLION = 1_000_000;
const ZIPF_S = 1.2;
const RANKS = 200_000;

const load = (name) => JSON.parse(readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8'));

/** Draws ranks 0..RANKS-1 with P(k) ∝ 1 / (k + 1)^s, by binary search on the cumulative weights. */
function zipf(random) {
  const cumulative = new Float64Array(RANKS);
  let sum = 0;
  for (let k = 0; k < RANKS; k++) cumulative[k] = sum += 1 / (k + 1) ** ZIPF_S;
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = RANKS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Rank → user agent: the fixtures in a fixed shuffled order, then variants with the last number bumped. */
function userAgents(random) {
  const fixtures = [...new Set([...load('user-agents.json'), ...load('extra-user-agents.json')].map((f) => f.ua))];
  for (let i = fixtures.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [fixtures[i], fixtures[j]] = [fixtures[j], fixtures[i]];
  }
  const parts = fixtures.map((ua) => {
    const m = /(\d+)(\D*)$/.exec(ua);
    return { head: ua.slice(0, m.index), number: Number(m[1]), tail: m[2] };
  });
  const userAgentOf = (rank) => {
    const base = rank % fixtures.length;
    if (rank < fixtures.length) return fixtures[base];
    const { head, number, tail } = parts[base];
    return `${head}${number + Math.floor(rank / fixtures.length)}${tail}`;
  };
  return { fixtureCount: fixtures.length, userAgentOf };
}

/** Writes the logs: `fixtures` (1M lines) and `tail` (2 files of 1M lines each). */
async function generate(dir) {
  const random = prng(20251010);
  const rank = zipf(random);
  const { fixtureCount, userAgentOf } = userAgents(random);
  const open = (name) => ({ file: path.join(dir, name), out: createWriteStream(path.join(dir, name)), batch: [] });
  const flush = async (log) => {
    if (!log.out.write(`${log.batch.join('\n')}\n`)) await once(log.out, 'drain');
    log.batch = [];
  };
  const close = async (log) => {
    log.out.end(log.batch.length > 0 ? `${log.batch.join('\n')}\n` : '');
    await once(log.out, 'finish');
    return log.file;
  };
  const fixtures = open('fixtures.log');
  const tail = [open('tail-1.log'), open('tail-2.log')];
  const seen = new Set();
  const distinct = [];
  for (let n = 0; n < 2 * MILLION; n++) {
    const r = rank();
    seen.add(r);
    const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    const head = `${ip} - - [${String(1 + (((n / 86400) | 0) % 28)).padStart(2, '0')}/Oct/2025:12:00:00 +0800] "GET /kyc/start?session=${n} HTTP/1.1" 200 ${512 + (r % 4096)} "https://shop.example/checkout"`;
    const log = tail[n < MILLION ? 0 : 1];
    log.batch.push(`${head} "${userAgentOf(r)}"`);
    if (n < MILLION) fixtures.batch.push(`${head} "${userAgentOf(r % fixtureCount)}"`);
    if (log.batch.length === 10_000) await Promise.all([flush(log), ...(n < MILLION ? [flush(fixtures)] : [])]);
    if (n === MILLION - 1 || n === 2 * MILLION - 1) distinct.push(seen.size);
  }
  return { fixtures: await close(fixtures), tail: await Promise.all(tail.map(close)), distinct };
}

/** In a child: the baseline — read the log, take each line's last quoted field, `new UAParser(ua).getResult()`. */
async function naiveChild(file, limit) {
  const { default: UAParser } = await import('ua-parser-js');
  let sink = 0;
  let n = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    const ua = line.slice(line.lastIndexOf('"', line.length - 2) + 1, -1);
    sink += new UAParser(ua).getResult().browser.name?.length ?? 0;
    if (++n === limit) break;
  }
  lines.close();
  process.stdout.write(JSON.stringify({ lines: n, ms: performance.now() - start, cpuMs: cpuMs(process.cpuUsage(cpu)), sink }));
}

const cpuMs = ({ user, system }) => (user + system) / 1000;

/** Runs this file in a child process with `args`; returns what it printed, parsed. */
function inChild(args, { memory = false } = {}) {
  const flags = memory ? ['--expose-gc'] : [];
  const child = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`bench child ${args[0]} failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout);
}

/**
 * In a child: the coverage command as the CLI runs it, its output kept in memory. Started with
 * --expose-gc, it also samples its live heap (a full GC every 100 ms: what is retained, not garbage):
 * the peak of the whole run, and of each quarter of it by time. The heap climbs through the first
 * million lines of the long tail (the cache and the counters fill; measured by deciles of a 2M-line
 * run) and a peak over more samples is likelier to catch a busy moment (ranges' results waiting to
 * be taken in order), so flatness compares equal windows after the climb: a 2M-line run's third
 * quarter (lines ~1–1.5M) with its fourth (~1.5–2M). Memory that grows with the lines read shows there.
 */
async function coverageChild(files) {
  const { main } = await import('../dist/cli/main.js');
  let output = '';
  const stdout = new Writable({ write: (chunk, _enc, done) => ((output += chunk), done()) });
  const stderr = new Writable({ write: (_chunk, _enc, done) => done() });
  const samples = [];
  const sampler =
    typeof globalThis.gc === 'function' &&
    setInterval(() => {
      globalThis.gc();
      samples.push([performance.now() - start, v8.getHeapStatistics().used_heap_size]);
    }, 100);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const code = await main(['coverage', '--json', ...files], { stdin: process.stdin, stdout, stderr, version: 'bench' });
  const ms = performance.now() - start;
  const cpuUsed = cpuMs(process.cpuUsage(cpu));
  if (sampler) clearInterval(sampler);
  const report = JSON.parse(output);
  const rss = process.resourceUsage().maxRSS * 1024;
  const peak = (from, to) => Math.max(0, ...samples.filter(([t]) => t >= from && t < to).map(([, heap]) => heap));
  const liveHeap = peak(0, Infinity);
  const liveHeapQuarters = [0, 1, 2, 3].map((q) => peak((q * ms) / 4, q === 3 ? Infinity : ((q + 1) * ms) / 4));
  process.stdout.write(
    JSON.stringify({ code, ms, cpuMs: cpuUsed, lines: report.lines, cache: report.cache, maxRSS: rss, liveHeap, liveHeapQuarters }),
  );
}

/** Best of `rounds` (noise from elsewhere only ever slows a run down), the two sides alternating. */
function throughput(file, rounds, naiveLines) {
  let naive = 0;
  let ours = 0;
  let naiveCpu = 0;
  let oursCpu = 0;
  let cache;
  for (let i = 0; i < rounds; i++) {
    const a = inChild(['--naive', file, String(naiveLines)]);
    const b = inChild(['--coverage', file]);
    naive = Math.max(naive, (a.lines / a.ms) * 1000);
    naiveCpu = Math.max(naiveCpu, (a.lines / a.cpuMs) * 1000);
    ours = Math.max(ours, (b.lines / b.ms) * 1000);
    oursCpu = Math.max(oursCpu, (b.lines / b.cpuMs) * 1000);
    cache = b.cache;
  }
  return {
    naivePerSecond: Math.round(naive),
    coveragePerSecond: Math.round(ours),
    ratio: ours / naive,
    cpuRatio: oursCpu / naiveCpu,
    cacheHitRate: cache.hits / (cache.hits + cache.misses),
  };
}

export async function run({ rounds = 2, naiveLines = 50_000 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faceid-preflight-coverage-'));
  try {
    const generateStart = performance.now();
    const logs = await generate(dir);
    const generateMs = performance.now() - generateStart;

    // ua-parser-js is ~20× slower per line: it reads the first `naiveLines` lines of the same log.
    const fixtures = throughput(logs.fixtures, rounds, naiveLines);
    const longTail = throughput(logs.tail[0], rounds, naiveLines);
    const memory = (files) => {
      const r = inChild(['--coverage', ...files], { memory: true });
      return { lines: r.lines, maxRSS: r.maxRSS, liveHeap: r.liveHeap, liveHeapQuarters: r.liveHeapQuarters };
    };
    return {
      lines: MILLION,
      naiveLines,
      target: 5,
      fixtures,
      longTail: { ...longTail, distinctUserAgents: { '1M': logs.distinct[0], '2M': logs.distinct[1] } },
      memory: { '1M': memory(logs.tail.slice(0, 1)), '2M': memory(logs.tail) },
      generateMs: Math.round(generateMs),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === '--coverage') await coverageChild(rest);
else if (mode === '--naive') await naiveChild(rest[0], Number(rest[1]));
else if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await run());
