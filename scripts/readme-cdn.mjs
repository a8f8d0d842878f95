#!/usr/bin/env node
// `npm run readme:cdn` (after `npm run build`): pins the README's CDN URLs of this package to the
// version in package.json and sets each <script integrity> to the built file's SHA-384.
// test/node/readme.test.mjs fails until this has run whenever either changes; with --check (in
// `prepack`) it changes nothing and exits 1 if the README is not up to date, so a stale hash is
// never published.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cdnReference, sri } from '../test/harness/readme/cdn.mjs';
import { pkg, root } from '../test/harness/readme/package.mjs';
const file = path.join(root, 'README.md');
const before = readFileSync(file, 'utf8');

const pin = (url) =>
  url.replace(/^(https:\/\/(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/faceid-preflight)(?:@[^/\s"'`)<>]*)?/, `$1@${pkg.version}`);

let after = before.replace(/<script\b[^>]*>/g, (tag) => {
  const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
  if (!src || !cdnReference(src)) return tag;
  const pinned = pin(src);
  const ref = cdnReference(pinned);
  return tag.replace(src, pinned).replace(/\bintegrity="[^"]*"/, `integrity="${sri(ref.file)}"`);
});
after = after.replace(/https:\/\/(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/faceid-preflight(?:@[^/\s"'`)<>]*)?(?=\/)/g, pin);

if (after === before) console.log('README.md: CDN URLs and integrity are up to date');
else if (process.argv.includes('--check')) {
  console.error('README.md: CDN URLs or integrity are stale: run `npm run readme:cdn` (after `npm run build`)');
  process.exitCode = 1;
} else {
  writeFileSync(file, after);
  console.log(`README.md: CDN URLs pinned to ${pkg.version}, integrity set from dist/`);
}
