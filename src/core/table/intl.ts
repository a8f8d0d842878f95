import { desktop, harmonyOSNext, huaweiChromium, iosOther, otherPlatform } from './facts.js';
import type { Profile, Rule } from './types.js';

/**
 * The seed table: Tencent Cloud FaceID web verification, international site. Ids start with
 * `intl/`. Each row is written out in full: the mainland table's rows are records of their own.
 */

export const iosSafari = {
  id: 'intl/ios-safari',
  kind: 'row',
  match: { os: ['iOS'], browser: ['safari'] },
  minimum: { osVersion: '11.1.2', browserVersion: '11' },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
} as const satisfies Rule;

export const iosWeChat = {
  id: 'intl/ios-wechat',
  kind: 'row',
  match: { os: ['iOS'], browser: ['wechat'] },
  minimum: { osVersion: '14.3', browserVersion: '6.5' },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
} as const satisfies Rule;

export const iosChrome = {
  id: 'intl/ios-chrome',
  kind: 'row',
  match: { os: ['iOS'], browser: ['chrome-ios'] },
  minimum: { osVersion: '14.3' },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
} as const satisfies Rule;

export const androidWeChat = {
  id: 'intl/android-wechat',
  kind: 'row',
  match: { os: ['Android'], browser: ['wechat'] },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
} as const satisfies Rule;

export const androidVendorBrowser = {
  id: 'intl/android-vendor-browser',
  kind: 'row',
  match: {
    os: ['Android'],
    browser: ['huawei-browser', 'honor-browser', 'oppo-browser', 'vivo-browser', 'meizu-browser', 'samsung-browser'],
    builtInBrowser: true,
  },
  minimum: { osVersion: '7' },
  verdict: 'reflection',
  likelihood: 0.8,
  documentedLikelihood: true,
} as const satisfies Rule;

export const androidXiaomiBrowser = {
  id: 'intl/android-xiaomi-browser',
  kind: 'row',
  match: { os: ['Android'], browser: ['miui-browser'], builtInBrowser: true },
  minimum: { osVersion: '7' },
  verdict: 'undetermined',
  likelihood: 0.3,
  documentedLikelihood: true,
} as const satisfies Rule;

export const androidQQUC = {
  id: 'intl/android-qq-uc',
  kind: 'row',
  match: { os: ['Android'], browser: ['qq-browser', 'uc'] },
  verdict: 'video',
  likelihood: 0,
  documentedLikelihood: true,
} as const satisfies Rule;

export const androidChromeMakerHidden = {
  id: 'intl/android-chrome-maker-hidden',
  kind: 'row',
  match: { os: ['Android'], browser: ['chrome-android'], vendor: ['unknown'] },
  minimum: { osVersion: '7' },
  verdict: 'undetermined',
  likelihood: 0.5,
  documentedLikelihood: false,
} as const satisfies Rule;

export const androidChrome = {
  id: 'intl/android-chrome',
  kind: 'row',
  match: { os: ['Android'], browser: ['chrome-android'] },
  minimum: { osVersion: '7' },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
} as const satisfies Rule;

export const androidOther = {
  id: 'intl/android-other',
  kind: 'row',
  match: { os: ['Android'] },
  minimum: { osVersion: '7' },
  verdict: 'undetermined',
  likelihood: 0.5,
  documentedLikelihood: false,
} as const satisfies Rule;

/**
 * FIRST MATCH WINS. Order and why:
 * 1. Facts that take whole platforms out of the table (desktop, HarmonyOS NEXT).
 * 2. iOS rows, most specific first; the iOS catch-all last (below 14.3 only Safari has a camera).
 * 3. Android rows that name a browser whose engine is not Chrome's (WeChat's XWEB, vendors' own
 *    browsers on their own phones, QQ/UC) — before the Huawei note, which is about Chrome-based
 *    engines only.
 * 4. The Huawei note, then Chrome (maker hidden before maker known), then other Android browsers.
 * 5. A catch-all, so every environment gets a rule.
 */
export const intlRules = [
  desktop,
  harmonyOSNext,
  iosSafari,
  iosWeChat,
  iosChrome,
  iosOther,
  androidWeChat,
  androidVendorBrowser,
  androidXiaomiBrowser,
  androidQQUC,
  huaweiChromium,
  androidChromeMakerHidden,
  androidChrome,
  androidOther,
  otherPlatform,
] as const;

export const intl: Profile = { id: 'intl', title: 'International (default)', rules: intlRules };
