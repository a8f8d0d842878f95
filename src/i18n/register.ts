import { registerTranslation } from '@shoelace-style/localize';
import en from './en.js';
import type { LanguagePack } from './en.js';
import { translationCode } from './language-tag.js';

/** The languages FaceID's hosted page offers, and so do we. */
export const languages = ['en', 'zh-CN', 'zh-TW', 'th', 'id'] as const;
export type Language = (typeof languages)[number];

type Loader = () => Promise<{ default: LanguagePack }>;

/**
 * English ships with the element; the others load on first use (a separate chunk each). A Chinese
 * tag is first resolved to `zh-tw` or `zh-cn` by its script, then its region (translationCode:
 * the element's Localize looks its words up the same way), so `zh-Hant` is Traditional and
 * `zh-Hans-HK` Simplified. The other codes are what @shoelace-style/localize looks up for a tag
 * left as it is: `xx-yy`, then `xx`, then English (`zh-hk`, `zh-mo` and `zh` for a plain controller).
 */
const loaders: ReadonlyArray<{ match: RegExp; load: Loader; codes: readonly string[] }> = [
  { match: /^zh-tw$/, load: () => import('./zh-tw.js'), codes: ['zh-tw', 'zh-hk', 'zh-mo'] },
  { match: /^zh-cn$/, load: () => import('./zh-cn.js'), codes: ['zh-cn', 'zh'] },
  { match: /^th\b/, load: () => import('./th.js'), codes: ['th'] },
  { match: /^(?:id|in)\b/, load: () => import('./id.js'), codes: ['id', 'in'] },
];

registerTranslation(en);
const loading = new Map<Loader, Promise<void>>();

/**
 * Makes sure the strings for `lang` are registered; resolves when they are (elements re-render by
 * themselves: registering calls @shoelace-style/localize's update()). Unknown languages → English.
 */
export function loadLanguage(lang: string): Promise<void> {
  const normalized = translationCode(lang.toLowerCase().replace(/_/g, '-'));
  const entry = loaders.find((l) => l.match.test(normalized));
  if (!entry) return Promise.resolve();
  const known = loading.get(entry.load);
  if (known) return known;
  const pending = entry.load().then(
    ({ default: pack }) => registerTranslation(...entry.codes.map((code) => ({ ...pack, $code: code }))),
    () => {
      loading.delete(entry.load); // a failed chunk load may be retried later; English meanwhile
    },
  );
  loading.set(entry.load, pending);
  return pending;
}
