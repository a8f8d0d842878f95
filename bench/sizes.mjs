// Bytes shipped, from `npm run build`'s rollup output, min + gzip (level 9):
//   - the CDN entry: what must arrive before the first decision, in one request (it imports
//     nothing it has not pinned);
//   - the second stage (the camera check and the hand-off), loaded after the first decision, and
//     the whole element: the entry and the stage, each gzipped as it is served;
//   - each other language (a JSON file fetched once the element knows its language);
//   - where the entry's bytes come from, by its source map (bench/attribute.mjs);
//   - the bundled Node-safe core.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { attribute } from './attribute.mjs';

const dir = new URL('../dist/cdn/', import.meta.url);
const size = (name) => {
  const bytes = readFileSync(new URL(name, dir));
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};

export function run() {
  const languages = readdirSync(new URL('i18n/', dir)).filter((f) => f.endsWith('.json'));
  const entry = size('faceid-preflight.min.js');
  const stage = size('faceid-preflight-stage.min.js');
  return {
    entry: { ...entry, requests: 1, targetBeforeDecisionGzip: 26 * 1024 },
    stage,
    whole: { min: entry.min + stage.min, gzip: entry.gzip + stage.gzip, targetGzip: 32 * 1024 },
    attribution: attribute(fileURLToPath(new URL('faceid-preflight.min.js', dir))).groups,
    stageAttribution: attribute(fileURLToPath(new URL('faceid-preflight-stage.min.js', dir))).groups,
    core: { ...size('core.min.js'), targetGzip: 12 * 1024 },
    languages: Object.fromEntries(languages.map((f) => [f.replace(/\.json$/, ''), size(`i18n/${f}`)])),
  };
}
