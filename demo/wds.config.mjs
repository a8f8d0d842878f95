// `npm start`: the demo on http://127.0.0.1:8000/demo/, TypeScript served straight from src/ and demo/,
// and the whole verification flow on http://127.0.0.1:8000/demo/flow/: an example customer page →
// faceid-preflight/server (from dist/: `npm run build` first) → Tencent's SDK → the local FaceID
// sandbox → its stand-in page → the example return page (demo/flow/).
//
// To try it on a phone, the phone must reach this machine and the page must be a secure context
// (or the browser hides the camera): `HOST=0.0.0.0 HTTPS=1 npm start`, then open
// https://<this machine's LAN address>:8000/demo/ and accept the self-signed certificate.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { flowPlugin } from './flow/wds-plugin.mjs';
import { LOOPBACK_ONLY } from './loopback.mjs';

const commonjs = fromRollup(rollupCommonjs);

export default {
  rootDir: '.',
  appIndex: 'demo/index.html',
  open: '/demo/',
  hostname: process.env.HOST ?? LOOPBACK_ONLY, // 127.0.0.1 only (see loopback.mjs)
  port: Number(process.env.PORT ?? 8000),
  // HTTPS with @web/dev-server's bundled self-signed certificate.
  http2: process.env.HTTPS === '1',
  nodeResolve: true,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // ua-parser-js 1.x is CommonJS; only its default import works after this.
    commonjs({ include: ['**/node_modules/ua-parser-js/**'], strictRequires: false }),
    flowPlugin(),
  ],
};
