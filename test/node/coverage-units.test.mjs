// The pure parts of `coverage` (built, from dist/): line splitting, formats, the top-N counter, the
// progress line, and the aggregation — the pieces whose edge cases a whole-command test cannot reach.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { predictFromUserAgent } from 'faceid-preflight/core';
import { hostileCorpus, realUserAgents } from '../harness/hostile-corpus.mjs';

const dist = (name) => import(new URL(`../../dist/cli/${name}`, import.meta.url).href);
const { LineSplitter } = await dist('coverage/lines.js');
const { detectFormat, extractUserAgent, unescapeLogField } = await dist('coverage/formats.js');
const { TopCounter } = await dist('coverage/top-counter.js');
const { CoverageTally, summarize } = await dist('coverage/aggregate.js');
const { main } = await dist('main.js');

function split(chunks, maxBytes) {
  const lines = [];
  const splitter = new LineSplitter((line, n) => lines.push([n, line]), maxBytes);
  for (const chunk of chunks) splitter.push(Buffer.from(chunk));
  splitter.end();
  return lines;
}

test('lines: any chunking gives the same lines; CRLF, a BOM and a last line without newline', () => {
  const text = '\uFEFFfirst\r\nsecond line\n\nthird — 微信\r\nlast';
  const expected = [
    [1, 'first'],
    [2, 'second line'],
    [3, ''],
    [4, 'third — 微信'],
    [5, 'last'],
  ];
  const bytes = Buffer.from(text);
  assert.deepEqual(split([bytes]), expected);
  for (let size = 1; size <= 7; size++) {
    const chunks = [];
    for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
    assert.deepEqual(split(chunks), expected, `chunks of ${size} bytes`);
  }
});

test('lines: a line over the limit is reported as null without being held, however it is chunked', () => {
  const long = 'x'.repeat(50);
  const text = `ok\n${long}\nfits-10ch\n${'y'.repeat(11)}\n${long}`;
  const expected = [
    [1, 'ok'],
    [2, null],
    [3, 'fits-10ch'],
    [4, null],
    [5, null],
  ];
  assert.deepEqual(split([text], 10), expected);
  assert.deepEqual(split(text.match(/.{1,3}/gs), 10), expected);
  // Exactly at the limit, with a CR split from its LF across chunks, still fits.
  assert.deepEqual(split(['0123456789\r', '\nnext'], 10), [
    [1, '0123456789'],
    [2, 'next'],
  ]);
});

test('formats: combined takes the last quoted field, unescaping Apache and nginx escapes', () => {
  const line = (ua) => `1.2.3.4 - - [10/Oct/2025:13:55:36 +0800] "GET / HTTP/1.1" 200 5 "https://r.example/?q=\\"x\\"" "${ua}"`;
  assert.equal(extractUserAgent(line('Mozilla/5.0 (X11)'), 'combined'), 'Mozilla/5.0 (X11)');
  assert.equal(extractUserAgent(line('a \\"quoted\\" agent'), 'combined'), 'a "quoted" agent');
  assert.equal(extractUserAgent(`${line('trailing')}  `, 'combined'), 'trailing');
  assert.equal(extractUserAgent(line('MicroMessenger \\xE5\\xBE\\xAE\\xE4\\xBF\\xA1 \\x22q\\x22'), 'combined'), 'MicroMessenger 微信 "q"');
  assert.equal(unescapeLogField('back\\\\slash'), 'back\\slash');
  assert.deepEqual(extractUserAgent(line('-'), 'combined'), { bad: 'empty-user-agent' });
  assert.deepEqual(extractUserAgent('no quotes at all', 'combined'), { bad: 'not-combined' });
  assert.deepEqual(extractUserAgent('ends with one quote"', 'combined'), { bad: 'not-combined' });
});

test('formats: JSON lines read userAgent, ua, user_agent or http_user_agent', () => {
  assert.equal(extractUserAgent('{"userAgent":"A"}', 'jsonl'), 'A');
  assert.equal(extractUserAgent('{"ua":" B "}', 'jsonl'), 'B');
  assert.equal(extractUserAgent('{"user_agent":"C","ua":5}', 'jsonl'), 'C');
  assert.equal(extractUserAgent('{"http_user_agent":"D"}', 'jsonl'), 'D');
  assert.deepEqual(extractUserAgent('{"ua":""}', 'jsonl'), { bad: 'empty-user-agent' });
  assert.deepEqual(extractUserAgent('{"agent":"E"}', 'jsonl'), { bad: 'no-user-agent-field' });
  assert.deepEqual(extractUserAgent('["ua"]', 'jsonl'), { bad: 'invalid-json' });
  assert.deepEqual(extractUserAgent('{"ua":', 'jsonl'), { bad: 'invalid-json' });
});

test('formats: detection goes by the majority of the sample', () => {
  const combined = '1.2.3.4 - - [10/Oct/2025:13:55:36 +0800] "GET / HTTP/1.1" 200 5 "-" "UA"';
  assert.equal(detectFormat([combined, combined, 'junk']), 'combined');
  assert.equal(detectFormat(['{"ua":"x"}', '{"ua":"y"}', combined]), 'jsonl');
  assert.equal(detectFormat(['Mozilla/5.0 (X11)', combined, '{"ua":"y"}']), 'ua');
  assert.equal(detectFormat([]), 'ua');
});

test('top counter: exact while the keys fit; heavy hitters survive a flood of one-offs', () => {
  const exact = new TopCounter(10);
  for (const [key, n] of [
    ['a', 3],
    ['b', 5],
    ['c', 1],
  ])
    for (let i = 0; i < n; i++) exact.add(key, key.toUpperCase());
  assert.deepEqual(exact.top(2), [
    { key: 'b', count: 5, overcount: 0, data: 'B' },
    { key: 'a', count: 3, overcount: 0, data: 'A' },
  ]);

  const bounded = new TopCounter(50);
  for (let i = 0; i < 20_000; i++) {
    bounded.add(`one-off-${i}`, null);
    if (i % 10 === 0) bounded.add('heavy', null); // 2,000 times
    if (i % 25 === 0) bounded.add('medium', null); // 800 times
    if (i >= 10_000 && i % 20 === 0) bounded.add('late', null); // 500 times, arriving when the counter is full
  }
  assert.equal(bounded.size, 50);
  const [first, second, third] = bounded.top(3);
  assert.deepEqual([first.key, second.key, third.key], ['heavy', 'medium', 'late']);
  // Space-Saving: a count exceeds the truth by at most `overcount`, and never falls below it.
  for (const [entry, truth] of [
    [first, 2000],
    [second, 800],
    [third, 500],
  ]) {
    assert.ok(entry.count >= truth && entry.count - entry.overcount <= truth, JSON.stringify(entry));
  }
  assert.ok(third.overcount > 0, 'a key that replaced another inherits its count as the possible over-count');
});

test('aggregate: shares, sorted rows and the first bad lines, apart from any I/O', () => {
  const tally = new CoverageTally(5);
  const verdict = (mode, rule, os, browser) => ({ mode, rule, os, browser });
  for (let i = 0; i < 3; i++) tally.add(verdict('reflection', 'r/a', 'iOS', 'safari'), 'ua-a');
  tally.add(verdict('undetermined', 'r/b', 'Android', 'uc'), 'ua-b');
  tally.addBlank();
  for (let line = 1; line <= 7; line++) tally.addBad('in.log', line * 2, 'invalid-json');
  const report = summarize(tally, {
    profile: 'intl',
    complete: true,
    inputs: [{ name: 'in.log', format: 'jsonl', gzip: false, lines: 12 }],
    cache: { hits: 2, misses: 2 },
  });
  assert.deepEqual(report.modes, {
    reflection: { count: 3, share: 0.75 },
    video: { count: 0, share: 0 },
    undetermined: { count: 1, share: 0.25 },
  });
  assert.deepEqual(report.rules, [
    { key: 'r/a', count: 3, share: 0.75, modes: { reflection: 3, video: 0, undetermined: 0 } },
    { key: 'r/b', count: 1, share: 0.25, modes: { reflection: 0, video: 0, undetermined: 1 } },
  ]);
  assert.deepEqual(report.topUndetermined, [{ userAgent: 'ua-b', count: 1, overcount: 0, rule: 'r/b' }]);
  assert.equal(report.badLines.count, 7);
  assert.deepEqual(
    report.badLines.first.map((b) => b.line),
    [2, 4, 6, 8, 10],
  );
  assert.equal(report.lines, 12);
});

/** Runs the command in this process with the given stderr; resolves to what reached stderr. */
const dir = mkdtempSync(path.join(os.tmpdir(), 'faceid-coverage-progress-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function stderrOf(isTTY) {
  const log = path.join(dir, 'ua.txt');
  writeFileSync(
    log,
    'Mozilla/5.0 (iPhone; CPU iPhone OS 15_6_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6.1 Mobile/15E148 Safari/604.1\n'.repeat(
      1000,
    ),
  );
  const stderr = Object.assign(new PassThrough(), { isTTY, columns: 120 });
  const stdout = new PassThrough();
  let written = '';
  stderr.on('data', (d) => (written += d));
  stdout.resume();
  const code = await main(['coverage', log], { stdin: new PassThrough(), stdout, stderr, version: 'test' });
  assert.equal(code, 0);
  return written;
}

test('progress: bytes, lines and rate on stderr when it is a terminal, nothing otherwise', async () => {
  const tty = await stderrOf(true);
  assert.match(tty, /coverage: [\d.]+ MB of 0\.1 MB \(\d+ %\) · [\d,]+ lines · [\d,]+ lines\/s/);
  assert.match(tty, /1,000 lines/);
  assert.equal(await stderrOf(false), '');
});

test("verdicts: coverage's reason-free path gives predictFromUserAgent's mode, rule, OS and browser", async () => {
  const { verdictOf } = await dist('coverage/classifier.js');
  const userAgents = [...realUserAgents, ...[...hostileCorpus({ count: 5000, seed: 7 })].map((item) => item.ua), '', '   '];
  const seen = new Set();
  for (const profile of ['intl', 'mainland']) {
    for (const ua of userAgents) {
      const full = predictFromUserAgent(ua, { profile });
      const expected = { mode: full.mode, rule: full.rule, os: full.environment.os, browser: full.environment.browser };
      assert.deepEqual(verdictOf(ua, profile), expected, `${profile}: ${String(ua).slice(0, 200)}`);
      seen.add(`${full.mode} ${full.unmet === undefined ? 'met' : full.unmet.actual === null ? 'hidden' : 'below'}`);
    }
  }
  // Every way a minimum can end was compared: met in each mode, below (video), hidden (undetermined).
  for (const way of ['reflection met', 'video met', 'undetermined met', 'video below', 'undetermined hidden'])
    assert.ok(seen.has(way), way);
});
