// `npm start`: the demo on http://127.0.0.1:8000, TypeScript served straight from src/.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';

const commonjs = fromRollup(rollupCommonjs);

export default {
  rootDir: '.',
  appIndex: 'demo/index.html',
  open: '/demo/',
  hostname: '127.0.0.1',
  port: Number(process.env.PORT ?? 8000),
  nodeResolve: true,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // ua-parser-js 1.x is CommonJS; only its default import works after this.
    commonjs({ include: ['**/node_modules/ua-parser-js/**'], strictRequires: false }),
  ],
};
