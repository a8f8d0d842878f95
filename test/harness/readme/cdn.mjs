// This package's URLs on jsDelivr and unpkg: pinned to this version, to a built file, with its hash.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pkg, root } from './package.mjs';

/** `https://cdn.jsdelivr.net/npm/faceid-preflight@1.2.3/dist/x.js` → { version, file } (also unpkg). */
export function cdnReference(url) {
  const m = /^https:\/\/(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/([^@/]+|@[^@/]+\/[^@/]+)(?:@([^/]+))?(\/.*)?$/.exec(url);
  if (!m || m[1] !== pkg.name) return null;
  return { version: m[2] ?? null, file: (m[3] ?? '').replace(/^\//, '') };
}

export const sri = (file) =>
  `sha384-${createHash('sha384')
    .update(readFileSync(path.join(root, file)))
    .digest('base64')}`;

/** Problems with one URL of this package on a CDN (and its integrity attribute, when given). */
export function checkCdnUrl(url, integrity) {
  const ref = cdnReference(url);
  if (!ref) return [];
  const problems = [];
  if (ref.version !== pkg.version) problems.push(`${url}: pin the version (faceid-preflight@${pkg.version}), not ${ref.version ?? 'none'}`);
  if (!ref.file) return [...problems, `${url}: name the file (a bare package URL is whatever the CDN guesses)`];
  const full = path.join(root, ref.file);
  if (!existsSync(full) || !statSync(full).isFile()) return [...problems, `${url}: ${ref.file} is not in the build`];
  if (integrity !== undefined && integrity !== sri(ref.file)) {
    problems.push(`${url}: integrity is not the built file's (run \`npm run readme:cdn\` after \`npm run build\`)`);
  }
  return problems;
}
