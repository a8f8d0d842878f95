// Reasons are codes with parameters; their words are data (src/i18n/reasons/en.ts is the source
// every language satisfies). The engine gives both, one for one; users' reasons carry no probe
// diagnostics, which stay English for developers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  browserFamilies,
  describeReason,
  englishReasonWords,
  finalMode,
  makerBrowsers,
  makers,
  operatingSystems,
  predictFromUserAgent,
  profiles,
  reasonCodes,
  reflectionProbes,
} from 'faceid-preflight/core';

/** One reason of every code, with parameters the engine can produce. */
const oneOfEach = {
  rule: { code: 'rule', rule: 'intl/ios-safari' },
  'below-minimum': { code: 'below-minimum', field: 'browserVersion', os: 'iOS', browser: 'wechat', minimum: '6.5', actual: '6.3' },
  'version-hidden': { code: 'version-hidden', field: 'osVersion', os: 'Android', browser: 'chrome-android', minimum: '7' },
  'possible-ipad': { code: 'possible-ipad' },
  'ipados-by-touch': { code: 'ipados-by-touch' },
  'reduced-ua': { code: 'reduced-ua' },
  'client-hints': { code: 'client-hints' },
  'frozen-ios-version': { code: 'frozen-ios-version', osVersion: '26.1' },
  'truncated-ua': { code: 'truncated-ua' },
  'not-makers-phone': { code: 'not-makers-phone', browser: 'huawei-browser', maker: 'Honor' },
  'maker-hidden-for-browser': { code: 'maker-hidden-for-browser', browser: 'samsung-browser' },
  'disguised-browser': { code: 'disguised-browser' },
  'probe-failed': { code: 'probe-failed', probe: 'h264' },
  'probes-settled': { code: 'probes-settled' },
  'probe-unanswered': { code: 'probe-unanswered', probe: 'h264' },
  'probe-unknown': { code: 'probe-unknown', probe: 'cameraPolicy' },
};

test('every reason code renders to an English sentence, parameters filled in', () => {
  assert.deepEqual(Object.keys(oneOfEach), [...reasonCodes]);
  const said = Object.fromEntries(Object.entries(oneOfEach).map(([code, reason]) => [code, describeReason(reason)]));
  for (const [code, sentence] of Object.entries(said)) {
    assert.match(sentence, /^[A-Z].*[.)]$/, `${code}: ${sentence}`);
    assert.doesNotMatch(sentence, /undefined|\[object|\$\{/, code);
  }
  assert.equal(said['below-minimum'], 'WeChat 6.5 or later is required; this is WeChat 6.3.');
  assert.equal(said['version-hidden'], 'Android 7 or later is required, and this user agent does not show its version.');
  assert.equal(
    said['not-makers-phone'],
    "Huawei Browser counts as a built-in browser only on its own maker's phones; this phone is made by Honor.",
  );
  assert.equal(
    said['frozen-ios-version'],
    "Safari freezes the iOS version in its user agent; iOS 26.1 was read from Safari's own version.",
  );
  assert.equal(said.rule, 'Safari on iOS 11.1.2 or later supports reflection mode.');
});

test("describeReason takes another language's words", () => {
  const words = { ...englishReasonWords, reasons: { ...englishReasonWords.reasons } };
  words.rules = { ...englishReasonWords.rules, 'intl/ios-safari': 'iOS 11.1.2 及以上的 Safari 支持反光模式。' };
  words.reasons['below-minimum'] = (what, minimum, actual) => `需要 ${what} ${minimum} 或更高版本；当前为 ${what} ${actual}。`;
  words.osNames = { ...englishReasonWords.osNames, other: '系统' };
  assert.equal(describeReason(oneOfEach.rule, words), 'iOS 11.1.2 及以上的 Safari 支持反光模式。');
  assert.equal(
    describeReason({ code: 'below-minimum', field: 'osVersion', os: 'other', browser: 'other', minimum: '7', actual: '6' }, words),
    '需要 系统 7 或更高版本；当前为 系统 6。',
  );
});

test('the English words name every rule, OS, browser family and maker — and nothing else', () => {
  const ruleIds = new Set(['fact/no-user-agent', ...Object.values(profiles).flatMap((p) => p.rules.map((r) => r.id))]);
  assert.deepEqual(new Set(Object.keys(englishReasonWords.rules)), ruleIds);
  assert.deepEqual(Object.keys(englishReasonWords.osNames), [...operatingSystems]);
  // Browsers: those a rule puts a browser-version minimum on, and the makers' own browsers.
  const versioned = Object.values(profiles).flatMap((p) =>
    p.rules.filter((r) => r.minimum?.browserVersion).flatMap((r) => r.match.browser),
  );
  assert.deepEqual(new Set(Object.keys(englishReasonWords.browserNames)), new Set([...versioned, ...makerBrowsers]));
  assert.ok(Object.keys(englishReasonWords.browserNames).every((b) => browserFamilies.includes(b)));
  assert.deepEqual(Object.keys(englishReasonWords.makerNames), [...makers]);
  assert.deepEqual(Object.keys(englishReasonWords.reasons['probe-failed']), [...reflectionProbes]);
  assert.deepEqual(Object.keys(englishReasonWords.reasons['probe-unknown']), [...reflectionProbes]);
});

/** A probe report where every reflection probe has the given status. */
const report = (status, overrides = {}) => ({
  ...Object.fromEntries(reflectionProbes.map((name) => [name, { status, detail: `${name} detail` }])),
  mediaRecorder: { status: 'pass', detail: 'ok', types: ['video/webm'] },
  cameraPermission: { status: 'unknown', detail: 'n/a', state: null },
  clientHints: null,
  maxTouchPoints: 0,
  ...overrides,
});

test('final mode: users read codes and their English; the probe evidence goes to diagnostics only', () => {
  const desktop = predictFromUserAgent(
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  );
  const passed = finalMode(desktop, report('pass'));
  assert.equal(passed.mode, 'reflection');
  assert.deepEqual(passed.reasonCodes, [{ code: 'probes-settled' }, { code: 'rule', rule: 'fact/desktop' }]);
  assert.deepEqual(
    passed.reasons,
    passed.reasonCodes.map((r) => describeReason(r)),
  );
  assert.deepEqual(
    passed.diagnostics,
    reflectionProbes.map((name) => `${name}: pass — ${name} detail`),
  );

  const noH264 = finalMode(desktop, report('pass', { h264: { status: 'fail', detail: 'no H.264 sender' } }));
  assert.equal(noH264.mode, 'video');
  assert.equal(noH264.failedProbe, 'h264');
  assert.deepEqual(noH264.reasonCodes, [
    { code: 'probe-failed', probe: 'h264' },
    { code: 'rule', rule: 'fact/desktop' },
  ]);
  assert.ok(noH264.diagnostics.includes('h264: fail — no H.264 sender'));
  for (const final of [passed, noH264]) {
    assert.ok(
      final.reasons.every((r) => !/: (?:pass|fail|unknown) — /.test(r)),
      final.reasons.join(' / '),
    );
  }

  const oldSafari = predictFromUserAgent(
    'Mozilla/5.0 (iPhone; CPU iPhone OS 11_1_1 like Mac OS X) AppleWebKit/604.3.5 (KHTML, like Gecko) Version/11.0 Mobile/15B150 Safari/604.1',
  );
  const video = finalMode(oldSafari, report('pass'));
  assert.equal(video.mode, 'video');
  assert.deepEqual(video.reasonCodes, oldSafari.reasonCodes);
});

test('final mode: a probe that did not answer is the first reason of a reflection verdict, and "every check passed" is not claimed', () => {
  const desktop = predictFromUserAgent(
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  );
  const h264Silent = report('pass', { h264: { status: 'unknown', detail: 'no answer within 3000 ms' }, unanswered: ['h264'] });
  const silent = finalMode(desktop, h264Silent);
  assert.equal(silent.mode, 'reflection');
  assert.equal(silent.likelihood, desktop.likelihood);
  assert.deepEqual(silent.reasonCodes, [
    { code: 'probe-unanswered', probe: 'h264' },
    { code: 'rule', rule: 'fact/desktop' },
  ]);
  assert.match(silent.reasons[0], /did not answer in time/);

  // Client Hints missing: every reflection check still passed, so that is still said, after it.
  const hintsSilent = finalMode(desktop, report('pass', { unanswered: ['cameraPermission', 'clientHints'] }));
  assert.deepEqual(hintsSilent.reasonCodes, [
    { code: 'probe-unanswered', probe: 'clientHints' },
    { code: 'probes-settled' },
    { code: 'rule', rule: 'fact/desktop' },
  ]);

  // A verdict of video did not depend on the silent probe.
  const failed = finalMode(desktop, report('pass', { peerConnection: { status: 'fail', detail: 'none' }, unanswered: ['h264'] }));
  assert.deepEqual(failed.reasonCodes, [
    { code: 'probe-failed', probe: 'peerConnection' },
    { code: 'rule', rule: 'fact/desktop' },
  ]);
});

test('final mode: a probe the browser could not answer is named, and "every check passed" is not claimed', () => {
  const desktop = predictFromUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0');
  assert.equal(desktop.mode, 'undetermined');
  // Firefox and Safari have no permissions-policy API: the camera policy check is always unknown there.
  const noPolicyApi = report('pass', { cameraPolicy: { status: 'unknown', detail: 'this browser cannot report the permissions policy' } });
  const final = finalMode(desktop, noPolicyApi);
  assert.equal(final.mode, 'reflection');
  assert.deepEqual(final.reasonCodes, [
    { code: 'probe-unknown', probe: 'cameraPolicy' },
    { code: 'rule', rule: 'fact/desktop' },
  ]);
  assert.match(
    final.reasons[0],
    /cannot report whether the page's permissions policy allows the camera; that does not rule reflection mode out/,
  );
  assert.ok(final.reasonCodes.every((r) => r.code !== 'probes-settled'));

  // Two that could not say, one of them also silent: the silent one keeps its own reason, once.
  const two = finalMode(
    desktop,
    report('pass', {
      cameraPolicy: { status: 'unknown', detail: 'n/a' },
      h264: { status: 'unknown', detail: 'no answer within 3000 ms' },
      unanswered: ['h264'],
    }),
  );
  assert.deepEqual(two.reasonCodes, [
    { code: 'probe-unanswered', probe: 'h264' },
    { code: 'probe-unknown', probe: 'cameraPolicy' },
    { code: 'rule', rule: 'fact/desktop' },
  ]);

  // Where the table decided, the probes' unknowns are not the story: nothing is added.
  const safari = predictFromUserAgent(
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  );
  assert.deepEqual(finalMode(safari, noPolicyApi).reasonCodes, safari.reasonCodes);
});
