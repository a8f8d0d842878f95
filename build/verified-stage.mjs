// A rollup plugin for the CDN build: the dynamic `import()` of the element's second stage
// (src/element/stage.ts, built before the entry as a file of its own that imports nothing) becomes
// a call of src/cdn/verified-module.ts with that file's SHA-384, so the entry pins the stage's
// bytes as it pins the languages'.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rewriteImports } from './rewrite-imports.mjs';

/**
 * @param {{ module: string, file: string, outDir: string, loader: string }} options  module: the
 *   compiled stage module (dist/element/stage.js); file: the stage bundle's name; outDir: where it
 *   was built (next to the entry); loader: the compiled src/cdn/verified-module.ts.
 */
export function verifiedStage({ module, file, outDir, loader }) {
  let pinned;
  return {
    name: 'verified-stage',
    buildStart() {
      let bytes;
      this.addWatchFile(path.join(outDir, file)); // rollup -w: a rebuilt stage re-pins the entry
      try {
        bytes = readFileSync(path.join(outDir, file));
      } catch {
        this.error(`${file} is not in ${outDir}: the stage is built before the entry (rollup.config.mjs)`);
      }
      pinned = { file, integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}` };
    },
    transform(code, id) {
      return rewriteImports(this, code, id, {
        loader,
        exportName: 'importVerified',
        localName: '__importVerified',
        replace: (target) => (target === path.resolve(module) ? `__importVerified(${JSON.stringify(pinned)}, import.meta.url)` : null),
      });
    },
  };
}
