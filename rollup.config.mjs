// The CDN build: one minified ES module that registers <faceid-preflight> (lit, ua-parser-js and
// English inside), plus one small chunk per other language, loaded on first use. Input is tsc's
// output (dist/), so TypeScript is compiled once, by tsc.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const plugins = () => [
  nodeResolve({ browser: true }),
  // ua-parser-js 1.x is CommonJS/UMD.
  commonjs({ include: /node_modules\/ua-parser-js/ }),
  terser({ format: { comments: false }, compress: { passes: 2 } }),
];

export default [
  {
    input: 'dist/cdn.js',
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: 'faceid-preflight.min.js',
      chunkFileNames: '[name]-[hash].min.js',
      sourcemap: true,
    },
    plugins: plugins(),
  },
  {
    // Not published for the CDN: measured by `npm run bench` (the Node-safe engine, bundled).
    input: 'dist/core/index.js',
    output: { file: 'dist/cdn/core.min.js', format: 'es', sourcemap: true },
    plugins: plugins(),
  },
];
