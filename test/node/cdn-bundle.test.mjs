// The CDN build's shape (after `npm run build`): one self-contained entry file, English inside,
// every other language a JSON file whose SHA-384 the entry carries, and the same words as the
// language modules; the second stage a file that imports nothing either, pinned by the entry.
// (Their tampering behaviour in browsers: test/browser/cdn-sri.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { parseAst } from 'rollup/parseAst';
import { astNodes } from '../../build/ast-nodes.mjs';
import { languageJson } from '../../build/verified-languages.mjs';
import { reviveLanguage } from '../../dist/cdn/verified-language.js';
import en from '../../dist/i18n/en.js';

const dir = new URL('../../dist/cdn/', import.meta.url);
const entry = readFileSync(new URL('faceid-preflight.min.js', dir), 'utf8');
const STAGE = 'faceid-preflight-stage.min.js';
const stage = readFileSync(new URL(STAGE, dir), 'utf8');
const sha384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const languageFiles = readdirSync(new URL('i18n/', dir))
  .filter((f) => f.endsWith('.json'))
  .sort();

/** A module's imports: static ones, re-exports from a file, and import() expressions. */
const importsOf = (code) =>
  [...astNodes(parseAst(code))].filter(
    (n) =>
      n.type === 'ImportDeclaration' ||
      n.type === 'ImportExpression' ||
      n.type === 'ExportAllDeclaration' ||
      (n.type === 'ExportNamedDeclaration' && n.source),
  );

test('the entry imports nothing but the checked stage: no static import, no re-export from a file, one import() of a computed URL', () => {
  const found = importsOf(entry);
  assert.deepEqual(
    found.filter((n) => n.type !== 'ImportExpression').map((n) => entry.slice(n.start, Math.min(n.end, n.start + 80))),
    [],
  );
  const dynamic = found.filter((n) => n.type === 'ImportExpression');
  assert.equal(dynamic.length, 1, 'one import(): the verified loader of src/cdn/verified-module.ts');
  assert.notEqual(dynamic[0].source.type, 'Literal', 'of the URL the loader checked, not of a file name');
  const scripts = readdirSync(dir).filter((f) => f.endsWith('.min.js'));
  assert.deepEqual(scripts.sort(), ['core.min.js', STAGE, 'faceid-preflight.min.js'], 'no other chunk next to it');
});

test('the stage imports nothing, carries no copy of lit or localize, and the entry pins its SHA-384', () => {
  assert.deepEqual(
    importsOf(stage).map((n) => stage.slice(n.start, n.start + 80)),
    [],
  );
  const { sources } = JSON.parse(readFileSync(new URL(`${STAGE}.map`, dir), 'utf8'));
  assert.deepEqual(
    sources.filter((s) => s.includes('node_modules')),
    [],
    'the stage shares nothing with the entry: no library inside it',
  );
  const pinned = [...entry.matchAll(/\{file:"([^"]+)",integrity:"(sha384-[\w+/=]+)"\}/g)].filter(([, file]) => file === STAGE);
  assert.deepEqual(
    pinned.map(([, , integrity]) => integrity),
    [sha384(readFileSync(new URL(STAGE, dir)))],
  );
});

test('English is inside the entry; the other languages are not', () => {
  assert.ok(entry.includes(en.readyReflectionDetail), 'English words in the entry');
  assert.deepEqual(languageFiles, ['id.json', 'th.json', 'zh-cn.json', 'zh-tw.json']);
  for (const file of languageFiles) {
    const data = JSON.parse(readFileSync(new URL(`i18n/${file}`, dir), 'utf8'));
    assert.ok(!entry.includes(data.readyReflectionDetail), `${file}'s words are not in the entry`);
  }
});

test('documentation-only text ships in no browser file: the state summaries are in neither the entry nor the stage', async () => {
  // The module is no source of either file (by their source maps)…
  for (const file of ['faceid-preflight.min.js', STAGE]) {
    const { sources } = JSON.parse(readFileSync(new URL(`${file}.map`, dir), 'utf8'));
    assert.ok(sources.length > 5 && sources.some((s) => s.includes('/element/')), `${file}'s map names the element's files`);
    assert.ok(!sources.some((s) => s.endsWith('element/state-docs.js')), `${file} is built from state-docs.js`);
  }
  // …and no summary is in them, but one that is also words a user reads: "The embedding page's
  // permissions policy blocks the camera." and "This browser has no camera API (getUserMedia)." are
  // probes' reasons too, and ship as those.
  const { stateSummaries } = await import('../../dist/element/state-docs.js');
  const { englishReasonWords } = await import('../../dist/i18n/reasons/en.js');
  const strings = (value) => (typeof value === 'string' ? [value] : Object.values(value ?? {}).flatMap(strings));
  const words = new Set([...strings(en), ...strings(englishReasonWords)]);
  const [alsoWords, ownSummaries] = [true, false].map((shared) =>
    Object.keys(stateSummaries).filter((state) => words.has(stateSummaries[state]) === shared),
  );
  assert.deepEqual(alsoWords, ['blocked-by-policy', 'no-camera-api']);
  for (const state of ownSummaries) {
    const summary = stateSummaries[state];
    assert.ok(!entry.includes(summary) && !stage.includes(summary), `${state}'s summary "${summary}" is shipped`);
  }
});

test("the entry carries each language file's SHA-384 (and the stage's, above), nothing else to fetch", () => {
  const pinned = [...entry.matchAll(/\{file:"([^"]+)",integrity:"(sha384-[\w+/=]+)"\}/g)]
    .filter(([, file]) => file !== STAGE)
    .map(([, file, integrity]) => ({ file, integrity }));
  const actual = languageFiles.map((f) => ({
    file: `i18n/${f}`,
    integrity: `sha384-${createHash('sha384')
      .update(readFileSync(new URL(`i18n/${f}`, dir)))
      .digest('base64')}`,
  }));
  assert.deepEqual(
    pinned.sort((a, b) => a.file.localeCompare(b.file)),
    actual,
  );
});

test('each language file says what its module says, functions included', async () => {
  for (const file of languageFiles) {
    const name = file.replace(/\.json$/, '');
    const { default: pack } = await import(`../../dist/i18n/${name}.js`);
    const revived = reviveLanguage(JSON.parse(readFileSync(new URL(`i18n/${file}`, dir), 'utf8')));
    assert.deepEqual(Object.keys(revived).sort(), Object.keys(pack).sort(), `${file}: same keys`);
    const same = (got, want, at) => {
      if (typeof want === 'function') {
        for (const arg of ['WeChat', '微信', '<b>&amp;']) {
          const args = Array.from({ length: want.length }, (_, i) => `${arg}${i}`);
          assert.equal(got(...args), want(...args), `${file} ${at}(${args})`);
        }
      } else if (want && typeof want === 'object') {
        assert.deepEqual(Object.keys(got).sort(), Object.keys(want).sort(), `${file} ${at}: same keys`);
        for (const [key, value] of Object.entries(want)) same(got[key], value, `${at}.${key}`);
      } else assert.equal(got, want, `${file} ${at}`);
    };
    for (const [key, value] of Object.entries(pack)) same(revived[key], value, key); // the reasons' words too
  }
});

test('the build refuses a function that is not a plain template of its arguments', () => {
  assert.throws(() => languageJson({ count: (n) => (n > 1 ? `${n} apps` : 'one app') }), /count: is not a plain template/);
  assert.throws(() => languageJson({ any: (...args) => args.join() }), /without declared parameters/);
  assert.throws(() => languageJson({ n: 3 }), /n: neither a string, a function nor an object of them/);
  assert.equal(languageJson({ o: { f: (a, b) => `${b}-${a}` } }), '{"o":{"f":[1,"-",0]}}');
  assert.equal(languageJson({ a: 'x', f: (app) => `in ${app}!` }), '{"a":"x","f":["in ",0,"!"]}');
});

test('a language file that is not a pack of strings and templates is refused, not half-used', () => {
  assert.throws(() => reviveLanguage([]), TypeError);
  assert.throws(() => reviveLanguage(null), TypeError);
  assert.throws(() => reviveLanguage({ a: { toString: 1 } }), /"a\.toString" is neither/);
  assert.throws(() => reviveLanguage({ a: { b: { c: { d: { e: 'too deep' } } } } }), /is neither/);
  assert.throws(() => reviveLanguage({ a: ['x', -1] }), /"a" is neither/);
  const p = reviveLanguage(JSON.parse('{"__proto__":"x","why":"Pourquoi ?"}'));
  assert.equal(Object.getPrototypeOf(p), Object.prototype, 'a "__proto__" key stays a plain key');
  assert.equal(p.why, 'Pourquoi ?');
});

test("the entry starts with V8's compile hint (its code runs as it loads); the stage, which runs at a tap, does not", () => {
  assert.equal(entry.split('\n', 1)[0], '//# allFunctionsCalledOnLoad', 'the magic comment is the first line, as Chrome 136+ reads it');
  assert.equal(stage.includes('allFunctionsCalledOnLoad'), false);
});
