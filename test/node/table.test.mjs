// The compatibility tables are data; these are the named checks over them, each shown to pass on the
// shipped tables and to fail on a table built to break it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  findRule,
  parseUserAgent,
  predictFromUserAgent,
  profileIds,
  profiles,
  ruleSources,
  runTableChecks,
  sourceOf,
  tableChecks,
  unreachedRules,
} from 'faceid-preflight/core';

const load = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const corpus = [...load('user-agents.json'), ...load('extra-user-agents.json')];

for (const profile of Object.values(profiles)) {
  for (const check of tableChecks) {
    test(`${profile.id}: ${check.name} — ${check.description}`, () => {
      assert.deepEqual(check.check(profile), []);
    });
  }

  test(`${profile.id}: every rule is reached by some fixture`, () => {
    const environments = corpus.map((f) => parseUserAgent(f.ua, { clientHints: f.clientHints, maxTouchPoints: f.maxTouchPoints }));
    assert.deepEqual(unreachedRules(profile, environments), []);
  });

  test(`${profile.id}: every rule id resolves to its record in one hop`, () => {
    for (const rule of profile.rules) {
      assert.equal(findRule(rule.id), rule);
      const file = rule.id.split('/')[0];
      assert.ok([...profileIds, 'fact'].includes(file), rule.id);
    }
  });
}

const check = (name) => tableChecks.find((c) => c.name === name);
const base = profiles.intl.rules[2]; // a real row to derive broken ones from
const broken = (rules) => ({ ...profiles.intl, rules });

test('unique-ids fails on a duplicate id and on a malformed id', () => {
  const problems = check('unique-ids').check(broken([base, { ...base }, { ...base, id: 'Intl Safari' }]));
  assert.deepEqual(
    problems.map((p) => p.message),
    ['duplicate id', 'id must be <file>/<kebab-slug>', 'a row of intl must live in intl.ts'],
  );
});

test('versions-well-formed fails on "11.x" and on "11..2"', () => {
  const problems = check('versions-well-formed').check(broken([{ ...base, minimum: { osVersion: '11.x', browserVersion: '11..2' } }]));
  assert.equal(problems.length, 2);
});

test('no-shadowing fails when an earlier rule matches everything a later one does', () => {
  const wide = { ...base, id: 'intl/wide', match: { os: ['iOS'] } };
  const problems = check('no-shadowing').check(broken([wide, base]));
  assert.deepEqual(problems, [{ check: 'no-shadowing', rule: base.id, message: 'shadowed by the earlier rule intl/wide' }]);
});

test('catch-all-last fails when the last rule is narrow', () => {
  assert.equal(check('catch-all-last').check(broken([base])).length, 1);
});

test('likelihood-fits-verdict fails on a video rule with a positive likelihood', () => {
  assert.equal(check('likelihood-fits-verdict').check(broken([{ ...base, verdict: 'video', likelihood: 0.4 }])).length, 1);
});

test('sourced-and-explained fails on a rule whose id has no source and no words', () => {
  const problems = check('sourced-and-explained').check(broken([base, { ...base, id: 'intl/unsourced' }]));
  assert.deepEqual(problems, [
    { check: 'sourced-and-explained', rule: 'intl/unsourced', message: 'missing source doc, source text or words' },
  ]);
});

test('browser-minimum-names-browsers fails on a browser minimum without a browser match', () => {
  const problems = check('browser-minimum-names-browsers').check(broken([{ ...base, match: { os: ['iOS'] } }]));
  assert.deepEqual(
    problems.map((p) => p.rule),
    [base.id],
  );
});

test("rows-stand-alone fails on a mainland row spread from an intl row (it shares the intl row's match)", () => {
  const spread = { ...base, id: 'mainland/ios-safari-copy' };
  const problems = check('rows-stand-alone').check({ ...profiles.mainland, rules: [spread, ...profiles.mainland.rules] });
  assert.deepEqual(problems, [
    {
      check: 'rows-stand-alone',
      rule: 'mainland/ios-safari-copy',
      message: `shares its record or parts with ${base.id} of another profile`,
    },
  ]);
  // The same row written out as its own record passes, and shared facts are allowed by name.
  const own = { ...base, id: 'mainland/ios-safari-copy', match: { ...base.match }, minimum: { ...base.minimum } };
  assert.deepEqual(check('rows-stand-alone').check({ ...profiles.mainland, rules: [own, ...profiles.mainland.rules] }), []);
  assert.ok(profiles.mainland.rules.some((r) => r.id.startsWith('fact/') && profiles.intl.rules.includes(r)));
});

test('every rule id has its verbatim source one hop away, in the sources module', () => {
  for (const profile of Object.values(profiles)) {
    for (const rule of profile.rules) {
      assert.equal(sourceOf(rule.id), ruleSources[rule.id], rule.id);
      assert.ok(ruleSources[rule.id].text.trim() && ruleSources[rule.id].doc.trim(), rule.id);
      assert.ok(!('source' in rule) && !('reason' in rule), `${rule.id}: the record carries no text`);
    }
  }
  assert.equal(sourceOf('intl/nope'), undefined);
  assert.equal(sourceOf('__proto__'), undefined);
});

test('the built-in-browser condition covers only rules that require it (no-shadowing sees it)', () => {
  const anyVendorBrowser = { ...base, id: 'intl/any-vendor-browser', match: { os: ['Android'], browser: ['huawei-browser'] } };
  const builtIn = { ...base, id: 'intl/built-in', match: { os: ['Android'], browser: ['huawei-browser'], builtInBrowser: true } };
  assert.equal(check('no-shadowing').check(broken([anyVendorBrowser, builtIn])).length, 1);
  assert.deepEqual(check('no-shadowing').check(broken([builtIn, anyVendorBrowser])), []);
});

test('runTableChecks reports nothing for the shipped profiles', () => {
  for (const profile of Object.values(profiles)) assert.deepEqual(runTableChecks(profile), []);
});

test('a prediction names a rule that exists', () => {
  for (const f of corpus) {
    const p = predictFromUserAgent(f.ua, { profile: f.profile });
    assert.ok(findRule(p.rule), `${p.rule} for ${f.ua}`);
  }
});
