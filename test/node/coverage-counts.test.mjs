// Counted input (a user agent with its count, as a warehouse's GROUP BY gives it) through the real
// command: each layout gives exactly the report of the same requests written one per line; bad
// counts and bad headers are bad lines, with their reasons and line numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { coverageCommand, scratch } from '../harness/coverage-cli.mjs';

const { run, runJson } = coverageCommand();
const { dir, file } = scratch('faceid-coverage-counts-');

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/user-agents.json', import.meta.url), 'utf8'));
const distinct = [...new Set(fixtures.map((f) => f.ua))];
/** Uneven, known counts: 1..37, so shares are not round. */
const counted = distinct.map((ua, i) => [ua, 1 + ((i * 7) % 37)]);
const total = counted.reduce((s, [, n]) => s + n, 0);
const perLine = `${counted.flatMap(([ua, n]) => Array(n).fill(ua)).join('\n')}\n`;

/** What must not differ between counted and line-by-line input of the same requests. */
const figures = (r) => ({
  classified: r.classified,
  modes: r.modes,
  rules: r.rules,
  os: r.os,
  browsers: r.browsers,
  topUndetermined: r.topUndetermined,
  unlistedUndeterminedAtMost: r.unlistedUndeterminedAtMost,
  badLines: r.badLines.count,
});

const csvQuote = (s) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const layouts = {
  'ua<TAB>count': [`${counted.map(([ua, n]) => `${ua}\t${n}`).join('\n')}\n`, 'tsv'],
  'count<TAB>ua': [`${counted.map(([ua, n]) => `${n}\t${ua}`).join('\n')}\n`, 'tsv'],
  // (some exports write counts as floats: detection takes a whole 12.0 as the reader does)
  'ua<TAB>count.0 (a float export)': [`${counted.map(([ua, n]) => `${ua}\t${n}.0`).join('\n')}\n`, 'tsv'],
  'count.0<TAB>ua (a float export)': [`${counted.map(([ua, n]) => `${n}.0\t${ua}`).join('\n')}\n`, 'tsv'],
  'TSV with a header': [`user_agent\tcount()\n${counted.map(([ua, n]) => `${ua}\t${n}`).join('\n')}\n`, 'tsv'],
  'CSV, DuckDB names': [`user_agent,count_star()\n${counted.map(([ua, n]) => `${csvQuote(ua)},${n}`).join('\n')}\n`, 'csv'],
  'CSV, columns reversed, CRLF': [
    `"requests","userAgent"\r\n${counted.map(([ua, n]) => `${n},"${ua.replaceAll('"', '""')}"`).join('\r\n')}\r\n`,
    'csv',
  ],
  'JSONL, BigQuery (f0_ as a string)': [
    `${counted.map(([ua, n]) => JSON.stringify({ user_agent: ua, f0_: String(n) })).join('\n')}\n`,
    'jsonl',
  ],
  'JSONL, ClickHouse count()': [
    `${counted.map(([ua, n]) => JSON.stringify({ user_agent: ua, 'count()': String(n) })).join('\n')}\n`,
    'jsonl',
  ],
  'JSONL, ours': [`${counted.map(([ua, n]) => JSON.stringify({ userAgent: ua, count: n })).join('\n')}\n`, 'jsonl'],
};

test('every counted layout is detected and gives exactly the report of the same requests one per line', () => {
  const expected = runJson(['--top', '1000', file('per-line.txt', perLine)]);
  assert.equal(expected.classified, total);
  for (const [name, [content, format]] of Object.entries(layouts)) {
    for (const args of [[], ['--format', 'counts'], ['--format', format]]) {
      const report = runJson(['--top', '1000', ...args, file('counted', content)]);
      assert.deepEqual([report.inputs[0].format, report.inputs[0].counted], [format, true], `${name} ${args}`);
      assert.equal(report.lines, counted.length + (/header|CSV/.test(name) ? 1 : 0), name);
      assert.deepEqual(figures(report), figures(expected), `${name} ${args}`);
    }
  }
});

test('weighted shares are exact fractions of requests', () => {
  const reflection = distinct.find((ua) => runJson([], `${ua}\n`).modes.reflection.count === 1);
  const undetermined = 'an agent no table lists';
  const report = runJson([], `${reflection}\t999999999\n${undetermined}\t1\n`);
  assert.equal(report.classified, 1_000_000_000);
  assert.deepEqual(report.modes.reflection, { count: 999_999_999, share: 1 }); // 0.999999999, to 6 decimals
  assert.deepEqual(report.modes.undetermined, { count: 1, share: 0 });
  assert.deepEqual(report.topUndetermined, [{ userAgent: undetermined, count: 1, overcount: 0, rule: report.topUndetermined[0].rule }]);
  const third = runJson([], `${reflection}\t1\n${undetermined}\t2\n`);
  assert.equal(third.modes.reflection.share, 0.333333);
  assert.equal(third.modes.undetermined.share, 0.666667);
  // 2^53 − 1 is the largest count, and the largest total.
  const max = runJson([], `${reflection}\t9007199254740991\n`);
  assert.equal(max.classified, Number.MAX_SAFE_INTEGER);
});

test('every bad count is a bad line with its reason and line number', () => {
  const ua = distinct[0];
  const lines = [
    `${ua}\t5`, // 1 ok
    `${ua}\t-5`, // 2
    `${ua}\t1.5`, // 3
    `${ua}\t9007199254740992`, // 4: 2^53
    `${ua}\t12abc`, // 5
    `${ua}\t`, // 6
    `${ua}\t1e3`, // 7
    `-\t3`, // 8: empty user agent
    `${ua}\t2\textra`, // 9
    `${ua}\t0`, // 10: zero requests: read, adds nothing
    `${ua}\t9007199254740991`, // 11: the total would pass 2^53 − 1
    `${ua}\t7`, // 12 ok
  ];
  const report = runJson(['-f', 'tsv', '--top', '0', file('bad-counts.tsv', `${lines.join('\n')}\n`)]);
  assert.equal(report.classified, 12);
  assert.equal(report.lines, 12);
  assert.deepEqual(report.badLines.byReason, {
    'negative-count': 1,
    'fractional-count': 1,
    'count-too-large': 1,
    'invalid-count': 2,
    'no-count': 1,
    'empty-user-agent': 1,
    'wrong-field-count': 1,
    'total-too-large': 1,
  });
  assert.equal(report.badLines.count, 9);
  // All nine, with their lines: the report lists five; the CSV output lists each reason's first five.
  const csv = run(['--csv', '-f', 'tsv', path.join(dir, 'bad-counts.tsv')]).stdout;
  const where = Object.fromEntries(
    [...csv.matchAll(/^bad-line,([a-z-]+),(\d+),,,,,(.*)$/gm)].map((m) => [m[1], m[3].replaceAll(`${dir}/`, '')]),
  );
  assert.deepEqual(where, {
    'negative-count': 'bad-counts.tsv:2',
    'fractional-count': 'bad-counts.tsv:3',
    'count-too-large': 'bad-counts.tsv:4',
    'invalid-count': 'bad-counts.tsv:5',
    'no-count': 'bad-counts.tsv:6',
    'empty-user-agent': '',
    'wrong-field-count': '',
    'total-too-large': '',
  }); // only the first five bad lines carry their place…
  assert.deepEqual(
    report.badLines.first.map((b) => [b.line, b.reason]),
    [
      [2, 'negative-count'],
      [3, 'fractional-count'],
      [4, 'count-too-large'],
      [5, 'invalid-count'],
      [6, 'no-count'],
    ],
  );
  // …so the rest are checked on their own.
  const rest = runJson(['-f', 'tsv', file('rest.tsv', `${lines.slice(6).join('\n')}\n`)]);
  assert.deepEqual(
    rest.badLines.first.map((b) => [b.line, b.reason]),
    [
      [1, 'invalid-count'],
      [2, 'empty-user-agent'],
      [3, 'wrong-field-count'],
      [6, 'total-too-large'],
    ],
  );
  const overflow = runJson(['-f', 'tsv', file('overflow.tsv', `${ua}\t9007199254740991\n${ua}\t1\n`)]);
  assert.deepEqual(
    overflow.badLines.first.map((b) => [b.line, b.reason]),
    [[2, 'total-too-large']],
  );
  // JSON numbers: the same checks.
  const json = runJson([
    '-f',
    'counts',
    file(
      'bad.jsonl',
      [{ ua, count: -1 }, { ua, count: 2.5 }, { ua, count: 1e300 }, { ua, count: true }, { ua }, { ua, count: 3 }]
        .map((o) => JSON.stringify(o))
        .join('\n'),
    ),
  ]);
  assert.deepEqual(
    json.badLines.first.map((b) => [b.line, b.reason]),
    [
      [1, 'negative-count'],
      [2, 'fractional-count'],
      [3, 'count-too-large'],
      [4, 'invalid-count'],
      [5, 'no-count'],
    ],
  );
  assert.equal(json.classified, 3);
});

test('bad headers are reported with their line; the lines after them are not guessed at', () => {
  const ua = distinct[0];
  const cases = [
    ['no user-agent column', `agent,count\n"${ua}",3\n`, ['-f', 'csv'], 'header-no-user-agent-column'],
    ['no count column, counts required', `user_agent,visits\n"${ua}",3\n`, ['-f', 'counts'], 'header-no-count-column'],
    ['two user-agent columns', `ua,user_agent,count\n"${ua}","${ua}",3\n`, [], 'header-ambiguous'],
    ['malformed header', `user_agent,co"unt\n"${ua}",3\n`, ['-f', 'csv'], 'malformed-csv'],
    ['TSV header without a count', `user_agent\tvisits\n${ua}\t3\n`, ['-f', 'tsv'], 'header-no-count-column'],
  ];
  for (const [name, content, args, reason] of cases) {
    const report = runJson([...args, file('header.csv', content)], undefined, 1);
    assert.deepEqual(report.badLines.first[0], { input: path.join(dir, 'header.csv'), line: 1, reason }, name);
    assert.equal(report.classified, 0, name);
    assert.equal(report.badLines.byReason['after-bad-header'], 1, name);
  }
  // The table says which line and why.
  const table = run(['-f', 'csv', path.join(dir, 'header.csv')]);
  assert.match(
    run(['-f', 'csv', file('h2.csv', `agent,count\nx,1\n`)]).stdout,
    /h2\.csv:1 {2}the first line is not a header naming a user-agent column/,
  );
  assert.equal(table.status, 1);
  assert.match(table.stderr, /^faceid-preflight coverage: nothing was classified in .*header\.csv: 2 bad lines, the first at line 1 — /);
});

test('CSV that detection cannot read as counts is still CSV, never one user agent a line: a bad header, exit 1', () => {
  const ua = distinct[0];
  const cases = {
    'an unknown user-agent column': `agent,count\n"${ua}",5\n"${ua}",6\n`,
    'an unknown count column too, unquoted': `agent,visits\n${ua},5\n${ua},6\n${distinct[1]},7\n`,
    'no header at all': `"${ua}",5\n"${ua}",6\n"${distinct[1]}",7\n`,
    'no header, unquoted': `${ua},5\n${ua},6\n${distinct[1]},7\n`,
    'no header, the count first': `5,"${ua}"\n6,"${ua}"\n7,"${distinct[1]}"\n`,
  };
  for (const [name, content] of Object.entries(cases)) {
    const report = runJson([file('guess.csv', content)], undefined, 1);
    assert.equal(report.inputs[0].format, 'csv', name);
    assert.equal(report.classified, 0, name);
    assert.equal(report.badLines.first[0].reason, 'header-no-user-agent-column', name);
  }
  // Quoted user agents one a line are still user agents (one field, no count), and so are user agents
  // with commas, whatever their words (a first line with an `n` between commas is no header).
  const quoted = runJson([file('quoted.txt', `"${ua}"\n"${distinct[1]}"\n`)]);
  assert.deepEqual([quoted.inputs[0].format, quoted.classified], ['ua', 2]);
  const commas = runJson([file('commas.txt', `Foo/1.0 (a, n, b)\n${distinct.slice(0, 5).join('\n')}\n`)]);
  assert.deepEqual([commas.inputs[0].format, commas.classified], ['ua', 6]);
  // One unusable input beside a good one: the report has the good one's requests, and the exit code and
  // standard error say which input gave nothing.
  const both = run(['--json', file('good.txt', `${ua}\n${ua}\n`), file('unusable.csv', `agent,count\nx,1\n`)]);
  assert.equal(both.status, 1);
  assert.equal(JSON.parse(both.stdout).classified, 2);
  assert.equal(
    both.stderr,
    `faceid-preflight coverage: nothing was classified in ${path.join(dir, 'unusable.csv')}: 2 bad lines, the first at line 1 — ${'the first line is not a header naming a user-agent column (useragent, user_agent, ua, http_user_agent, user-agent, user agent, any case)'}\n`,
  );
  // …even when an input before it used up the report's five first bad lines (file, then standard input).
  const noisy = file('noisy.tsv', `${ua}\t3\n${Array.from({ length: 6 }, () => `${ua}\t-1`).join('\n')}\n`);
  const after = run(['--format', 'tsv', noisy, '-'], `${ua}\t-2\n`);
  assert.equal(after.status, 1);
  assert.equal(
    after.stderr,
    'faceid-preflight coverage: nothing was classified in -: 1 bad line, the first at line 1 — the count is negative\n',
  );
  // …and a one-line input speaks in the singular.
  const table = run([file('one.csv', `agent,count\n`)]);
  assert.match(table.stdout, /· 1 line from .*\n0 user agents classified · 0 blank lines · 1 bad line\n/);
  assert.equal(table.status, 1);
});

test('CSV without a count column counts one request per row; quoted fields may hold commas, quotes and line breaks', () => {
  const ua = distinct[1];
  const csv = `ts,user_agent,status\n1,"${ua}",200\n2,"a ""quoted"", agent",200\n3,"two\nlines",404\n4,"${ua}",200\n5,broken"quote,200\n6,"open\n`;
  const report = runJson(['--top', '10', file('log.csv', csv)]);
  assert.deepEqual([report.inputs[0].format, report.inputs[0].counted], ['csv', false]);
  assert.equal(report.classified, 4);
  assert.deepEqual(report.topUndetermined.map((u) => u.userAgent).sort(), ['a "quoted", agent', 'two\nlines'].sort());
  assert.deepEqual(
    report.badLines.first.map((b) => [b.line, b.reason]),
    [
      [7, 'malformed-csv'],
      [8, 'malformed-csv'],
    ],
  );
});
