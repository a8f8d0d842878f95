import type { RuleId } from './profiles.js';
import type { ProfileId } from './types.js';

/**
 * Where each rule comes from, with the text it encodes (verbatim for rows and notes), keyed by
 * rule id: one hop from a prediction's `rule`. Node, the CLI, the demo and the tests import this
 * module; the element does not, so the browser never downloads text it never shows.
 */
export interface RuleSource {
  readonly doc: string;
  readonly text: string;
}

const INTL_DOC = 'Tencent Cloud FaceID — Web verification (reflection-based liveness), compatibility (intl)';
const MAINLAND_DOC = 'Tencent Cloud 人脸核身 — H5 face verification (mainland), compatibility';
const SPEC = 'faceid-preflight product spec §3 (facts the tables leave out)';

/** The doc each profile encodes. */
export const profileDocs: Readonly<Record<ProfileId, string>> = { intl: INTL_DOC, mainland: MAINLAND_DOC };

const INTL_VENDOR_ROW =
  "Android | phone makers' built-in browsers | Android 7+; Huawei, OPPO, vivo, MEIZU, Honor, Samsung: good (≈ 80 % supported); Xiaomi: average (≈ 30 %)";
const INTL_OTHER_ROW = 'Android | other browsers | Android 7+; Chrome supported; QQ Browser and UC Browser not supported';
const MAINLAND_APP_ROW =
  "iOS / Android app WebViews | iOS 14.3+ / Android 7+ with the app's compatibility setup (the app appends `;kyc/h5face;kyc/2.0` to its user agent)";
const MAINLAND_VENDOR_ROW = 'Android | built-in browsers | Android 7+; good (≈ 80 %) / Xiaomi average (≈ 30 %), as in the intl table';
const MAINLAND_QQ_ROW = 'Android | QQ Browser | Android 7+; QQ Browser supported; UC and Baidu browsers not supported';

export const ruleSources = {
  'fact/no-user-agent': { doc: SPEC, text: 'Bad input gets a clear error and loses nothing.' },
  'fact/desktop': { doc: SPEC, text: 'Desktops are not in the table (it lists iOS and Android only).' },
  'fact/harmonyos-next': { doc: SPEC, text: '`OpenHarmony x` (HarmonyOS NEXT) is its own OS; the table predates it.' },
  'fact/ios-unlisted': {
    doc: SPEC,
    text: 'On iOS before 14.3 no browser but Safari has camera access (WKWebView gained getUserMedia in 14.3); other iOS browsers are not listed.',
  },
  'fact/huawei-chromium': {
    doc: INTL_DOC,
    text: 'Chrome and Chrome-WebView-based browsers on Huawei devices do not support real-time communication (H.264 licensing).',
  },
  'fact/android-unlisted': {
    doc: SPEC,
    text: 'Browsers the table does not list on Android 7+: undetermined. Every Android row requires Android 7+.',
  },
  'fact/other-platform': { doc: SPEC, text: 'Anything the table does not settle is undetermined, never a silent "no".' },

  'intl/ios-safari': { doc: INTL_DOC, text: 'iOS | Safari | iOS 11.1.2+ and Safari 11+' },
  'intl/ios-wechat': { doc: INTL_DOC, text: 'iOS | WeChat built-in browser | iOS 14.3+ and WeChat 6.5+' },
  'intl/ios-chrome': { doc: INTL_DOC, text: 'iOS | Chrome | iOS 14.3+' },
  'intl/android-wechat': { doc: INTL_DOC, text: 'Android | WeChat built-in browser | supported' },
  'intl/android-vendor-browser': { doc: INTL_DOC, text: INTL_VENDOR_ROW },
  'intl/android-xiaomi-browser': { doc: INTL_DOC, text: INTL_VENDOR_ROW },
  'intl/android-qq-uc': { doc: INTL_DOC, text: INTL_OTHER_ROW },
  'intl/android-chrome-maker-hidden': {
    doc: INTL_DOC,
    text: `${INTL_OTHER_ROW} — and the note: Chrome on Huawei devices does not support real-time communication`,
  },
  'intl/android-chrome': { doc: INTL_DOC, text: INTL_OTHER_ROW },
  'intl/android-other': { doc: INTL_DOC, text: INTL_OTHER_ROW },

  'mainland/ios-safari': { doc: MAINLAND_DOC, text: 'iOS browser | Safari | iOS 11.1.2+ and Safari 11+' },
  'mainland/ios-wechat': { doc: MAINLAND_DOC, text: 'iOS | WeChat official account | iOS 14.3+ and WeChat 6.5+' },
  'mainland/ios-app-webview': { doc: MAINLAND_DOC, text: MAINLAND_APP_ROW },
  'mainland/android-app-webview': { doc: MAINLAND_DOC, text: MAINLAND_APP_ROW },
  'mainland/android-wechat': { doc: MAINLAND_DOC, text: 'Android | WeChat official account | Android 7+ and WeChat 6.5+' },
  'mainland/android-vendor-browser': { doc: MAINLAND_DOC, text: MAINLAND_VENDOR_ROW },
  'mainland/android-xiaomi-browser': { doc: MAINLAND_DOC, text: MAINLAND_VENDOR_ROW },
  'mainland/android-uc-baidu': { doc: MAINLAND_DOC, text: MAINLAND_QQ_ROW },
  'mainland/android-qq-browser': { doc: MAINLAND_DOC, text: MAINLAND_QQ_ROW },
} as const satisfies Record<RuleId, RuleSource>;

/** The source of a rule id, or undefined for an id no table holds. */
export function sourceOf(id: string): RuleSource | undefined {
  return Object.prototype.hasOwnProperty.call(ruleSources, id) ? ruleSources[id as RuleId] : undefined;
}
