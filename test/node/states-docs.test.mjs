// Each state is described once: its record in src/element/states.ts, its summary in
// src/element/state-docs.ts. The class JSDoc (hence custom-elements.json) and the README's state
// table restate them for their readers; these tests fail when either disagrees.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { stateRecords, actions, viewStates } = await import(path.join(root, 'dist/element/states.js'));
const { stateSummaries } = await import(path.join(root, 'dist/element/state-docs.js'));
const en = (await import(path.join(root, 'dist/i18n/en.js'))).default;

const button = (action) => (action ? `${en[actions[action].label]}${actions[action].does === null ? ' (disabled)' : ''}` : '—');
const expectedRows = Object.entries(stateRecords).map(
  ([state, r]) => `| \`${state}\` | ${stateSummaries[state]} | ${r.tone}${r.busy ? ', busy' : ''} | ${button(r.action)} |`,
);

test("the README's state table is the records, row for row", () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const header = '| state | what it means | tone | button |';
  const start = readme.indexOf(header);
  assert.ok(start >= 0, 'the README has the state table');
  const rows = readme
    .slice(start)
    .split('\n')
    .slice(2)
    .filter((line, i, all) => all.slice(0, i + 1).every((l) => l.startsWith('| `')));
  assert.deepEqual(rows, expectedRows);
});

test('the manifest has one state slot per record, documented with its summary', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'dist/custom-elements.json'), 'utf8'));
  const declaration = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'faceid-preflight');
  assert.ok(declaration, 'the manifest declares <faceid-preflight>');
  const slots = new Map(declaration.slots.map((s) => [s.name, s.description]));
  const stateSlots = [...slots.keys()].filter((name) => name.startsWith('state-'));
  assert.deepEqual(
    stateSlots,
    viewStates.map((s) => `state-${s}`),
  );
  for (const state of viewStates) assert.equal(slots.get(`state-${state}`), `Replaces the message: ${stateSummaries[state]}`, state);
  assert.deepEqual([...slots.keys()].filter((n) => !n.startsWith('state-')).sort(), ['', 'actions', 'intro']);
});

test('every action a state offers is labelled in English and does something or says it is disabled', () => {
  for (const [state, r] of Object.entries(stateRecords)) {
    if (!r.action) continue;
    assert.ok(actions[r.action], `${state}: unknown action ${r.action}`);
    assert.equal(typeof en[actions[r.action].label], 'string', `${state}: label`);
  }
});
