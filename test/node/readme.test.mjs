// Every code block of README.md is checked (after `npm run build`): what checks which language is in
// test/harness/readme/checkers.mjs. The type-checked blocks form one throwaway app that has this
// checkout installed as `node_modules/faceid-preflight`, checked by one vue-tsc run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractBlocks, sourceFiles, strayMarks } from '../harness/readme/blocks.mjs';
import { checkCdnUrl } from '../harness/readme/cdn.mjs';
import { checkers } from '../harness/readme/checkers.mjs';
import { loadHtmlParser } from '../harness/readme/html.mjs';
import { pkg, root } from '../harness/readme/package.mjs';

const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const blocks = extractBlocks(readme);
const checked = blocks.filter((b) => !b.skip);

let app;
/** file name in the app → { block, readmeLine } */
const files = new Map();
/** block index → type-check diagnostics */
const diagnostics = new Map();

before(async () => {
  await loadHtmlParser();
  mkdirSync(path.join(root, 'test-artifacts'), { recursive: true });
  app = mkdtempSync(path.join(root, 'test-artifacts', 'readme-app-'));
  mkdirSync(path.join(app, 'node_modules'));
  symlinkSync(root, path.join(app, 'node_modules', 'faceid-preflight'), 'dir');
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'readme-app', private: true, type: 'module' }));
  for (const block of checked) {
    for (const f of sourceFiles(block)) {
      assert.ok(!files.has(f.name), `two README blocks are both ${f.name}`);
      assert.ok(!path.isAbsolute(f.name) && !f.name.split('/').includes('..'), `file=${f.name} must stay inside the app`);
      files.set(f.name, { block, readmeLine: f.readmeLine });
      mkdirSync(path.dirname(path.join(app, f.name)), { recursive: true }); // file=app/api/route.ts
      writeFileSync(path.join(app, f.name), f.text);
    }
  }
  // What an app that installed the package would use: NodeNext resolution (the `exports` map, as
  // Node and TypeScript's node16/nodenext/bundler read it), the DOM and Node, React's JSX, and the
  // strictest optional-property check an app may turn on (an `undefined` where `?:` allows none).
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: ['node'],
      jsx: 'react-jsx',
      strict: true,
      exactOptionalPropertyTypes: true,
      allowJs: true,
      checkJs: true,
      noEmit: true,
      skipLibCheck: true,
      moduleDetection: 'force',
    },
    include: [...files.keys()],
  };
  writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  if (files.size === 0) return;
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vue-tsc/bin/vue-tsc.js'), '-p', app, '--pretty', 'false'], {
    cwd: app,
    encoding: 'utf8',
    timeout: 240_000,
  });
  const out = `${r.stdout}${r.stderr}`;
  for (const m of out.matchAll(/^(.+?)\((\d+),(\d+)\): error (TS\d+: .*)$/gm)) {
    const name = path.relative(app, path.resolve(app, m[1]));
    const where = files.get(name);
    const key = where?.block.index ?? 0;
    const line = where ? `README.md:${where.readmeLine + Number(m[2]) - 1}` : name;
    diagnostics.set(key, [...(diagnostics.get(key) ?? []), `${line}: ${m[4]}`]);
  }
  // A run that failed without a diagnostic (a crash, a bad config) must not pass.
  if (r.status !== 0 && diagnostics.size === 0)
    diagnostics.set(0, [`vue-tsc exited ${r.status ?? r.signal}: ${out.trim().slice(0, 2000)}`]);
});

after(() => app && rmSync(app, { recursive: true, force: true }));

test('the README has code blocks, and every skipped one says why', () => {
  assert.ok(blocks.length >= 10);
  const skipped = blocks.filter((b) => b.skip);
  for (const b of skipped) assert.ok(b.skip.trim().length >= 5, `README.md:${b.line} needs a reason to skip`);
  assert.deepEqual(strayMarks(readme), [], 'a readme-check mark with no code block after it');
  const byLang = {};
  for (const b of checked) byLang[b.lang] = (byLang[b.lang] ?? 0) + 1;
  console.log(
    `README: ${blocks.length} code blocks, ${checked.length} checked (${Object.entries(byLang)
      .map(([l, n]) => `${l} ${n}`)
      .join(', ')}), ${skipped.length} skipped${skipped.map((b) => `\n  skipped README.md:${b.line} (${b.tag}): ${b.skip}`).join('')}`,
  );
});

test('the type check ran on every type-checked block and found nothing outside them', () => {
  assert.deepEqual(diagnostics.get(0) ?? [], []);
});

for (const block of checked) {
  test(`README.md:${block.line} ${block.tag || '(no language)'} block`, async () => {
    const check = checkers[block.lang];
    assert.ok(
      check,
      `no checker for "${block.tag}" blocks: add one to test/harness/readme/checkers.mjs or mark the block <!-- readme-check: skip (why) -->`,
    );
    assert.deepEqual([...(await check(block)), ...(diagnostics.get(block.index) ?? [])], []);
  });
}

test('every CDN URL of this package in the README is pinned to this version and names a built file', () => {
  const urls = [...readme.matchAll(/https:\/\/(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/[^\s"'`)<>]+/g)].map((m) => m[0]);
  assert.ok(urls.length > 0);
  assert.deepEqual(
    urls.flatMap((u) => checkCdnUrl(u, undefined)),
    [],
  );
});

test("the Install section's table lists every entry of package.json's exports, and no other", () => {
  const install = readme.slice(readme.indexOf('## Install'), readme.indexOf('\n## ', readme.indexOf('## Install') + 1));
  const rows = new Set([...install.matchAll(/^\| `(faceid-preflight(?:\/[^`]*)?)` \|/gm)].map((m) => m[1]));
  const exported = Object.keys(pkg.exports)
    .filter((k) => k !== './package.json')
    .map((k) => (k === '.' ? pkg.name : `${pkg.name}/${k.slice(2)}`));
  assert.deepEqual([...rows].sort(), exported.sort());
});
