// The messages: Tencent's three English messages verbatim, every language complete, and a missing
// key caught by the compiler rather than by a user.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import en from '../../dist/i18n/en.js';
import zhCN from '../../dist/i18n/zh-cn.js';
import zhTW from '../../dist/i18n/zh-tw.js';
import th from '../../dist/i18n/th.js';
import id from '../../dist/i18n/id.js';
import { cameraMessageKeys } from '../../dist/i18n/keys.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

test("the three camera messages are Tencent's English, verbatim", () => {
  assert.equal(
    en[cameraMessageKeys['camera-busy']],
    'Unable to access your camera/mic. Please make sure that there is no other app requesting access to them and try again.',
  );
  assert.equal(
    en[cameraMessageKeys['camera-denied']],
    'Mic and camera permissions of your device are required during the whole verification. Please clear your browser cache and try again.',
  );
  assert.equal(en[cameraMessageKeys['camera-unavailable']], 'Please check whether the camera/mic can be accessed normally and try again');
});

for (const pack of [zhCN, zhTW, th, id]) {
  test(`${pack.$name}: every key of English, same kind, translated`, () => {
    assert.deepEqual(Object.keys(pack).sort(), Object.keys(en).sort());
    for (const [key, value] of Object.entries(en)) {
      assert.equal(typeof pack[key], typeof value, key);
      if (key === 'reasonWords') continue; // its own test below
      if (typeof value === 'function') assert.equal(pack[key].length, value.length, key);
      const sample = typeof value === 'function' ? pack[key]('<app>') : pack[key];
      assert.ok(sample.trim().length > 0, key);
      if (typeof value === 'function') assert.ok(sample.includes('<app>'), `${key} must name the app`);
    }
    // The camera messages are really translated, not left in English.
    for (const key of Object.values(cameraMessageKeys)) assert.notEqual(pack[key], en[key], key);
  });
}

/** Every leaf of a words object, as [path, value]. */
const leaves = (words, at = []) =>
  Object.entries(words).flatMap(([k, v]) => (v && typeof v === 'object' ? leaves(v, [...at, k]) : [[[...at, k].join(' › '), v]]));

for (const pack of [zhCN, zhTW, th, id]) {
  test(`${pack.$name}: every reason and rule in its own words`, () => {
    const ours = new Map(leaves(pack.reasonWords));
    const english = leaves(en.reasonWords);
    assert.deepEqual([...ours.keys()].sort(), english.map(([k]) => k).sort());
    for (const [key, value] of english) {
      const mine = ours.get(key);
      assert.equal(typeof mine, typeof value, key);
      if (typeof value === 'function') {
        assert.equal(mine.length, value.length, key);
        const args = Array.from({ length: value.length }, (_, i) => `<${i}>`);
        const text = mine(...args);
        for (const arg of args) assert.ok(text.includes(arg), `${key} must use ${arg}`);
        assert.notEqual(text, value(...args), `${key} is English`);
      } else if (!/^(osNames|browserNames|makerNames) › /.test(key)) {
        // Sentences are translated; names may stay the brand's own (Safari, OPPO).
        assert.notEqual(mine, value, `${key} is English`);
      }
    }
  });
}

test('a language file that misses a key does not compile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'faceid-i18n-'));
  try {
    const file = path.join(dir, 'xx.ts');
    const { cameraBusy, reasonWords, ...rest } = zhCN; // a pack without one key
    void reasonWords; // (imported from its module in the file below)
    const body = Object.entries(rest)
      .map(([k, v]) => `  ${JSON.stringify(k)}: ${typeof v === 'function' ? '(app: string) => app' : JSON.stringify(v)},`)
      .join('\n');
    const words = path.join(root, 'src/i18n/reasons/zh-cn.js');
    writeFileSync(
      file,
      `import type { LanguagePack } from '${path.join(root, 'src/i18n/en.js')}';\nimport reasonWords from '${words}';\nconst xx: LanguagePack = {\n${body}\n  reasonWords,\n};\nexport default xx;\n`,
    );
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    const r = spawnSync(
      process.execPath,
      [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', file],
      { encoding: 'utf8', cwd: root },
    );
    assert.notEqual(r.status, 0, 'tsc accepted a pack without cameraBusy');
    assert.match(r.stdout, /cameraBusy/);
    void cameraBusy;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
