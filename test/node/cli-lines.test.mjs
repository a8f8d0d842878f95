// Odd input through the real command (the package's bin in a child process): classify gives one
// output line for every input line; an endless line costs bounded memory; a read error on standard
// input is an error (exit 1) for classify and coverage alike; a .gz of newlines stops early.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const bin = fileURLToPath(new URL('../../bin/faceid-preflight.js', import.meta.url));
const run = (args, input, options = {}) =>
  spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 28, ...options });
const jsonLines = (stdout) =>
  stdout
    .split('\n')
    .slice(0, -1)
    .map((l) => JSON.parse(l));

const iosSafari =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 15_6_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6.1 Mobile/15E148 Safari/604.1';

test('classify: N lines in, N lines out, whatever each line holds, in order', () => {
  const inputs = [
    ['blank', ''],
    ['all spaces', '   \t '],
    ['CRLF', `${iosSafari}\r`],
    ['lone CR inside', `before\rafter`],
    ['U+2028 and U+0085', 'x\u2028y\u0085z\u2029'],
    ['invalid UTF-8', Buffer.from([0xff, 0xfe, 0x41, 0xc3])],
    ['1 MB', 'M'.repeat(1024 * 1024)],
    ['a user agent', iosSafari],
  ];
  const bytes = Buffer.concat(inputs.flatMap(([, line]) => [Buffer.from(line), Buffer.from('\n')]));
  const r = run(['classify', '--no-environment'], bytes, { encoding: 'buffer' });
  assert.equal(r.status, 0, String(r.stderr));
  const text = r.stdout.toString('utf8');
  // Only \n separates output lines: no raw U+2028 / U+0085 / CR that other tools split on.
  assert.ok(!/[\u2028\u2029\u0085\r]/.test(text), 'no raw line break character in the output');
  const out = jsonLines(text);
  assert.equal(out.length, inputs.length);
  const byName = Object.fromEntries(inputs.map(([name], i) => [name, out[i]]));
  assert.equal(byName.blank.userAgent, '');
  assert.equal(byName.blank.mode, 'undetermined');
  assert.equal(byName['all spaces'].userAgent, '   \t ');
  assert.deepEqual([byName.CRLF.userAgent, byName.CRLF.mode], [iosSafari, 'reflection']);
  assert.equal(byName['lone CR inside'].userAgent, 'before\rafter');
  assert.equal(byName['U+2028 and U+0085'].userAgent, 'x\u2028y\u0085z\u2029');
  assert.match(text, /"x\\u2028y\\u0085z\\u2029"/);
  assert.equal(byName['invalid UTF-8'].userAgent, '\uFFFD\uFFFDA\uFFFD');
  assert.deepEqual(byName['1 MB'], {
    userAgent: null,
    mode: 'undetermined',
    likelihood: null,
    rule: null,
    reasons: ['Line 7 is longer than 8 KB: not read as a user agent.'],
    tooLong: true,
  });
  assert.deepEqual([byName['a user agent'].userAgent, byName['a user agent'].mode], [iosSafari, 'reflection']);
});

test('classify: a last line without a newline is a line; an empty input gives nothing', () => {
  assert.equal(jsonLines(run(['classify'], `a\nb`).stdout).length, 2);
  assert.equal(jsonLines(run(['classify'], `\n\n\n`).stdout).length, 3);
  assert.equal(run(['classify'], '').stdout, '');
});

/** Resident memory of a process, from /proc (Linux), in bytes. */
const rssOf = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;

test('classify: an endless line (/dev/zero) is reported at once as too long, in bounded memory', async () => {
  const zero = openSync('/dev/zero', 'r');
  const child = spawn(process.execPath, [bin, 'classify'], { stdio: [zero, 'pipe', 'pipe'] });
  closeSync(zero);
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const firstLine = new Promise((resolve) => child.stdout.on('data', () => stdout.includes('\n') && resolve()));
  await Promise.race([firstLine, new Promise((resolve) => setTimeout(resolve, 20_000))]);
  // Let it read on for a while: hundreds of MB of zeros go by.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const rss = rssOf(child.pid);
  child.kill('SIGKILL');
  await new Promise((resolve) => child.on('exit', resolve));
  const [line] = jsonLines(stdout);
  assert.deepEqual([line.userAgent, line.mode, line.tooLong], [null, 'undetermined', true]);
  assert.equal(stdout.split('\n').length, 2, 'one line so far: the endless line has not ended');
  assert.ok(rss < 200 * 1024 * 1024, `resident memory ${Math.round(rss / 1e6)} MB`);
});

/** Runs the bin with a directory as standard input: Node reads it as empty unless told. */
function withDirectoryStdin(args) {
  const fd = openSync('/', 'r');
  try {
    return spawnSync(process.execPath, [bin, ...args], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', timeout: 30_000 });
  } finally {
    closeSync(fd);
  }
}

test('a read error on standard input (- < /) exits 1: classify, and coverage with complete: false', () => {
  const classify = withDirectoryStdin(['classify']);
  assert.equal(classify.status, 1);
  assert.match(classify.stderr, /^faceid-preflight classify: cannot read "-": is a directory/);
  const coverage = withDirectoryStdin(['coverage', '--json', '-']);
  assert.equal(coverage.status, 1);
  assert.match(coverage.stderr, /cannot read "-": is a directory/);
  assert.equal(JSON.parse(coverage.stdout).complete, false);
  const table = withDirectoryStdin(['coverage']);
  assert.equal(table.status, 1);
  assert.match(table.stdout, /PARTIAL RESULT/);
});

test('coverage: a .gz of newlines stops at the blank-run limit with a clear message, exit 1', () => {
  const gz = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x0a), { level: 9 }); // 67 M blank lines in ~65 KB
  const started = Date.now();
  const r = run(['coverage', '--json', '-'], gz, { encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /stopped reading "-" at line 1,000,001: over 1,000,000 blank lines in a row/);
  const report = JSON.parse(r.stdout);
  assert.equal(report.complete, false);
  assert.equal(report.blank, 1_000_001);
  assert.ok(Date.now() - started < 30_000);
});

test('coverage --top 0 says how many are undetermined instead of "none"', () => {
  const r = run(['coverage', '--top', '0', '-'], 'some unknown agent\nanother one\n');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /\n2 undetermined, none listed \(--top 0\)\.\n/);
  assert.doesNotMatch(r.stdout, /No undetermined user agents/);
  assert.match(run(['coverage', '--top', '0', '-'], `${iosSafari}\n`).stdout, /No undetermined user agents\./);
});
