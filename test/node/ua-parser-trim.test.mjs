// The browser builds empty ua-parser-js's regex lists the engine never reads (build/trim-ua-parser.mjs).
// Here: getOS() and getDevice() answer exactly as the untouched library over every fixture user
// agent, the emptied lists really are empty, and a bundle that calls an emptied getter fails to build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { rollup } from 'rollup';
import { parseAst } from 'rollup/parseAst';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { trimUaParser, trimUaParserSource } from '../../build/trim-ua-parser.mjs';

const require = createRequire(import.meta.url);
const sourceFile = require.resolve('ua-parser-js/src/ua-parser.js');
const source = readFileSync(sourceFile, 'utf8');
const load = (code) => {
  const module = { exports: {} };
  vm.runInNewContext(code, { module, exports: module.exports });
  return module.exports;
};
const fixtures = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')).map((f) => f.ua);
const userAgents = [...fixtures('user-agents.json'), ...fixtures('extra-user-agents.json')];

test('getOS() and getDevice() are unchanged by the trim, over every fixture user agent', () => {
  const Full = load(source);
  const Trimmed = load(trimUaParserSource(source, ['os', 'device'], parseAst));
  assert.ok(userAgents.length > 100);
  for (const ua of userAgents) {
    const full = new Full(ua);
    const trimmed = new Trimmed(ua);
    // (spread: each copy runs in a context of its own, with its own Object.prototype)
    assert.deepEqual({ ...trimmed.getOS() }, { ...full.getOS() }, ua);
    assert.deepEqual({ ...trimmed.getDevice() }, { ...full.getDevice() }, ua);
  }
  // The control: the other lists are really gone.
  const chrome = userAgents.find((ua) => /Chrome\/\d/.test(ua));
  assert.equal(new Full(chrome).getBrowser().name !== undefined, true);
  assert.equal(new Trimmed(chrome).getBrowser().name, undefined);
  assert.equal(new Trimmed(chrome).getEngine().name, undefined);
});

test('a bundle that calls a getter whose list is emptied does not build', async () => {
  const entry = '\0entry.js';
  const build = (body) =>
    rollup({
      input: entry,
      onwarn() {},
      plugins: [
        {
          name: 'entry',
          resolveId: (id) => (id === entry ? id : null),
          load: (id) => (id === entry ? `import UAParser from 'ua-parser-js';\n${body}` : null),
        },
        trimUaParser({ keep: ['os', 'device'] }),
        nodeResolve(),
        commonjs({ include: /node_modules[\\/]ua-parser-js/ }),
      ],
    }).then((b) => b.generate({ format: 'es' }));
  await build('export const os = (ua) => new UAParser(ua).getOS().name;'); // fine
  await assert.rejects(build('export const b = (ua) => new UAParser(ua).getBrowser().name;'), /calls ua-parser-js's getBrowser\(\)/);
  await assert.rejects(build('export const r = (ua) => new UAParser(ua).getResult();'), /getResult\(\)/);
});

test('a ua-parser-js without the expected shape stops the build', () => {
  assert.throws(() => trimUaParserSource('var other = {};', ['os'], parseAst), /no `var regexes/);
  assert.throws(() => trimUaParserSource('var regexes = { os: [] };', ['os', 'device'], parseAst), /no regexes\.device/);
});
