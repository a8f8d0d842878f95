// Every real user agent of the fixtures, through the engine exactly as a Node user calls it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describeReason, findRule, predictFromUserAgent } from 'faceid-preflight/core';

const load = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const shared = load('user-agents.json');
const extra = load('extra-user-agents.json');

/**
 * A fixture vendor may carry a parenthetical: "Huawei (Honor brand, pre-2020)" names the maker first;
 * "OPPO (group: OPPO/OnePlus/realme China P-codes)" says the code belongs to that group, any member of it.
 */
const makers = (vendor) => {
  if (vendor === null) return [null];
  const group = / \(group: ([^)]*)\)$/.exec(vendor);
  if (group) return group[1].split('/').map((member) => member.trim().split(' ')[0]);
  return [vendor.replace(/ \(.*\)$/, '')];
};
/** "" in a fixture means the UA does not carry the value. */
const orNull = (value) => (value === '' ? null : value);

function assertEnvironment(env, expected, ua) {
  const got = { os: env.os, osVersion: env.osVersion, browser: env.browser, browserVersion: env.browserVersion, vendor: env.vendor };
  const want = {};
  for (const key of Object.keys(expected)) {
    if (key !== 'vendor') want[key] = orNull(expected[key]);
    else {
      const accepted = makers(expected.vendor);
      // Compare as the one accepted maker that was found, so a miss prints the whole environment.
      want.vendor = accepted.includes(env.vendor) ? env.vendor : accepted.join(' or ');
    }
  }
  const gotSubset = Object.fromEntries(Object.keys(want).map((k) => [k, got[k]]));
  assert.deepEqual(gotSubset, want, `environment of ${ua}`);
}

/**
 * The intl rule each shared fixture's `row` names (the shared file gives rows of the table, not
 * our rule ids). Where a row covers two rules, the fixture's own expected environment says which:
 * a Chrome UA that hides the maker is the maker-hidden row; a reduced UA is Chrome's row when it is
 * Chrome, else another Android browser; WeCom is unlisted on both platforms. A row missing here fails.
 */
const ruleOfRow = {
  'android-vendor-builtin': () => 'intl/android-vendor-browser',
  'android-chrome': (e) => (e.vendor === null ? 'intl/android-chrome-maker-hidden' : 'intl/android-chrome'),
  'android-reduced-ua': (e) => (e.browser === 'chrome-android' ? 'intl/android-chrome-maker-hidden' : 'intl/android-other'),
  'android-huawei-chrome': () => 'fact/huawei-chromium',
  'android-qq-uc': () => 'intl/android-qq-uc',
  'android-wechat': () => 'intl/android-wechat',
  'android-other': () => 'intl/android-other',
  'ios-safari': () => 'intl/ios-safari',
  'ios-chrome': () => 'intl/ios-chrome',
  'ios-wechat': () => 'intl/ios-wechat',
  'ios-unlisted': () => 'fact/ios-unlisted',
  // A Mac UA without touch points is a desktop; the browser's maxTouchPoints settles the iPad.
  'ios-ambiguous-desktop': () => 'fact/desktop',
  wecom: (e) => (e.os === 'iOS' ? 'fact/ios-unlisted' : 'intl/android-other'),
  'harmonyos-next': () => 'fact/harmonyos-next',
  desktop: () => 'fact/desktop',
};

/** The English reasons are the codes' words, one for one. */
function assertReasonsMatchCodes(prediction) {
  assert.ok(prediction.reasons.length > 0 && prediction.reasons.every((r) => typeof r === 'string' && r.length > 0));
  assert.deepEqual(
    prediction.reasons,
    prediction.reasonCodes.map((r) => describeReason(r)),
  );
}

for (const [i, fixture] of shared.entries()) {
  test(`shared fixture ${i} (${fixture.row}): ${fixture.ua}`, () => {
    const prediction = predictFromUserAgent(fixture.ua);
    assert.ok(
      fixture.accept.includes(prediction.mode),
      `${fixture.ua}\n  → ${prediction.mode} by ${prediction.rule}; accepted: ${fixture.accept.join(', ')}\n  reasons: ${prediction.reasons.join(' / ')}`,
    );
    assert.ok(Object.hasOwn(ruleOfRow, fixture.row), `no rule for the row ${fixture.row}`);
    const rule = ruleOfRow[fixture.row](fixture.expected);
    assert.ok(findRule(rule), rule);
    assert.equal(prediction.rule, rule, `${fixture.ua}\n  reasons: ${prediction.reasons.join(' / ')}`);
    assertEnvironment(prediction.environment, fixture.expected, fixture.ua);
    assertReasonsMatchCodes(prediction);
  });
}

for (const [i, fixture] of extra.entries()) {
  test(`extra fixture ${i} [${fixture.profile}]: ${fixture.label}`, () => {
    const prediction = predictFromUserAgent(fixture.ua, {
      profile: fixture.profile,
      clientHints: fixture.clientHints,
      maxTouchPoints: fixture.maxTouchPoints,
    });
    assert.equal(prediction.mode, fixture.mode, `${fixture.ua}\n  reasons: ${prediction.reasons.join(' / ')}`);
    assert.equal(prediction.rule, fixture.rule, fixture.ua);
    assertReasonsMatchCodes(prediction);
    if ('likelihood' in fixture) assert.equal(prediction.likelihood, fixture.likelihood, fixture.ua);
    if (fixture.expected) assertEnvironment(prediction.environment, fixture.expected, fixture.ua);
  });
}

test('the likelihood the table documents is kept (80 % for a maker built-in browser)', () => {
  const heyTap = shared.find((f) => f.expected.browser === 'oppo-browser' && f.mode === 'reflection');
  const p = predictFromUserAgent(heyTap.ua);
  assert.equal(p.rule, 'intl/android-vendor-browser');
  assert.equal(p.likelihood, 0.8);
});

test('a version below the minimum is explained with both versions', () => {
  const p = predictFromUserAgent(
    'Mozilla/5.0 (iPhone; CPU iPhone OS 11_1_1 like Mac OS X) AppleWebKit/604.3.5 (KHTML, like Gecko) Version/11.0 Mobile/15B150 Safari/604.1',
  );
  assert.equal(p.mode, 'video');
  assert.equal(p.rule, 'intl/ios-safari');
  assert.deepEqual(p.unmet, { field: 'osVersion', minimum: '11.1.2', actual: '11.1.1' });
  assert.match(p.reasons[0], /iOS 11\.1\.2 or later is required; this is iOS 11\.1\.1/);
  assert.deepEqual(p.reasonCodes[0], {
    code: 'below-minimum',
    field: 'osVersion',
    os: 'iOS',
    browser: 'safari',
    minimum: '11.1.2',
    actual: '11.1.1',
  });
});

test('a hidden version is a code with the minimum and no actual value', () => {
  // Chrome 100 with the reduced UA: Android's version is a placeholder, and Chrome 100 still ran on Android 6.
  const p = predictFromUserAgent(
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/100.0.4896.127 Mobile Safari/537.36',
  );
  assert.equal(p.rule, 'intl/android-chrome-maker-hidden');
  assert.equal(p.mode, 'undetermined');
  assert.deepEqual(p.reasonCodes, [
    { code: 'version-hidden', field: 'osVersion', os: 'Android', browser: 'chrome-android', minimum: '7' },
    { code: 'rule', rule: 'intl/android-chrome-maker-hidden' },
    { code: 'reduced-ua' },
  ]);
  assert.equal(p.reasons[0], 'Android 7 or later is required, and this user agent does not show its version.');
});

test("a maker's browser on another maker's phone says whose phone it is; where the maker is hidden, says so", () => {
  const onSamsung = extra.find((f) => f.expected?.browser === 'oppo-browser' && f.expected.vendor === 'Samsung');
  assert.deepEqual(predictFromUserAgent(onSamsung.ua).reasonCodes, [
    { code: 'rule', rule: 'intl/android-other' },
    { code: 'not-makers-phone', browser: 'oppo-browser', maker: 'Samsung' },
  ]);
  const hidden = extra.find((f) => f.expected?.browser === 'samsung-browser' && f.expected.vendor === null);
  assert.deepEqual(predictFromUserAgent(hidden.ua).reasonCodes, [
    { code: 'rule', rule: 'intl/android-other' },
    { code: 'reduced-ua' },
    { code: 'maker-hidden-for-browser', browser: 'samsung-browser' },
  ]);
});

test('an iOS browser dressed as Safari is flagged and explained', () => {
  const ddg = extra.find((f) => f.ua.includes('Ddg/'));
  const p = predictFromUserAgent(ddg.ua);
  assert.equal(p.environment.flags.disguised, true);
  assert.deepEqual(p.reasonCodes, [{ code: 'rule', rule: 'fact/ios-unlisted' }, { code: 'disguised-browser' }]);
  const genuine = predictFromUserAgent(ddg.ua.replace(' Ddg/17.6', ''));
  assert.equal(genuine.rule, 'intl/ios-safari');
  assert.equal(genuine.environment.flags.disguised, false);
});

test('the mainland profile changes the outcome where its table differs', () => {
  const qqBrowser = shared.find((f) => f.expected.browser === 'qq-browser' && f.expected.os === 'Android');
  assert.equal(predictFromUserAgent(qqBrowser.ua).rule, 'intl/android-qq-uc');
  assert.equal(predictFromUserAgent(qqBrowser.ua).mode, 'video');
  const mainland = predictFromUserAgent(qqBrowser.ua, { profile: 'mainland' });
  assert.equal(mainland.rule, 'mainland/android-qq-browser');
  assert.equal(mainland.mode, 'reflection');
  const oldWeChat = shared.find((f) => f.expected.browser === 'wechat' && f.expected.osVersion === '6.0.1');
  assert.equal(predictFromUserAgent(oldWeChat.ua).mode, 'reflection');
  assert.equal(predictFromUserAgent(oldWeChat.ua, { profile: 'mainland' }).mode, 'video');
});
