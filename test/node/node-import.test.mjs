// `faceid-preflight/core` is the Node-safe engine: it loads without a DOM and touches no global.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('the core entry imports in Node, where there is no window or document', async () => {
  assert.equal(typeof globalThis.window, 'undefined');
  assert.equal(typeof globalThis.document, 'undefined');
  const before = new Set(Object.getOwnPropertyNames(globalThis));
  const core = await import('faceid-preflight/core');
  assert.equal(typeof core.predictFromUserAgent, 'function');
  const added = Object.getOwnPropertyNames(globalThis).filter((name) => !before.has(name));
  assert.deepEqual(added, []);
});

test('the prediction has the documented shape', async () => {
  const { predictFromUserAgent } = await import('faceid-preflight/core');
  const p = predictFromUserAgent(
    'Mozilla/5.0 (Linux; Android 9; NX629J) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/80.0.3987.87 Mobile Safari/537.36',
  );
  assert.deepEqual(Object.keys(p).sort(), ['environment', 'likelihood', 'mode', 'profile', 'reasonCodes', 'reasons', 'rule']);
  assert.equal(p.mode, 'reflection');
  assert.equal(p.environment.vendor, 'Nubia');
});
