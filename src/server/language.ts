import { chineseScript } from '../i18n/language-tag.js';

/** FaceID's page languages (`Config.Language`), and how an element or browser language maps to one. */
export const faceidLanguages = ['en', 'zh-cn', 'zh-tc', 'th', 'id'] as const;
export type FaceidLanguage = (typeof faceidLanguages)[number];

export const isFaceidLanguage = (value: unknown): value is FaceidLanguage =>
  typeof value === 'string' && (faceidLanguages as readonly string[]).includes(value);

/**
 * A BCP 47 tag (`zh-TW`, `th`, `id-ID`, `zh-Hant-HK`) → FaceID's language, the way the element
 * picks its own ({@link chineseScript}): Traditional for `Hant`, and for zh-TW/HK/MO without a
 * script; Simplified for other Chinese; English for anything FaceID does not have. `undefined`
 * for no usable tag.
 */
export function faceidLanguageOf(tag: unknown): FaceidLanguage | undefined {
  if (typeof tag !== 'string') return undefined;
  const parts = tag.trim().toLowerCase().replaceAll('_', '-').split('-');
  const [primary] = parts;
  if (!primary || !/^[a-z]{2,3}$/.test(primary)) return undefined;
  if (primary === 'zh') return chineseScript(tag) === 'traditional' ? 'zh-tc' : 'zh-cn';
  if (primary === 'th') return 'th';
  if (primary === 'id' || primary === 'in') return 'id';
  return 'en';
}

/** The first language of an `Accept-Language` header, mapped; `undefined` when there is none. */
export function faceidLanguageFromAcceptLanguage(header: string | null): FaceidLanguage | undefined {
  const first = header?.slice(0, 256).split(',')[0]?.split(';')[0];
  return first === undefined || first.trim() === '*' ? undefined : faceidLanguageOf(first);
}
