/**
 * Which of the two written forms of Chinese a language tag asks for, read the way BCP 47 means it:
 * an explicit script wins (`zh-Hant`, `zh-Hant-HK` → Traditional; `zh-Hans`, `zh-Hans-HK` →
 * Simplified); without one, Taiwan, Hong Kong and Macau write Traditional and everywhere else
 * Simplified. `null` for a tag that is not Chinese. Pure: no `Intl.Locale` (missing before Safari 14).
 */
export function chineseScript(tag: string): 'traditional' | 'simplified' | null {
  const subtags = tag.trim().toLowerCase().replace(/_/g, '-').split('-');
  if (subtags[0] !== 'zh') return null;
  // Only the language, script and region subtags: what follows a singleton (`-u-…`, `-x-…`) is an extension.
  const singleton = subtags.findIndex((s, i) => i > 0 && s.length === 1);
  const own = singleton === -1 ? subtags.slice(1) : subtags.slice(1, singleton);
  if (own.includes('hant')) return 'traditional';
  if (own.includes('hans')) return 'simplified';
  return own.some((s) => s === 'tw' || s === 'hk' || s === 'mo') ? 'traditional' : 'simplified';
}

/**
 * The code the element's words are registered under for a (lower-case) tag: `zh-tw` or `zh-cn`
 * for any Chinese tag, the tag itself otherwise. @shoelace-style/localize looks a tag up as
 * `language-region`, then `language`, so without this `zh-Hant` (no region) would read `zh`: Simplified.
 */
export function translationCode(tag: string): string {
  const script = chineseScript(tag);
  return script === 'traditional' ? 'zh-tw' : script === 'simplified' ? 'zh-cn' : tag;
}
