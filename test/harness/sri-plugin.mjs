// A @web/test-runner plugin that serves the CDN build (dist/cdn/) the way a page would use it from
// a CDN — one <script type="module" integrity="sha384-…"> — with one of its files tampered with,
// for test/browser/cdn-sri.test.ts:
//
//   GET /__sri/<case>/page.html?lang=<lang>[&no-modulepreload][&no-downgrade]
//                                              a page (strict CSP, no inline script) with the entry's
//                                              genuine SHA-384 on its script tag and
//                                              <faceid-preflight lang="<lang>">; with
//                                              no-modulepreload, a script first that makes the page
//                                              say it has no <link rel="modulepreload"> (Safari < 17)
//   GET /__sri/<case>/<file>                  dist/cdn/<file>: genuine, unless <case> names it:
//       genuine       nothing changed
//       entry         faceid-preflight.min.js with a line appended that would mark the page
//       stage         faceid-preflight-stage.min.js, the same (the second stage, loaded after the
//                     first decision)
//       lang-<code>   i18n/<code>.json with every string replaced by "TAMPERED <key>" (still
//                     valid JSON in the same shape: only the hash can tell)
//   GET /dist/cdn/<file>.min.js               as built (other plugins' rewrites undone)
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STRICT_CSP } from './csp-plugin.mjs';

const cdn = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/cdn');
const ENTRY = 'faceid-preflight.min.js';
const STAGE = 'faceid-preflight-stage.min.js';
const CASE = /^(genuine|entry|stage|lang-[a-z]{2}(?:-[a-z]{2})?)$/;
const LANG = /^[A-Za-z]{2}(?:-[A-Za-z]{2})?$/;
const types = { '.js': 'text/javascript', '.json': 'application/json' };

export const TAMPERED_MARK = 'TAMPERED';

/** A classic script (allowed by the strict CSP: same origin) that hides modulepreload support. */
const NO_MODULEPRELOAD = `const supports = DOMTokenList.prototype.supports;
DOMTokenList.prototype.supports = function (token) { return token === 'modulepreload' ? false : supports.call(this, token); };
`;

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
    // integrity is about exact bytes. The built CDN files under /dist/cdn/ (which the CSP test's
    // page imports) are served as built too: the entry checks the stage's bytes.
    async transform(context) {
      if (served.has(context.path)) return { body: served.get(context.path), transformCache: false };
      const built = /^\/dist\/cdn\/([\w.-]+\.min\.js)$/.exec(context.path);
      if (built) return { body: await readFile(path.join(cdn, built[1]), 'utf8'), transformCache: false };
      return undefined;
    },
    async serve(context) {
      const m = /^\/__sri\/([^/]+)\/(.+)$/.exec(context.path);
      if (!m || !CASE.test(m[1])) return undefined;
      const [, which, file] = m;
      const headers = { 'cache-control': 'no-store', 'access-control-allow-origin': '*' };
      if (file === 'no-modulepreload.js') return { body: NO_MODULEPRELOAD, type: 'text/javascript', headers };
      if (file === 'page.html') {
        const lang = context.URL.searchParams.get('lang') ?? 'en';
        if (!LANG.test(lang)) return { status: 400, body: 'bad lang', type: 'text/plain' };
        const integrity = `sha384-${createHash('sha384')
          .update(await readFile(path.join(cdn, ENTRY)))
          .digest('base64')}`;
        const before = context.URL.searchParams.has('no-modulepreload') ? '<script src="./no-modulepreload.js"></script>\n' : '';
        const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SRI: ${which}</title>
${before}<script type="module" src="./${ENTRY}" integrity="${integrity}" crossorigin="anonymous"></script>
</head><body><faceid-preflight lang="${lang}"${context.URL.searchParams.has('no-downgrade') ? ' no-downgrade' : ''}></faceid-preflight></body></html>`;
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
      if ((which === 'entry' && file === ENTRY) || (which === 'stage' && file === STAGE))
        body = `${bytes}\n;globalThis.__sriTamperedRan = true;\n`;
      if (which.startsWith('lang-') && file === `i18n/${which.slice(5)}.json`) body = tamperLanguage(bytes);
      served.set(context.path, body);
      return { body, type: types[path.extname(full)], headers };
    },
  };
}
