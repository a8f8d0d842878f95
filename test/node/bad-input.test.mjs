// Bad input never throws and never hangs: it gets `undetermined` and a reason — the rule that says
// there is no user agent, or, for a string the table cannot place, a rule that leaves it open.
// (How long the worst input takes is measured by `npm run bench`, not asserted here.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeReason, predictFromUserAgent } from 'faceid-preflight/core';

// Each input with the rule that must decide it: no user agent at all, or a string the table cannot
// place (another platform, a desktop-shaped one, an Android UA whose version is not one).
const hostile = {
  undefined: [undefined, 'fact/no-user-agent'],
  null: [null, 'fact/no-user-agent'],
  'a number': [42, 'fact/no-user-agent'],
  'an object': [{ userAgent: 'Mozilla/5.0' }, 'fact/no-user-agent'],
  'an array': [['Mozilla/5.0'], 'fact/no-user-agent'],
  'a symbol': [Symbol('ua'), 'fact/no-user-agent'],
  'an empty string': ['', 'fact/no-user-agent'],
  whitespace: [' \t\r\n ', 'fact/no-user-agent'],
  'a 1 MB string': ['Mozilla/5.0 (' + 'a'.repeat(1024 * 1024), 'fact/other-platform'],
  'binary garbage': [String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 65536)), 'fact/other-platform'],
  NULs: ['\u0000'.repeat(10000), 'fact/other-platform'],
  'a long digit run': ['Mozilla/5.0 (Linux; Android ' + '1.'.repeat(50000) + ')', 'intl/android-other'],
  'repeated app tokens': ['MicroMessenger/'.repeat(20000), 'fact/other-platform'],
  'nested parentheses': ['('.repeat(50000) + ')'.repeat(50000), 'fact/other-platform'],
  'backtracking shape (semicolons)': ['Mozilla/5.0 (Linux; ' + '; '.repeat(100000) + 'wv', 'fact/desktop'],
  'backtracking shape (version)': ['MQQBrowser/' + '9.'.repeat(100000) + ' TBS', 'fact/other-platform'],
};

for (const [name, [input, rule]] of Object.entries(hostile)) {
  test(`${name} → undetermined by ${rule}, not an exception`, () => {
    const p = predictFromUserAgent(input);
    assert.equal(p.mode, 'undetermined');
    assert.equal(p.rule, rule);
    assert.equal(p.likelihood, 0.5);
    assert.ok(p.reasons.length > 0 && p.reasons.every((r) => typeof r === 'string' && r !== ''));
    assert.deepEqual(
      p.reasons,
      p.reasonCodes.map((r) => describeReason(r)),
    );
  });
}

test('no user agent at all is undetermined with its own rule', () => {
  for (const input of [undefined, null, 42, '', '   ']) {
    const p = predictFromUserAgent(input);
    assert.equal(p.mode, 'undetermined');
    assert.equal(p.rule, 'fact/no-user-agent');
  }
});

test('a 1 MB UA is read by its head and tail and says so', () => {
  const real = 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148';
  const p = predictFromUserAgent(`${real} ${'x'.repeat(1024 * 1024)} MicroMessenger/8.0.43(0x18002B2C)`);
  assert.equal(p.environment.flags.truncated, true);
  assert.equal(p.environment.browser, 'wechat');
  assert.equal(p.mode, 'reflection');
  assert.ok(p.reasons.some((r) => /unusually long/.test(r)));
  assert.deepEqual(p.reasonCodes.at(-1), { code: 'truncated-ua' });
});

test('options of the wrong type are ignored, not fatal', () => {
  const ua = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/117.0.0.0 Mobile Safari/537.36';
  for (const options of [
    null,
    7,
    { profile: 'mars' },
    { clientHints: 'x' },
    { clientHints: { model: 5, platformVersion: {} } },
    { clientHints: { fullVersionList: 'x' } },
  ]) {
    const p = predictFromUserAgent(ua, options);
    assert.equal(p.profile, 'intl');
    assert.equal(p.mode, 'undetermined');
  }
});

test('a profile getter is read once: one that changes its answer, or throws, leaves a usable profile', () => {
  const ua = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/117.0.0.0 Mobile Safari/537.36';
  let reads = 0;
  const fickle = {
    get profile() {
      reads++;
      return reads === 1 ? 'mainland' : 'mars';
    },
  };
  const p = predictFromUserAgent(ua, fickle);
  assert.equal(reads, 1);
  assert.equal(p.profile, 'mainland');
  const throwing = {
    get profile() {
      throw new Error('no');
    },
  };
  assert.equal(predictFromUserAgent(ua, throwing).profile, 'intl');
});
