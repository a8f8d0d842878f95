// The CDN build: ONE minified ES module that registers <faceid-preflight> (lit, ua-parser-js,
// English and all the first decision needs) and imports nothing, so a page makes one request to
// the first decision and one `integrity` attribute covers all the code. What a tap needs (the
// camera check and the hand-off) is a second file, built first, that imports nothing either; the
// entry loads it once a shown state offers a tap, checked against its SHA-384
// (build/verified-stage.mjs). The other languages are JSON data, fetched once the element knows
// its language, each checked against a SHA-384 written into the bundle
// (build/verified-languages.mjs). ua-parser-js's regex lists for getters the engine never
// calls are left out (build/trim-ua-parser.mjs, which fails the build if one gets called). Input is
// tsc's output (dist/): TypeScript is compiled once, by tsc.
// The source maps are written beside the files for the benchmarks' attribution and the tests, and
// named by no comment (`sourcemap: 'hidden'`): they are not published, and a comment naming a
// missing map costs every DevTools user a warning.
import { readdirSync, rmSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { trimUaParser } from './build/trim-ua-parser.mjs';
import { verifiedLanguages } from './build/verified-languages.mjs';
import { verifiedStage } from './build/verified-stage.mjs';

/** The ua-parser-js lists the engine reads: src/core/environment/parse.ts calls getOS() and getDevice(). */
export const uaParserLists = ['os', 'device'];

export const terserOptions = {
  module: true,
  ecma: 2021,
  format: { comments: false },
  compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true },
};

/**
 * V8's explicit compile hint (Chrome 136+; a comment to every other engine): the functions of a file
 * that starts with it are compiled on the thread that streams the file in, not lazily on the main
 * thread at their first call. Measured on the entry under 4× CPU throttling: ~110 ms of main-thread
 * parsing and compiling before the first decision moved off it. Only for files whose code runs as
 * they load: the entry, not the stage (which runs at a tap).
 */
export const ALL_FUNCTIONS_CALLED_ON_LOAD = '//# allFunctionsCalledOnLoad';

/** The CDN build's plugins; `calledOnLoad`: the file's functions all run as it loads (see above). */
export const plugins = ({ calledOnLoad = false } = {}) => [
  trimUaParser({ keep: uaParserLists }),
  nodeResolve({ browser: true }),
  // ua-parser-js 1.x is CommonJS/UMD.
  commonjs({ include: /node_modules\/ua-parser-js/ }),
  terser(calledOnLoad ? { ...terserOptions, format: { ...terserOptions.format, preamble: ALL_FUNCTIONS_CALLED_ON_LOAD } } : terserOptions),
];

/** Removes what an earlier build left in dist/cdn (old hashed chunks and language files). */
const cleanCdnOutput = () => ({
  name: 'clean-cdn-output',
  buildStart() {
    const dir = new URL('./dist/cdn/', import.meta.url);
    let names;
    try {
      names = readdirSync(dir);
    } catch {
      return; // first build
    }
    for (const name of names) {
      if (name === 'i18n' || (/\.min\.js(\.map)?$/.test(name) && !name.startsWith('core.min.js')))
        rmSync(new URL(name, dir), { recursive: true, force: true });
    }
  },
});

/** The second stage's file, next to the entry. */
export const STAGE_FILE = 'faceid-preflight-stage.min.js';

export default [
  {
    input: 'dist/element/stage.js',
    output: { file: `dist/cdn/${STAGE_FILE}`, format: 'es', sourcemap: 'hidden' },
    plugins: [cleanCdnOutput(), ...plugins()],
  },
  {
    input: 'dist/cdn.js',
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: 'faceid-preflight.min.js',
      sourcemap: 'hidden',
    },
    plugins: [
      verifiedStage({ module: 'dist/element/stage.js', file: STAGE_FILE, outDir: 'dist/cdn', loader: 'dist/cdn/verified-module.js' }),
      verifiedLanguages({ i18nDir: 'dist/i18n', loader: 'dist/cdn/verified-language.js' }),
      ...plugins({ calledOnLoad: true }),
    ],
  },
  {
    // Not published for the CDN: measured by `npm run bench` (the Node-safe engine, bundled).
    input: 'dist/core/index.js',
    output: { file: 'dist/cdn/core.min.js', format: 'es', sourcemap: 'hidden' },
    plugins: plugins(),
  },
];
