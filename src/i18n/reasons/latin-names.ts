import type { MakerBrowser } from '../../core/environment/built-in-browsers.js';
import type { Maker, OS } from '../../core/environment/types.js';
import type { VersionedBrowser } from '../../core/table/profiles.js';

/**
 * Product names as their makers write them in Latin script: English, Thai and Indonesian reasons
 * name them so (as `../app-names.ts` does the apps). Each language adds its own words for what is
 * not a name: "the OS", "another maker".
 */

export const latinOSNames = {
  iOS: 'iOS',
  Android: 'Android',
  HarmonyOS: 'HarmonyOS',
  macOS: 'macOS',
  Windows: 'Windows',
  Linux: 'Linux',
  ChromeOS: 'ChromeOS',
} as const satisfies Record<Exclude<OS, 'other' | 'unknown'>, string>;

export const latinBrowserNames = {
  safari: 'Safari',
  wechat: 'WeChat',
  'huawei-browser': 'Huawei Browser',
  'honor-browser': 'Honor Browser',
  'oppo-browser': 'HeyTap Browser',
  'vivo-browser': 'vivo Browser',
  'meizu-browser': 'Meizu Browser',
  'miui-browser': 'Xiaomi Browser',
  'samsung-browser': 'Samsung Internet',
} as const satisfies Record<VersionedBrowser | MakerBrowser, string>;

export const latinMakerNames = {
  Apple: 'Apple',
  Huawei: 'Huawei',
  Honor: 'Honor',
  OPPO: 'OPPO',
  OnePlus: 'OnePlus',
  realme: 'realme',
  vivo: 'vivo',
  Xiaomi: 'Xiaomi',
  Meizu: 'Meizu',
  Samsung: 'Samsung',
  Nubia: 'nubia',
  ZTE: 'ZTE',
  Smartisan: 'Smartisan',
  Sony: 'Sony',
  Lenovo: 'Lenovo',
  Motorola: 'Motorola',
  Google: 'Google',
  Readboy: 'Readboy',
} as const satisfies Record<Exclude<Maker, 'other'>, string>;
