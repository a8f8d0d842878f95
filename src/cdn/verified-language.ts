/**
 * How the CDN build loads a language other than English: as data, not code. The build
 * (build/verified-languages.mjs) turns each language module into a JSON file (strings, and each
 * function as its template parts) and writes its SHA-384 into this bundle; `fetch` with
 * `integrity` refuses a file whose bytes differ, so Subresource Integrity on the one script tag
 * covers the languages too (a dynamic `import()` cannot carry an integrity). Even a file that got
 * through would only be text: nothing in it can run.
 */
import type { LanguagePack } from '../i18n/en.js';

/** One part of a function's template: literal text, or the index of the argument to insert. */
export type TemplatePart = string | number;
/** A language file as shipped: every key a string, a function's template parts, or an object of them. */
export type LanguageData = { readonly [key: string]: string | readonly TemplatePart[] | LanguageData };
/** Where a file the bundle loads is (relative to the bundle) and the hash it must have. */
export interface PinnedFile {
  readonly file: string;
  readonly integrity: string;
}

const isPart = (p: unknown): p is TemplatePart => typeof p === 'string' || (typeof p === 'number' && Number.isInteger(p) && p >= 0);

/** One value of a language file as the pack has it: templates become functions again, objects are revived key by key. */
function revive(key: string, value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every(isPart)) {
    const parts = value as readonly TemplatePart[];
    return (...args: unknown[]) => parts.map((p) => (typeof p === 'number' ? String(args[p]) : p)).join('');
  }
  if (depth < 3 && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    // fromEntries defines own properties: a "__proto__" key cannot reach the prototype.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(`${key}.${k}`, v, depth + 1)]));
  }
  throw new TypeError(`language file: "${key}" is neither a string, a template nor an object of them`);
}

/** The language pack a file describes: strings as they are, templates as functions again. */
export function reviveLanguage(data: unknown): LanguagePack {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new TypeError('a language file must be a JSON object');
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, revive(key, value, 0)])) as unknown as LanguagePack;
}

/** Fetches a language file next to `base` (the bundle's URL), checked against its hash. */
export async function fetchLanguage({ file, integrity }: PinnedFile, base: string): Promise<{ default: LanguagePack }> {
  const response = await fetch(new URL(file, base), { integrity, credentials: 'omit' });
  if (!response.ok) throw new Error(`language file ${file}: HTTP ${response.status}`);
  return { default: reviveLanguage(await response.json()) };
}
