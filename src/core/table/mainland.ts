import { androidUnlisted, desktop, harmonyOSNext, huaweiChromium, iosOther, otherPlatform } from './facts.js';
import { androidVendorBrowser, androidXiaomiBrowser, iosSafari, iosWeChat } from './intl.js';
import type { Profile, Rule } from './types.js';

/** Tencent Cloud's mainland H5 face-verification table. Ids start with `mainland/`. */
const DOC = 'Tencent Cloud 人脸核身 — H5 face verification (mainland), compatibility';

const mainlandIosSafari: Rule = {
  ...iosSafari,
  id: 'mainland/ios-safari',
  source: { doc: DOC, text: 'iOS browser | Safari | iOS 11.1.2+ and Safari 11+' },
};

const mainlandIosWeChat: Rule = {
  ...iosWeChat,
  id: 'mainland/ios-wechat',
  source: { doc: DOC, text: 'iOS | WeChat official account | iOS 14.3+ and WeChat 6.5+' },
};

const APP_ROW =
  "iOS / Android app WebViews | iOS 14.3+ / Android 7+ with the app's compatibility setup (the app appends `;kyc/h5face;kyc/2.0` to its user agent)";

const iosAppWebView: Rule = {
  id: 'mainland/ios-app-webview',
  kind: 'row',
  source: { doc: DOC, text: APP_ROW },
  match: { os: ['iOS'], browser: ['kyc-app'] },
  minimum: { osVersion: '14.3' },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
  reason: "An app WebView set up for Tencent's face verification, on iOS 14.3 or later, supports reflection mode.",
};

const androidAppWebView: Rule = {
  ...iosAppWebView,
  id: 'mainland/android-app-webview',
  match: { os: ['Android'], browser: ['kyc-app'] },
  minimum: { osVersion: '7' },
  reason: "An app WebView set up for Tencent's face verification, on Android 7 or later, supports reflection mode.",
};

const androidWeChat: Rule = {
  id: 'mainland/android-wechat',
  kind: 'row',
  source: { doc: DOC, text: 'Android | WeChat official account | Android 7+ and WeChat 6.5+' },
  match: { os: ['Android'], browser: ['wechat'] },
  minimum: { osVersion: '7', browserVersion: '6.5' },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
  reason: 'WeChat 6.5 or later on Android 7 or later supports reflection mode.',
};

const VENDOR_ROW = 'Android | built-in browsers | Android 7+; good (≈ 80 %) / Xiaomi average (≈ 30 %), as in the intl table';

const mainlandVendorBrowser: Rule = {
  ...androidVendorBrowser,
  id: 'mainland/android-vendor-browser',
  source: { doc: DOC, text: VENDOR_ROW },
};

const mainlandXiaomiBrowser: Rule = {
  ...androidXiaomiBrowser,
  id: 'mainland/android-xiaomi-browser',
  source: { doc: DOC, text: VENDOR_ROW },
};

const QQ_ROW = 'Android | QQ Browser | Android 7+; QQ Browser supported; UC and Baidu browsers not supported';

const androidUCBaidu: Rule = {
  id: 'mainland/android-uc-baidu',
  kind: 'row',
  source: { doc: DOC, text: QQ_ROW },
  // The Baidu app (baiduboxapp) ships the same kernel as the Baidu browser.
  match: { os: ['Android'], browser: ['uc', 'baidu-browser', 'baidu-app'] },
  verdict: 'video',
  likelihood: 0,
  documentedLikelihood: true,
  reason: 'UC Browser and Baidu browsers on Android do not support reflection mode.',
};

const androidQQBrowser: Rule = {
  id: 'mainland/android-qq-browser',
  kind: 'row',
  source: { doc: DOC, text: QQ_ROW },
  match: { os: ['Android'], browser: ['qq-browser'] },
  minimum: { osVersion: '7' },
  verdict: 'reflection',
  likelihood: 1,
  documentedLikelihood: true,
  reason: 'QQ Browser on Android 7 or later supports reflection mode.',
};

/** First match wins; the order follows intl.ts (see the comment there), with the app rows first. */
export const mainland: Profile = {
  id: 'mainland',
  title: 'Mainland China',
  doc: DOC,
  rules: [
    desktop,
    harmonyOSNext,
    mainlandIosSafari,
    mainlandIosWeChat,
    iosAppWebView,
    iosOther,
    androidAppWebView,
    androidWeChat,
    mainlandVendorBrowser,
    mainlandXiaomiBrowser,
    androidUCBaidu,
    androidQQBrowser,
    huaweiChromium,
    androidUnlisted,
    otherPlatform,
  ],
};
