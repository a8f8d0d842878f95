import { androidUnlisted, desktop, harmonyOSNext, huaweiChromium, iosOther, otherPlatform } from './facts.js';
import type { Profile, Rule } from './types.js';

/** The seed table: Tencent Cloud FaceID web verification, international site. Ids start with `intl/`. */
const DOC = 'Tencent Cloud FaceID — Web verification (reflection-based liveness), compatibility (intl)';

export const iosSafari: Rule = {
  id: 'intl/ios-safari',
  kind: 'row',
  source: { doc: DOC, text: 'iOS | Safari | iOS 11.1.2+ and Safari 11+' },
  match: { os: ['iOS'], browser: ['safari'] },
  minimum: { osVersion: '11.1.2', browserVersion: '11' },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
  reason: 'Safari on iOS 11.1.2 or later supports reflection mode.',
};

export const iosWeChat: Rule = {
  id: 'intl/ios-wechat',
  kind: 'row',
  source: { doc: DOC, text: 'iOS | WeChat built-in browser | iOS 14.3+ and WeChat 6.5+' },
  match: { os: ['iOS'], browser: ['wechat'] },
  minimum: { osVersion: '14.3', browserVersion: '6.5' },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
  reason: 'WeChat 6.5 or later on iOS 14.3 or later supports reflection mode.',
};

export const iosChrome: Rule = {
  id: 'intl/ios-chrome',
  kind: 'row',
  source: { doc: DOC, text: 'iOS | Chrome | iOS 14.3+' },
  match: { os: ['iOS'], browser: ['chrome-ios'] },
  minimum: { osVersion: '14.3' },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
  reason: 'Chrome on iOS 14.3 or later supports reflection mode.',
};

export const androidWeChat: Rule = {
  id: 'intl/android-wechat',
  kind: 'row',
  source: { doc: DOC, text: 'Android | WeChat built-in browser | supported' },
  match: { os: ['Android'], browser: ['wechat'] },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
  reason: "WeChat's built-in browser on Android supports reflection mode.",
};

const VENDOR_ROW =
  "Android | phone makers' built-in browsers | Android 7+; Huawei, OPPO, vivo, MEIZU, Honor, Samsung: good (≈ 80 % supported); Xiaomi: average (≈ 30 %)";

export const androidVendorBrowser: Rule = {
  id: 'intl/android-vendor-browser',
  kind: 'row',
  source: { doc: DOC, text: VENDOR_ROW },
  match: {
    os: ['Android'],
    browser: ['huawei-browser', 'honor-browser', 'oppo-browser', 'vivo-browser', 'meizu-browser', 'samsung-browser'],
  },
  minimum: { osVersion: '7' },
  verdict: 'reflection',
  likelihood: 0.8,
  documentedLikelihood: true,
  reason: "The phone maker's built-in browser on Android 7 or later: about 80 % of these devices support reflection mode.",
};

export const androidXiaomiBrowser: Rule = {
  id: 'intl/android-xiaomi-browser',
  kind: 'row',
  source: { doc: DOC, text: VENDOR_ROW },
  match: { os: ['Android'], browser: ['miui-browser'] },
  minimum: { osVersion: '7' },
  verdict: 'undetermined',
  likelihood: 0.3,
  documentedLikelihood: true,
  reason: "Xiaomi's built-in browser: only about 30 % of these devices support reflection mode.",
};

const OTHER_ROW = 'Android | other browsers | Android 7+; Chrome supported; QQ Browser and UC Browser not supported';

export const androidQQUC: Rule = {
  id: 'intl/android-qq-uc',
  kind: 'row',
  source: { doc: DOC, text: OTHER_ROW },
  match: { os: ['Android'], browser: ['qq-browser', 'uc'] },
  verdict: 'video',
  likelihood: 0,
  documentedLikelihood: true,
  reason: 'QQ Browser and UC Browser on Android do not support reflection mode.',
};

export const androidChromeMakerHidden: Rule = {
  id: 'intl/android-chrome-maker-hidden',
  kind: 'row',
  source: { doc: DOC, text: `${OTHER_ROW} — and the note: Chrome on Huawei devices does not support real-time communication` },
  match: { os: ['Android'], browser: ['chrome-android'], vendor: ['unknown'] },
  minimum: { osVersion: '7' },
  verdict: 'undetermined',
  likelihood: 0.5,
  documentedLikelihood: false,
  reason: 'Chrome on Android is supported except on Huawei phones, and this user agent hides the phone maker.',
};

export const androidChrome: Rule = {
  id: 'intl/android-chrome',
  kind: 'row',
  source: { doc: DOC, text: OTHER_ROW },
  match: { os: ['Android'], browser: ['chrome-android'] },
  minimum: { osVersion: '7' },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
  reason: 'Chrome on Android 7 or later supports reflection mode.',
};

export const androidOther: Rule = {
  ...androidUnlisted,
  id: 'intl/android-other',
  kind: 'row',
  source: { doc: DOC, text: OTHER_ROW },
};

/**
 * FIRST MATCH WINS. Order and why:
 * 1. Facts that take whole platforms out of the table (desktop, HarmonyOS NEXT).
 * 2. iOS rows, most specific first; the iOS catch-all last (below 14.3 only Safari has a camera).
 * 3. Android rows that name a browser whose engine is not Chrome's (WeChat's XWEB, vendors' own
 *    browsers, QQ/UC) — before the Huawei note, which is about Chrome-based engines only.
 * 4. The Huawei note, then Chrome (maker hidden before maker known), then other Android browsers.
 * 5. A catch-all, so every environment gets a rule.
 */
export const intl: Profile = {
  id: 'intl',
  title: 'International (default)',
  doc: DOC,
  rules: [
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
  ],
};
