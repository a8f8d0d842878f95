// `faceid-preflight coverage` as users run it: the package's bin in a child process, on logs written
// here from the fixtures (whose entries carry the mode the engine must give).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { predictFromUserAgent } from 'faceid-preflight/core';
import { coverageCommand, scratch } from '../harness/coverage-cli.mjs';

const { bin, run, runJson } = coverageCommand({ timeout: 30_000 });
const { dir, file } = scratch('faceid-coverage-test-');

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/user-agents.json', import.meta.url), 'utf8'));
/** Fixture i appears (i % 3) + 1 times: known, uneven counts. */
const userAgents = fixtures.flatMap((f, i) => Array.from({ length: (i % 3) + 1 }, () => f.ua));
const expectedModes = { reflection: 0, video: 0, undetermined: 0 };
fixtures.forEach((f, i) => (expectedModes[f.mode] += (i % 3) + 1));

const combinedLine = (ua, i) =>
  `203.0.113.${i % 250} - - [10/Oct/2025:13:55:36 +0800] "GET /kyc?id=${i} HTTP/1.1" 200 ${1000 + i} "https://shop.example/" "${ua}"`;
const uaLog = `${userAgents.join('\n')}\n`;
const combinedLog = `${userAgents.map(combinedLine).join('\n')}\n`;
const jsonField = ['userAgent', 'ua', 'user_agent'];
const jsonLog = `${userAgents.map((ua, i) => JSON.stringify({ ts: i, [jsonField[i % 3]]: ua, status: 200 })).join('\n')}\n`;

const modeCounts = (report) => Object.fromEntries(Object.entries(report.modes).map(([m, v]) => [m, v.count]));
const sum = (rows) => rows.reduce((s, r) => s + r.count, 0);

test('counts are right on a known input: modes from the fixtures, rules from the engine', () => {
  const report = runJson([file('known.txt', uaLog)]);
  assert.equal(report.classified, userAgents.length);
  assert.equal(report.lines, userAgents.length);
  assert.deepEqual(modeCounts(report), expectedModes);
  const rules = {};
  for (const ua of userAgents) {
    const { rule } = predictFromUserAgent(ua);
    rules[rule] = (rules[rule] ?? 0) + 1;
  }
  assert.deepEqual(Object.fromEntries(report.rules.map((r) => [r.key, r.count])), rules);
  for (const rows of [report.rules, report.os, report.browsers]) {
    assert.equal(sum(rows), userAgents.length);
    for (const row of rows) assert.equal(row.modes.reflection + row.modes.video + row.modes.undetermined, row.count);
  }
  assert.equal(report.modes.video.share, Math.round((expectedModes.video / userAgents.length) * 1e6) / 1e6);
  assert.deepEqual(report.badLines, { count: 0, byReason: {}, first: [] });
});

test('each input format is detected and gives the same counts', () => {
  for (const [name, content, format] of [
    ['plain.txt', uaLog, 'ua'],
    ['access.log', combinedLog, 'combined'],
    ['events.jsonl', jsonLog, 'jsonl'],
  ]) {
    const report = runJson([file(name, content)]);
    assert.equal(report.inputs[0].format, format, name);
    assert.deepEqual(modeCounts(report), expectedModes, name);
    assert.equal(report.badLines.count, 0, name);
  }
});

test('--format overrides detection', () => {
  // JSON lines read as plain user agents: each whole line is one (odd) user agent.
  assert.equal(runJson([file('events2.jsonl', jsonLog)]).inputs[0].format, 'jsonl');
  const report = runJson(['--format', 'ua', '--top', '1', path.join(dir, 'events2.jsonl')]);
  assert.equal(report.inputs[0].format, 'ua');
  assert.equal(report.classified, userAgents.length);
  assert.match(report.topUndetermined[0].userAgent, /^\{"ts":/);
  // A combined log read as JSON lines is all bad lines: the report says why, and the exit code that nothing was read.
  const asJson = runJson(['-f', 'jsonl', file('forced.log', combinedLog)], undefined, 1);
  assert.equal(asJson.badLines.count, userAgents.length);
  assert.deepEqual(asJson.badLines.byReason, { 'invalid-json': userAgents.length });
  assert.equal(
    run(['-f', 'jsonl', path.join(dir, 'forced.log')]).stderr,
    `faceid-preflight coverage: nothing was classified in ${path.join(dir, 'forced.log')}: ${userAgents.length} bad lines, the first at line 1 — not a JSON object\n`,
  );
});

test('gzip is read transparently, recognised by its bytes whatever the name, from files and stdin', () => {
  const gz = gzipSync(combinedLog);
  for (const name of ['access.log.gz', 'access-rotated.1']) {
    const report = runJson([file(name, gz)]);
    assert.deepEqual(report.inputs[0], {
      name: path.join(dir, name),
      format: 'combined',
      counted: false,
      gzip: true,
      lines: userAgents.length,
    });
    assert.deepEqual(modeCounts(report), expectedModes);
  }
  const fromStdin = runJson(['-'], gz);
  assert.equal(fromStdin.inputs[0].gzip, true);
  assert.deepEqual(modeCounts(fromStdin), expectedModes);
});

test('several inputs add up; piped input is read when no file is given', () => {
  const report = runJson([file('a.txt', uaLog), file('b.log', combinedLog)]);
  assert.equal(report.classified, 2 * userAgents.length);
  assert.deepEqual(
    report.inputs.map((i) => i.format),
    ['ua', 'combined'],
  );
  const piped = runJson([], uaLog);
  assert.deepEqual(
    piped.inputs.map((i) => i.name),
    ['-'],
  );
  assert.deepEqual(modeCounts(piped), expectedModes);
});

test('bad lines are counted with their line numbers, never fatal; blank lines are only counted', () => {
  const ua = fixtures[0].ua;
  const lines = [
    combinedLine(ua, 1), // 1
    'this is not a log line', // 2
    combinedLine(ua, 3), // 3
    combinedLine('-', 4), // 4: empty user agent
    combinedLine(`${ua} ${'x'.repeat(9000)}`, 5), // 5: over 8 KB
    '', // 6: blank
    combinedLine(ua, 7), // 7
    '1.2.3.4 - - [10/Oct/2025:13:55:36 +0800] "GET / HTTP/1.1" 200 1 "-" "   "', // 8: empty
  ];
  const r = run(['--json', file('bad.log', `${lines.join('\r\n')}\r\n`)]);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.inputs[0].format, 'combined');
  assert.equal(report.classified, 3);
  assert.equal(report.blank, 1);
  assert.equal(report.lines, 8);
  assert.equal(report.badLines.count, 4);
  assert.deepEqual(report.badLines.byReason, { 'not-combined': 1, 'empty-user-agent': 2, 'too-long': 1 });
  assert.deepEqual(
    report.badLines.first.map((b) => [b.line, b.reason]),
    [
      [2, 'not-combined'],
      [4, 'empty-user-agent'],
      [5, 'too-long'],
      [8, 'empty-user-agent'],
    ],
  );
  // The table names file and line.
  const table = run([path.join(dir, 'bad.log')]);
  assert.equal(table.status, 0);
  assert.match(table.stdout, /Bad lines: 4 /);
  assert.match(table.stdout, /bad\.log:5 {2}line longer than 8 KB/);
});

test('only the first 5 bad lines are listed; all are counted', () => {
  const report = runJson([
    file('many-bad.jsonl', `${Array.from({ length: 40 }, (_, i) => (i % 4 ? '{"ua": "x"}' : '{"agent": 1}')).join('\n')}\n`),
  ]);
  assert.equal(report.badLines.count, 10);
  assert.deepEqual(
    report.badLines.first.map((b) => b.line),
    [1, 5, 9, 13, 17],
  );
  assert.deepEqual(report.badLines.byReason, { 'no-user-agent-field': 10 });
});

test('a missing or unreadable file is a clear error, exit 1, and no report', () => {
  const missing = path.join(dir, 'no-such.log');
  for (const args of [[missing], [file('ok.txt', uaLog), missing], [dir]]) {
    const r = run(args);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^faceid-preflight coverage: cannot read ".*": (no such file|is a directory)\n$/);
  }
});

test('a read error half-way (a truncated gzip) exits 1 and reports the lines read before', () => {
  const gz = gzipSync(Buffer.from(uaLog.repeat(200)));
  const r = run(['--json', file('truncated.gz', gz.subarray(0, Math.floor(gz.length / 2)))]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /cannot read ".*truncated\.gz": unexpected end of file/);
  const report = JSON.parse(r.stdout);
  assert.equal(report.complete, false);
  assert.ok(report.classified > 0 && report.classified < 200 * userAgents.length, String(report.classified));
});

test('--json: the documented shape', () => {
  const report = runJson(['--top', '3', file('shape.txt', uaLog)]);
  assert.deepEqual(Object.keys(report), [
    'version',
    'profile',
    'complete',
    'inputs',
    'lines',
    'blank',
    'classified',
    'modes',
    'rules',
    'os',
    'browsers',
    'top',
    'topUndetermined',
    'unlistedUndeterminedAtMost',
    'badLines',
    'cache',
  ]);
  assert.equal(report.version, 1);
  assert.equal(report.profile, 'intl');
  assert.equal(report.complete, true);
  assert.deepEqual(Object.keys(report.modes), ['reflection', 'video', 'undetermined']);
  assert.deepEqual(Object.keys(report.rules[0]), ['key', 'count', 'share', 'modes']);
  assert.deepEqual(Object.keys(report.topUndetermined[0]), ['userAgent', 'count', 'overcount', 'rule']);
  assert.deepEqual(Object.keys(report.cache), ['hits', 'misses']);
  assert.equal(report.cache.misses, fixtures.length); // each distinct user agent classified once
  assert.equal(report.cache.hits, userAgents.length - fixtures.length);
  // Breakdown rows come most frequent first.
  for (const rows of [report.rules, report.os, report.browsers]) {
    assert.deepEqual(
      rows.map((r) => r.count),
      [...rows.map((r) => r.count)].sort((a, b) => b - a),
    );
  }
});

test('--top lists the most frequent undetermined user agents with exact counts', () => {
  const undetermined = fixtures.filter((f) => f.mode === 'undetermined').map((f) => f.ua);
  const [a, b, c] = undetermined;
  const reflection = fixtures.find((f) => f.mode === 'reflection').ua;
  const input = [...Array(7).fill(b), ...Array(5).fill(a), ...Array(9).fill(reflection), c, ...Array(2).fill(a)].join('\n');
  const report = runJson(['-n', '2', file('top.txt', input)]);
  assert.deepEqual(
    report.topUndetermined.map((u) => [u.userAgent, u.count, u.overcount]),
    [
      [a, 7, 0],
      [b, 7, 0],
    ].sort((x, y) => (x[0] < y[0] ? -1 : 1)), // equal counts: by user agent
  );
  assert.equal(report.topUndetermined[0].rule, predictFromUserAgent(report.topUndetermined[0].userAgent).rule);
  assert.deepEqual(runJson(['--top', '0', path.join(dir, 'top.txt')]).topUndetermined, []);
});

/** A small RFC 4180 reader, enough for the report. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(field), (field = ''));
    else if (ch === '\n') (row.push(field), rows.push(row), (row = []), (field = ''));
    else field += ch;
  }
  return rows;
}

test('--csv: the documented shape, quoted where needed, adding up to the JSON report', () => {
  const input = file('csv.txt', `${uaLog}not a "browser", at all\n`);
  const r = run(['--csv', '--top', '1000', input]);
  assert.equal(r.status, 0, r.stderr);
  const [header, ...rows] = parseCsv(r.stdout);
  assert.deepEqual(header, ['section', 'key', 'count', 'share', 'reflection', 'video', 'undetermined', 'detail']);
  assert.ok(rows.every((row) => row.length === header.length));
  const json = runJson(['--top', '1000', input]);
  const section = (name) => rows.filter((row) => row[0] === name);
  assert.deepEqual(Object.fromEntries(section('summary').map((row) => [row[1], row[2] || row[7]])), {
    profile: 'intl',
    complete: 'true',
    lines: String(json.lines),
    classified: String(json.classified),
    blank: '0',
    bad: '0',
  });
  assert.deepEqual(
    section('mode').map((row) => [row[1], Number(row[2])]),
    Object.entries(json.modes).map(([m, v]) => [m, v.count]),
  );
  assert.deepEqual(
    section('rule').map((row) => [row[1], Number(row[2]), Number(row[4]), Number(row[5]), Number(row[6])]),
    json.rules.map((x) => [x.key, x.count, x.modes.reflection, x.modes.video, x.modes.undetermined]),
  );
  assert.equal(section('os').length, json.os.length);
  assert.equal(section('browser').length, json.browsers.length);
  const uas = section('undetermined-ua');
  assert.deepEqual(
    uas.map((row) => [row[1], Number(row[2]), row[7]]),
    json.topUndetermined.map((u) => [u.userAgent, u.count, u.rule]),
  );
  assert.ok(
    uas.some((row) => row[1] === 'not a "browser", at all'),
    'a user agent with a quote and a comma survives quoting',
  );
  assert.match(r.stdout, /"not a ""browser"", at all"/);
});

test('--profile mainland follows the mainland table', () => {
  const uc =
    'Mozilla/5.0 (Linux; U; Android 13; zh-CN; GDI-W09 Build/HONORGDI-W09) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/100.0.4896.58 UCBrowser/16.3.9.1290 Mobile Safari/537.36';
  const intl = runJson([], `${uc}\n`);
  const mainland = runJson(['--profile', 'mainland'], `${uc}\n`);
  assert.deepEqual([intl.profile, intl.rules[0].key], ['intl', 'intl/android-qq-uc']);
  assert.deepEqual([mainland.profile, mainland.rules[0].key], ['mainland', 'mainland/android-uc-baidu']);
  const all = runJson(['-p', 'mainland', path.join(dir, 'known.txt')]);
  const expected = {};
  for (const ua of userAgents) {
    const { mode } = predictFromUserAgent(ua, { profile: 'mainland' });
    expected[mode] = (expected[mode] ?? 0) + 1;
  }
  assert.deepEqual(modeCounts(all), { reflection: 0, video: 0, undetermined: 0, ...expected });
  assert.notDeepEqual(modeCounts(all), expectedModes);
});

test('the table: modes, breakdowns, top undetermined and bad lines, with control characters made visible', () => {
  const r = run([file('table.txt', `${uaLog}${'evil \u001b[31mred\u001b[0m agent\n'.repeat(5)}`)]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^faceid-preflight coverage · profile intl · 233 lines from .*table\.txt \(ua\)\n/);
  assert.match(r.stdout, new RegExp(`\\nreflection +${expectedModes.reflection} +`));
  for (const heading of [
    /\nrule +count +share +reflection +video +undetermined\n/,
    /\nos +count/,
    /\nbrowser +count/,
    /\nTop 10 undetermined user agents\n/,
  ]) {
    assert.match(r.stdout, heading);
  }
  assert.ok(!r.stdout.includes('\u001b'), 'no raw escape reaches the terminal');
  assert.match(r.stdout, /evil \\x1b\[31mred\\x1b\[0m agent/);
});

test('usage errors exit 2 with the coverage help', () => {
  for (const args of [
    ['--format', 'xml', 'x'],
    ['--top', '-1', 'x'],
    ['--top', '5000', 'x'],
    ['--json', '--csv', 'x'],
    ['--profile', 'mars', 'x'],
    ['-', '-'],
    ['--bogus'],
  ]) {
    const r = run(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /Usage: faceid-preflight coverage/);
  }
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--format <format> +ua, combined, jsonl, csv, tsv or counts/);
  assert.match(spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' }).stdout, /coverage <file \.\.\. \| ->/);
});

test('Ctrl-C (SIGINT) prints the partial result and exits 130', async () => {
  const child = spawn(process.execPath, [bin, 'coverage', '--json', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  // More than a pipe holds: the write drains only once the command is reading (its Ctrl-C handler
  // is set by then). The pipe then stays open, so the run waits for more until the signal.
  const rounds = 40;
  if (!child.stdin.write(uaLog.repeat(rounds))) await new Promise((resolve) => child.stdin.once('drain', resolve));
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the last pipeful read and counted
  child.kill('SIGINT');
  const { code, signal } = await exited;
  assert.deepEqual({ code, signal }, { code: 130, signal: null });
  const report = JSON.parse(stdout);
  assert.equal(report.complete, false);
  assert.equal(report.classified, rounds * userAgents.length);
  assert.deepEqual(modeCounts(report), Object.fromEntries(Object.entries(expectedModes).map(([m, n]) => [m, rounds * n])));
});
