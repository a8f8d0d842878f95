// The `faceid-preflight` command as users run it: the package's bin, in a child process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/faceid-preflight.js', import.meta.url));
const run = (args, input) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 30_000 });
const lines = (stdout) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

const iosSafari =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 15_6_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6.1 Mobile/15E148 Safari/604.1';
const ucAndroid =
  'Mozilla/5.0 (Linux; U; Android 13; zh-CN; GDI-W09 Build/HONORGDI-W09) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/100.0.4896.58 UCBrowser/16.3.9.1290 Mobile Safari/537.36';

test('classify: user agents as arguments → one JSON line each, in order', () => {
  const r = run(['classify', iosSafari, ucAndroid]);
  assert.equal(r.status, 0, r.stderr);
  const [a, b] = lines(r.stdout);
  assert.deepEqual([a.mode, a.rule, a.likelihood], ['reflection', 'intl/ios-safari', 1]);
  assert.deepEqual([b.mode, b.rule, b.likelihood], ['video', 'intl/android-qq-uc', 0]);
  assert.equal(a.userAgent, iosSafari);
  assert.equal(a.environment.os, 'iOS');
});

test('classify: one user agent per line on stdin; a blank line is a line of its own', () => {
  const r = run(['classify'], `${iosSafari}\n\n${ucAndroid}\r\n`);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(
    lines(r.stdout).map((l) => [l.userAgent, l.mode]),
    [
      [iosSafari, 'reflection'],
      ['', 'undetermined'],
      [ucAndroid, 'video'],
    ],
  );
});

test('classify --profile mainland follows the mainland table', () => {
  const r = run(['classify', '--profile', 'mainland', '--no-environment', ucAndroid]);
  assert.equal(r.status, 0, r.stderr);
  const [line] = lines(r.stdout);
  assert.equal(line.rule, 'mainland/android-uc-baidu');
  assert.equal('environment' in line, false);
});

test('classify: a garbage line is a prediction, not an error', () => {
  const r = run(['classify'], '\u0001\u0002 not a browser \uFFFF\n');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(lines(r.stdout)[0].mode, 'undetermined');
});

test('usage errors exit 2 with the help text on stderr', () => {
  for (const args of [['classify', '--profile', 'mars', 'x'], ['classify', '--bogus'], ['frobnicate'], []]) {
    const r = run(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr + r.stdout, /Usage: faceid-preflight/);
  }
});

test("parseArgs's complaints are said in the command's words, with the option named", () => {
  const cases = [
    [['classify', '--bogus'], 'unknown option --bogus (an argument that starts with "-" but is not an option goes after "--")'],
    [['sandbox', '--bogus'], 'unknown option --bogus (an argument that starts with "-" but is not an option goes after "--")'],
    [['coverage', '--top', '-1', 'x'], '--top needs a value (one that starts with "-" is written --top=-…)'],
    [['coverage', '--profile'], '--profile needs a value (one that starts with "-" is written --profile=-…)'],
    [['coverage', '-n', '-1', 'x'], '-n needs a value (one that starts with "-" is written --top=-…)'],
    [['coverage', '--json=3', 'x'], '--json takes no value'],
  ];
  for (const [args, message] of cases) {
    const r = run(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stderr.split('\n')[0], `faceid-preflight: ${message}`);
  }
});

test('--help and --version exit 0', () => {
  const help = run(['classify', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--profile <intl\|mainland>/);
  const version = run(['--version']);
  assert.equal(version.status, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+/);
});

test('a closed pipe is success; an output that cannot be written (a full disk) is one line on stderr, exit 1', (t) => {
  const head = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" classify "${iosSafari}" "${ucAndroid}" | head -c 1`], {
    encoding: 'utf8',
  });
  assert.equal(head.status, 0, head.stderr);
  if (!existsSync('/dev/full')) return t.skip('no /dev/full on this system');
  const full = openSync('/dev/full', 'w');
  try {
    for (const args of [
      ['classify', iosSafari],
      ['coverage', '-'],
    ]) {
      const r = spawnSync(process.execPath, [bin, ...args], { input: `${iosSafari}\n`, stdio: ['pipe', full, 'pipe'], encoding: 'utf8' });
      assert.equal(r.status, 1, args[0]);
      assert.equal(r.stderr, 'faceid-preflight: could not write the output: ENOSPC\n', args[0]);
    }
  } finally {
    closeSync(full);
  }
});
