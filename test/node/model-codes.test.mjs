// The model-code data: each verified example belongs to exactly one family, of the right maker, in
// any letter case, and every pattern stays linear-time (anchored, no quantified group that contains
// a quantifier). Patterns are written in capitals and matched against the uppercased token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { modelCodeFamilies } from '../../dist/core/environment/model-codes.js';
import { makerFromModelCode } from '../../dist/core/environment/makers.js';
import { parseUserAgent } from 'faceid-preflight/core';

const examples = JSON.parse(readFileSync(new URL('../fixtures/model-codes.json', import.meta.url), 'utf8'));

test('there are verified examples for every maker the data names', () => {
  const makers = new Set(modelCodeFamilies.map((f) => f.maker));
  for (const maker of makers)
    assert.ok(
      examples.some((e) => e.maker === maker),
      `no example for ${maker}`,
    );
});

for (const { model, maker, why } of examples) {
  test(`${model} → ${maker}`, () => {
    const claimed = modelCodeFamilies.filter((f) => f.pattern.test(model.toUpperCase()));
    assert.deepEqual(
      claimed.map((f) => f.maker),
      [maker],
      `${model} (${why})`,
    );
    for (const spelling of [model, model.toLowerCase(), model.toUpperCase()]) assert.equal(makerFromModelCode(spelling), maker, spelling);
  });
}

test('post-split Honor stays Honor and pre-split Honor stays Huawei inside a real UA, whatever ua-parser-js says', () => {
  const ua = (model) =>
    `Mozilla/5.0 (Linux; Android 12; ${model}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36`;
  assert.equal(parseUserAgent(ua('ANY-AN00')).vendor, 'Honor');
  assert.equal(parseUserAgent(ua('BKL-L04')).vendor, 'Huawei');
  assert.equal(parseUserAgent(ua('ELE-L29')).vendor, 'Huawei');
});

test('every pattern is anchored, in capitals (for the uppercased token) and free of nested quantifiers', () => {
  for (const { pattern, maker } of modelCodeFamilies) {
    assert.ok(pattern.source.startsWith('^') && pattern.source.endsWith('$'), `${maker}: ${pattern}`);
    assert.equal(pattern.flags, '', `${maker}: ${pattern}`);
    // No lower-case letter outside an escape (\d, \s, \w…): it could never match an uppercased token.
    assert.doesNotMatch(pattern.source.replace(/\\./g, ''), /[a-z]/, `${maker}: ${pattern}`);
    // A group that contains a quantifier and is itself quantified: the shape of catastrophic backtracking.
    assert.doesNotMatch(pattern.source, /\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)[*+{?]/, `${maker}: ${pattern}`);
  }
});

test('the nested-quantifier lint itself catches the classic shape', () => {
  assert.match('^(?:a+)+$', /\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)[*+{?]/);
});
