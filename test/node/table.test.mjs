// The compatibility tables are data; these are the named checks over them, each shown to pass on the
// shipped tables and to fail on a table built to break it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findRule, parseUserAgent, predictFromUserAgent, profiles, runTableChecks, tableChecks, unreachedRules } from 'faceid-preflight/core';

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
      assert.ok(['intl', 'mainland', 'fact'].includes(file), rule.id);
    }
  });
}

const check = (name) => tableChecks.find((c) => c.name === name);
const base = profiles.intl.rules[2]; // a real row to derive broken ones from
const broken = (rules) => ({ ...profiles.intl, rules });

test('unique-ids fails on a duplicate id and on a malformed id', () => {
  const problems = check('unique-ids').check(broken([base, { ...base }, { ...base, id: 'Intl Safari' }]));
  assert.deepEqual(problems.map((p) => p.message), ['duplicate id', 'id must be <file>/<kebab-slug>', 'a row of intl must live in intl.ts']);
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

test('sourced-and-explained fails on a rule without source text', () => {
  assert.equal(check('sourced-and-explained').check(broken([{ ...base, source: { doc: 'x', text: ' ' } }])).length, 1);
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
