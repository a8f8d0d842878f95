// A @web/test-runner plugin that serves the CDN build (dist/cdn/) the way a page would use it from
// a CDN — one <script type="module" integrity="sha384-…"> — with one of its files tampered with,
// for test/browser/cdn-sri.test.ts:
//
//   GET /__sri/<case>/page.html?lang=<lang>   a page (strict CSP, no inline script) with the entry's
//                                              genuine SHA-384 on its script tag and
//                                              <faceid-preflight lang="<lang>">
//   GET /__sri/<case>/<file>                  dist/cdn/<file>: genuine, unless <case> names it:
//       genuine       nothing changed
//       entry         faceid-preflight.min.js with a line appended that would mark the page
//       lang-<code>   i18n/<code>.json with every string replaced by "TAMPERED <key>" (still
//                     valid JSON in the same shape: only the hash can tell)
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STRICT_CSP } from './csp-plugin.mjs';

const cdn = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/cdn');
const ENTRY = 'faceid-preflight.min.js';
const CASE = /^(genuine|entry|lang-[a-z]{2}(?:-[a-z]{2})?)$/;
const LANG = /^[A-Za-z]{2}(?:-[A-Za-z]{2})?$/;
const types = { '.js': 'text/javascript', '.json': 'application/json' };

export const TAMPERED_MARK = 'TAMPERED';

function tamperLanguage(bytes) {
  const data = JSON.parse(bytes);
  for (const key of Object.keys(data)) if (typeof data[key] === 'string' && !key.startsWith('$')) data[key] = `${TAMPERED_MARK} ${key}`;
  return JSON.stringify(data);
}

export function sriPlugin() {
  const served = new Map(); // path → the exact bytes served, restored after other plugins' transforms
  return {
    name: 'sri',
    // Last in the plugin list: the test runner's esbuild plugin rewrites every .js it serves, and
    // integrity is about exact bytes.
    transform(context) {
      if (!served.has(context.path)) return undefined;
      return { body: served.get(context.path), transformCache: false };
    },
    async serve(context) {
      const m = /^\/__sri\/([^/]+)\/(.+)$/.exec(context.path);
      if (!m || !CASE.test(m[1])) return undefined;
      const [, which, file] = m;
      const headers = { 'cache-control': 'no-store', 'access-control-allow-origin': '*' };
      if (file === 'page.html') {
        const lang = context.URL.searchParams.get('lang') ?? 'en';
        if (!LANG.test(lang)) return { status: 400, body: 'bad lang', type: 'text/plain' };
        const integrity = `sha384-${createHash('sha384')
          .update(await readFile(path.join(cdn, ENTRY)))
          .digest('base64')}`;
        const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SRI: ${which}</title>
<script type="module" src="./${ENTRY}" integrity="${integrity}" crossorigin="anonymous"></script>
</head><body><faceid-preflight lang="${lang}"></faceid-preflight></body></html>`;
        return { body, type: 'text/html', headers: { ...headers, 'content-security-policy': STRICT_CSP } };
      }
      const full = path.resolve(cdn, file);
      if (!full.startsWith(`${cdn}${path.sep}`) || !types[path.extname(full)]) return undefined;
      let bytes;
      try {
        bytes = await readFile(full, 'utf8'); // a string: the dev server's transforms expect one
      } catch {
        return { status: 404, body: 'not found', type: 'text/plain' };
      }
      let body = bytes;
      if (which === 'entry' && file === ENTRY) body = `${bytes}\n;globalThis.__sriTamperedRan = true;\n`;
      if (which.startsWith('lang-') && file === `i18n/${which.slice(5)}.json`) body = tamperLanguage(bytes);
      served.set(context.path, body);
      return { body, type: types[path.extname(full)], headers };
    },
  };
}
