import { androidUnlisted, desktop, harmonyOSNext, huaweiChromium, iosOther, otherPlatform } from './facts.js';
import type { Profile, Rule } from './types.js';

/**
 * Tencent Cloud's mainland H5 face-verification table. Ids start with `mainland/`. Every row is
 * its own record, written out even where it reads like an intl row: editing the intl table never
 * changes this one (the `rows-stand-alone` check fails on a shared record or a spread one).
 */

const iosSafari = {
  id: 'mainland/ios-safari',
  kind: 'row',
  match: { os: ['iOS'], browser: ['safari'] },
  minimum: { osVersion: '11.1.2', browserVersion: '11' },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
} as const satisfies Rule;

const iosWeChat = {
  id: 'mainland/ios-wechat',
  kind: 'row',
  match: { os: ['iOS'], browser: ['wechat'] },
  minimum: { osVersion: '14.3', browserVersion: '6.5' },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
} as const satisfies Rule;

const iosAppWebView = {
  id: 'mainland/ios-app-webview',
  kind: 'row',
  match: { os: ['iOS'], browser: ['kyc-app'] },
  minimum: { osVersion: '14.3' },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
} as const satisfies Rule;

const androidAppWebView = {
  id: 'mainland/android-app-webview',
  kind: 'row',
  match: { os: ['Android'], browser: ['kyc-app'] },
  minimum: { osVersion: '7' },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
} as const satisfies Rule;

const androidWeChat = {
  id: 'mainland/android-wechat',
  kind: 'row',
  match: { os: ['Android'], browser: ['wechat'] },
  minimum: { osVersion: '7', browserVersion: '6.5' },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
} as const satisfies Rule;

const androidVendorBrowser = {
  id: 'mainland/android-vendor-browser',
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

const androidXiaomiBrowser = {
  id: 'mainland/android-xiaomi-browser',
  kind: 'row',
  match: { os: ['Android'], browser: ['miui-browser'], builtInBrowser: true },
  minimum: { osVersion: '7' },
  verdict: 'undetermined',
  likelihood: 0.3,
  documentedLikelihood: true,
} as const satisfies Rule;

const androidUCBaidu = {
  id: 'mainland/android-uc-baidu',
  kind: 'row',
  // The Baidu app (baiduboxapp) ships the same kernel as the Baidu browser.
  match: { os: ['Android'], browser: ['uc', 'baidu-browser', 'baidu-app'] },
  verdict: 'video',
  likelihood: 0,
  documentedLikelihood: true,
} as const satisfies Rule;

const androidQQBrowser = {
  id: 'mainland/android-qq-browser',
  kind: 'row',
  match: { os: ['Android'], browser: ['qq-browser'] },
  minimum: { osVersion: '7' },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
} as const satisfies Rule;

/** First match wins; the order follows intl.ts (see the comment there), with the app rows first. */
export const mainlandRules = [
  desktop,
  harmonyOSNext,
  iosSafari,
  iosWeChat,
  iosAppWebView,
  iosOther,
  androidAppWebView,
  androidWeChat,
  androidVendorBrowser,
  androidXiaomiBrowser,
  androidUCBaidu,
  androidQQBrowser,
  huaweiChromium,
  androidUnlisted,
  otherPlatform,
] as const;

export const mainland: Profile = { id: 'mainland', title: 'Mainland China', rules: mainlandRules };
