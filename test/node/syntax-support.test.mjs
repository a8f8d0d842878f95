// The browser code is compiled to ES2022 (tsconfig.json) but must run where the README says it
// runs — iOS Safari 14.5, Chrome 85, Firefox 90 — so it may use what those have of ES2022 (private
// and static class fields: Safari 14.1 / iOS 14.5, by MDN's compatibility data) and nothing they
// lack: private methods and accessors, `#x in obj` (Safari 15), static blocks (Safari 16.4), the
// RegExp `d` and `v` flags (Safari 15 / 17). This parses every shipped JavaScript file and every
// CDN file and fails on any of those.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'rollup/parseAst';
import { astNodes } from '../../build/ast-nodes.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** What in `code` the supported browsers cannot run, as short descriptions. */
export function unsupportedSyntax(code) {
  const found = [];
  for (const n of astNodes(parseAst(code))) {
    if ((n.type === 'MethodDefinition' || n.type === 'Property') && n.key?.type === 'PrivateIdentifier')
      found.push(`private ${n.kind === 'method' ? 'method' : 'accessor'} #${n.key.name}`);
    if (n.type === 'StaticBlock') found.push('static block');
    if (n.type === 'BinaryExpression' && n.operator === 'in' && n.left.type === 'PrivateIdentifier') found.push(`#${n.left.name} in`);
    if (n.type === 'Literal' && n.regex && /[dv]/.test(n.regex.flags)) found.push(`RegExp flag in /${n.regex.pattern}/${n.regex.flags}`);
  }
  return found;
}

const jsFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(path.join(dir, e.name)) : e.name.endsWith('.js') ? [path.join(dir, e.name)] : [],
  );

test('the check finds each construct the supported browsers lack (positive control)', () => {
  assert.deepEqual(unsupportedSyntax('class A { #f = 1; #m() {} get #g() { return 1 } static { } has(o) { return #f in o } } /a/d;'), [
    'private method #m',
    'private accessor #g',
    'static block',
    '#f in',
    'RegExp flag in /a/d',
  ]);
  assert.deepEqual(unsupportedSyntax('class A { #f = () => 1; static s = 2; run() { return this.#f() } }'), []);
});

test('no shipped or CDN JavaScript uses syntax iOS 14.5, Chrome 85 or Firefox 90 lacks', () => {
  const files = jsFiles(dist);
  assert.ok(
    files.some((f) => f.endsWith('faceid-preflight.min.js')),
    'dist/ is built (npm run build)',
  );
  const problems = files.flatMap((f) => unsupportedSyntax(readFileSync(f, 'utf8')).map((p) => `${path.relative(dist, f)}: ${p}`));
  assert.deepEqual(problems, []);
});
