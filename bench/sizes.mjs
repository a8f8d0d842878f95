// Bytes shipped: min+gzip (level 9) of the CDN bundle (lit, ua-parser-js, ours, English) and of the
// bundled Node-safe core, from `npm run build`'s rollup output. Other languages are separate chunks.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dir = new URL('../dist/cdn/', import.meta.url);
const size = (name) => {
  const bytes = readFileSync(new URL(name, dir));
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};

export function run() {
  const chunks = readdirSync(dir).filter((f) => f.endsWith('.min.js') && !['faceid-preflight.min.js', 'core.min.js'].includes(f));
  return {
    element: { ...size('faceid-preflight.min.js'), targetGzip: 20 * 1024 },
    core: { ...size('core.min.js'), targetGzip: 12 * 1024 },
    languages: Object.fromEntries(chunks.map((f) => [f.replace(/-[\w-]{8}\.min\.js$/, ''), size(f)])),
  };
}
