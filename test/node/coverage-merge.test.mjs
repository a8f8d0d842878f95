// `coverage merge` through the real command: the merged report of shards is the report of their
// union (every count, share and breakdown), the top undetermined list keeps its documented bound
// when the shards' counters overflowed, and reports that do not add up are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { coverageCommand, scratch } from '../harness/coverage-cli.mjs';

const { run, runJson } = coverageCommand();
const { dir, file } = scratch('faceid-coverage-merge-');

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/user-agents.json', import.meta.url), 'utf8'));
const userAgents = fixtures.flatMap((f, i) => Array.from({ length: (i % 4) + 1 }, () => f.ua));
const combined = (ua, i) => `203.0.113.${i % 250} - - [10/Oct/2025:13:55:36 +0800] "GET /kyc HTTP/1.1" 200 ${i} "-" "${ua}"`;

/** The report without its cache figures: a shard's cache starts empty, one run's is shared. */
const withoutCache = ({ cache: _cache, ...rest }) => rest;

test('merge(a, b, c) is the report of a ∪ b ∪ c: counts, shares, breakdowns, bad lines, top list', () => {
  const a = file('a.log', `${userAgents.slice(0, 100).map(combined).join('\n')}\nnot a log line\n`);
  const b = file('b.txt', `${userAgents.slice(100, 250).join('\n')}\n\n-\n`);
  const c = file(
    'c.tsv',
    `${userAgents
      .slice(250)
      .map((ua, i) => `${ua}\t${i + 1}`)
      .join('\n')}\n${userAgents[0]}\t-2\n`,
  );
  const shards = [a, b, c].map((f, i) => file(`shard-${i}.json`, runJson(['--top', '1000', f])));
  const union = runJson(['--top', '1000', a, b, c]);
  const merged = run(['merge', '--json', ...shards]);
  assert.equal(merged.status, 0, merged.stderr);
  const report = JSON.parse(merged.stdout);
  assert.deepEqual(withoutCache(report), withoutCache(union));
  assert.equal(report.badLines.count, 3);
  assert.ok(report.topUndetermined.length > 0 && report.unlistedUndeterminedAtMost === 0);
  // Cache figures add up shard by shard.
  const shardReports = shards.map((s) => JSON.parse(readFileSync(s, 'utf8')));
  assert.equal(
    report.cache.misses,
    shardReports.reduce((s, r) => s + r.cache.misses, 0),
  );
  // Merging is associative: merge(merge(a, b), c) is the same report.
  const ab = file('ab.json', JSON.parse(run(['merge', '--json', shards[0], shards[1]]).stdout));
  assert.deepEqual(JSON.parse(run(['merge', '--json', ab, shards[2]]).stdout), report);
  // The table and the CSV come from the same merged report.
  assert.match(
    run(['merge', ...shards]).stdout,
    /^faceid-preflight coverage · profile intl · [\d,]+ lines from .*a\.log \(combined\), .*b\.txt \(ua\), .*c\.tsv \(tsv, counted\)\n/,
  );
  assert.match(run(['merge', '--csv', ...shards]).stdout, /^section,key,count,share,reflection,video,undetermined,detail\n/);
});

test("the top list keeps its bound when the shards' counters overflowed: truth within [count − overcount, count], none above the bound left out", () => {
  // 4,000 distinct undetermined agents with Zipf-like counts over 3 shards: each shard's counter
  // (1,000 slots) overflows, so shard counts carry over-counts and the merge adds bounds.
  const truth = new Map();
  const shards = [[], [], []];
  for (let i = 0; i < 4000; i++) {
    const ua = `unlisted-agent/${i}`;
    let total = 0;
    for (const shard of shards) {
      const n = Math.floor(5000 / (i + 1)) + ((i * 7 + shards.indexOf(shard) * 13) % 3);
      if (n > 0) shard.push([ua, n]);
      total += n;
    }
    truth.set(ua, total);
  }
  // Arrival order scrambled (by a multiplicative hash of the position), differently in each shard.
  shards.forEach((shard, s) => {
    const order = shard.map((row, i) => [Math.imul(i + s, 2654435761) >>> 0, row]).sort((a, b) => a[0] - b[0]);
    shard.splice(0, shard.length, ...order.map(([, row]) => row));
  });
  const reports = shards.map((rows, i) => {
    const tsv = file(`zipf-${i}.tsv`, `${rows.map(([ua, n]) => `${ua}\t${n}`).join('\n')}\n`);
    return file(`zipf-${i}.json`, runJson(['--top', '20', tsv]));
  });
  for (const r of reports.map((p) => JSON.parse(readFileSync(p, 'utf8')))) assert.ok(r.unlistedUndeterminedAtMost > 0);
  const merged = JSON.parse(run(['merge', '--json', '--top', '10', ...reports]).stdout);
  assert.equal(merged.topUndetermined.length, 10);
  for (const u of merged.topUndetermined) {
    const t = truth.get(u.userAgent);
    assert.ok(u.count - u.overcount <= t && t <= u.count, `${u.userAgent}: truth ${t}, listed ${u.count} − ${u.overcount}`);
  }
  const listed = new Set(merged.topUndetermined.map((u) => u.userAgent));
  for (const [ua, t] of truth)
    if (!listed.has(ua))
      assert.ok(t <= merged.unlistedUndeterminedAtMost, `${ua} (${t}) is above the bound ${merged.unlistedUndeterminedAtMost}`);
  // The heavy hitters come out on top, in order.
  assert.deepEqual(
    merged.topUndetermined.slice(0, 3).map((u) => u.userAgent),
    ['unlisted-agent/0', 'unlisted-agent/1', 'unlisted-agent/2'],
  );
  // The exact totals still add up exactly.
  assert.equal(
    merged.modes.undetermined.count,
    [...truth.values()].reduce((s, n) => s + n, 0),
  );
});

test('reports that do not add up are refused, clearly, exit 1', () => {
  const log = file('p.txt', `${userAgents.join('\n')}\n`);
  const intl = runJson([log]);
  const shard = file('intl.json', intl);
  const cases = [
    [
      file('mainland.json', runJson(['-p', 'mainland', log])),
      /"[^"]*mainland\.json" follows the mainland profile and "[^"]*intl\.json" the intl one: their figures do not add up/,
    ],
    [
      file('v0.json', (({ version: _version, ...rest }) => rest)(intl)),
      /"[^"]*v0\.json" is a report of version none \(an older faceid-preflight\); this faceid-preflight merges version 1 only: make it again/,
    ],
    [file('v2.json', { ...intl, version: 2 }), /is a report of version 2; this faceid-preflight merges version 1 only/],
    [file('other.json', { hello: 'world' }), /"[^"]*other\.json" is not a coverage report/],
    [file('broken.json', '{"version": 1, '), /"[^"]*broken\.json" is not JSON/],
    [
      file('bad-count.json', { ...intl, classified: -1 }),
      /"[^"]*bad-count\.json" is not a well-formed version 1 report: its classified is not as coverage --json writes it/,
    ],
    [file('bad-row.json', { ...intl, rules: [{ key: 'x', count: 1.5, modes: intl.modes }] }), /: its rules is not as/],
    [file('no-bad-lines.json', { ...intl, badLines: undefined }), /: its badLines\.count is not as/],
    [file('bad-mode.json', { ...intl, modes: { ...intl.modes, video: { count: 'many' } } }), /: its modes\.video is not as/],
    [path.join(dir, 'missing.json'), /cannot read "[^"]*missing\.json": no such file/],
  ];
  for (const [other, message] of cases) {
    const r = run(['merge', shard, other]);
    assert.equal(r.status, 1, `${other}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message);
  }
  const usage = run(['merge']);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /Usage: faceid-preflight coverage merge/);
});
