// A rollup plugin for the CDN build: every dynamic `import()` of a language module (a file in
// `i18nDir`, tsc's dist/i18n/) becomes a fetch of that language as a JSON file, checked against a
// SHA-384 written into the bundle (src/cdn/verified-language.ts). So the bundle has no chunk to
// import, the page loads one script, and that script's `integrity` covers every language.
//
// A language module's functions (`(app) => \`You are in ${app}…\``) are stored as template parts;
// the build fails on a function that is anything but its arguments put into text, rather than
// ship one that would behave differently.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rewriteImports } from './rewrite-imports.mjs';

const sentinel = (i) => `\u0000${i}\u0000`;

/** A function as template parts (text and argument indexes), proven equivalent on two inputs. */
function templateOf(key, fn) {
  if (fn.length === 0) throw new Error(`${key}: a function without declared parameters cannot be stored as a template`);
  const out = fn(...Array.from({ length: fn.length }, (_, i) => sentinel(i)));
  if (typeof out !== 'string') throw new Error(`${key}: does not return a string`);
  const parts = out
    // eslint-disable-next-line no-control-regex -- NUL marks the arguments (see sentinel): it cannot occur in a message
    .split(/\u0000(\d+)\u0000/)
    .map((p, i) => (i % 2 ? Number(p) : p))
    .filter((p) => p !== '');
  for (const probe of [['α'], ['WeChat <b>&'], [''], ['2'], ['a much longer name than any app has']]) {
    const args = Array.from({ length: fn.length }, (_, i) => probe[i % probe.length] + i);
    const revived = parts.map((p) => (typeof p === 'number' ? String(args[p]) : p)).join('');
    if (revived !== fn(...args)) throw new Error(`${key}: is not a plain template of its arguments`);
  }
  return parts;
}

/** One value of a pack as JSON: a string as it is, a function as template parts, an object (the reasons' words) key by key. */
function encode(value, key) {
  if (typeof value === 'string') return value;
  if (typeof value === 'function') return templateOf(key, value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v, `${key}.${k}`)]));
  }
  throw new Error(`${key}: neither a string, a function nor an object of them (${typeof value})`);
}

/** A language pack as JSON text: strings as they are, functions as template parts, nested objects kept. */
export function languageJson(pack) {
  return JSON.stringify(Object.fromEntries(Object.entries(pack).map(([key, value]) => [key, encode(value, key)])));
}

/**
 * @param {{ i18nDir: string, loader: string, outDir?: string }} options  i18nDir: the language
 *   modules' folder; loader: the compiled src/cdn/verified-language.ts; outDir: where the JSON
 *   files go, relative to the bundle (default `i18n`).
 */
export function verifiedLanguages({ i18nDir, loader, outDir = 'i18n' }) {
  const files = new Map(); // module path → { file, integrity }
  return {
    name: 'verified-languages',
    transform(code, id) {
      return rewriteImports(this, code, id, {
        loader,
        exportName: 'fetchLanguage',
        localName: '__fetchVerifiedLanguage',
        replace: async (target) => {
          if (path.dirname(target) !== path.resolve(i18nDir)) return null;
          if (!files.has(target)) {
            const { default: pack } = await import(pathToFileURL(target).href);
            const json = languageJson(pack);
            const digest = createHash('sha384').update(json).digest('base64');
            // Named by language only: a CDN URL pins the version, and the hash pins the bytes.
            const file = `${outDir}/${path.basename(target, '.js')}.json`;
            this.emitFile({ type: 'asset', fileName: file, source: json });
            files.set(target, { file, integrity: `sha384-${digest}` });
          }
          return `__fetchVerifiedLanguage(${JSON.stringify(files.get(target))}, import.meta.url)`;
        },
      });
    },
  };
}
