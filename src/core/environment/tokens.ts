import type { BrowserFamily, Kernel, OS } from './types.js';

/** Which side of a family split a UA is on; decided from the OS before the tokens are read. */
export type PlatformClass = 'android' | 'ios' | 'harmony' | 'desktop' | 'other';

/**
 * A token that names the browser or the in-app host. `family` is either one family or one per
 * platform (Chrome on iOS is WebKit, on Android it is Chromium: different rows of the table).
 */
export interface BrowserToken {
  family: BrowserFamily | Partial<Record<PlatformClass, BrowserFamily>>;
  /** Linear-time pattern; group 1, when present, is the version. */
  pattern: RegExp;
  /** Where the version is when the identifying token carries none (group 1). */
  version?: RegExp;
  /** The engine this token implies, when the token alone says it (e.g. UC → UWS). */
  kernel?: Kernel;
}

/**
 * FIRST MATCH WINS, and the order is the whole point (bowser's parser warns the same way):
 * in-app hosts carry their WebView's tokens and often a browser's too, so
 * - WeCom before WeChat: WeCom also sends `MicroMessenger/…`;
 * - every Tencent app before QQ Browser: `MQQBrowser/6.2 TBS/…` is the X5 kernel inside WeChat,
 *   the QQ app and WeCom, not the QQ Browser;
 * - the QQ app (`QQ/x.y`) is not the QQ Browser, which ua-parser-js 1.x calls them both;
 * - Alibaba, ByteDance and Baidu apps before UC (their kernels send `UWS/`, `UCBS/`);
 * - vendors' and third-party browsers before Edge/Firefox/Opera, and those before Chrome and
 *   Safari, whose tokens nearly every other browser repeats.
 * Patterns run on a bounded string (see parse.ts) and have no ambiguous nested quantifiers (the one
 * nested group, MQQBrowser's `\d+(?:\.\d+)*`, cannot match the same text two ways).
 */
export const browserTokens: readonly BrowserToken[] = [
  { family: 'wecom', pattern: /\bwxwork\/(\d[\d.]*)/i },
  { family: 'kyc-app', pattern: /;\s?kyc\/h5face/i },
  { family: 'wechat', pattern: /\bMicroMessenger\/(\d[\d.]*)/i },
  { family: 'wechat', pattern: /\b(?:MacWechat|WindowsWechat)\b/i },
  { family: 'qq-app', pattern: /(?:^|[\s;])QQ\/(\d[\d.]*)/, kernel: 'tbs' },
  { family: 'alipay', pattern: /\bAlipayClient\/(\d[\d.]*)/i },
  { family: 'alipay', pattern: /\bAliApp\(AP\/(\d[\d.]*)/i },
  { family: 'dingtalk', pattern: /\bAliApp\(DingTalk\/(\d[\d.]*)/i },
  { family: 'dingtalk', pattern: /\bDingTalk\/(\d[\d.]*)/i },
  { family: 'weibo', pattern: /__weibo__(\d[\d.]*)/i },
  { family: 'weibo', pattern: /\bWeibo(?:lite)?(?:iOS|\b)/i },
  { family: 'tiktok', pattern: /\bmusical_ly_(\d[\d.]*)/i },
  { family: 'tiktok', pattern: /\btrill_(\d[\d.]*)/i },
  { family: 'douyin', pattern: /\baweme(?:_lite)?[_/](\d[\d.]*)/i },
  { family: 'toutiao', pattern: /\bNewsArticle\/(\d[\d.]*)/ },
  { family: 'baidu-app', pattern: /\bbaiduboxapp\/(\d[\d.]*)/i },
  { family: 'quark', pattern: /\bQuark\/(\d[\d.]*)/i, kernel: 'uws' },
  { family: 'uc', pattern: /\bUC ?Browser\/(\d[\d.]*)/i, kernel: 'uws' },
  { family: 'uc', pattern: /\bUCWEB\/?(\d[\d.]*)?/i, kernel: 'uws' },
  // `(?![\d.]|\s+TBS\/)`: the X5 kernel token inside other apps, not the browser (see above).
  { family: 'qq-browser', pattern: /\bMQQBrowser\/(\d+(?:\.\d+)*)(?![\d.]|\s+TBS\/)/i, kernel: 'tbs' },
  { family: 'baidu-browser', pattern: /\b(?:baidubrowser|bdbrowser(?:_i18n)?)\/(\d[\d.]*)/i },
  { family: 'sogou-browser', pattern: /\bSogouMobileBrowser\/(\d[\d.]*)/i },
  { family: '360-browser', pattern: /\b360 ?(?:SE|EE|Browser|Aphone)\b\/?(\d[\d.]*)?/i },
  { family: 'huawei-browser', pattern: /\bHuaweiBrowser\/(\d[\d.]*)/i, kernel: 'vendor' },
  { family: 'honor-browser', pattern: /\bHONOR ?Browser\/(\d[\d.]*)/i, kernel: 'vendor' },
  { family: 'oppo-browser', pattern: /\b(?:HeyTapBrowser|OppoBrowser)\/(\d[\d.]*)/i, kernel: 'vendor' },
  { family: 'vivo-browser', pattern: /\bVivoBrowser\/(\d[\d.]*)/i, kernel: 'vendor' },
  { family: 'meizu-browser', pattern: /\bMZBrowser\/(\d[\d.]*(?:-\d+)?)/i, kernel: 'vendor' },
  { family: 'miui-browser', pattern: /\bMiuiBrowser\/(\d[\d.]*)/i, kernel: 'vendor' },
  { family: 'samsung-browser', pattern: /\bSamsungBrowser\/(\d[\d.]*)/i, kernel: 'vendor' },
  { family: { android: 'edge-android', other: 'edge-android' }, pattern: /\bEdgA\/(\d[\d.]*)/, kernel: 'chromium' },
  { family: 'edge-ios', pattern: /\bEdgiOS\/(\d[\d.]*)/ },
  { family: { desktop: 'edge-desktop' }, pattern: /\bEdge?\/(\d[\d.]*)/ },
  { family: 'firefox-ios', pattern: /\bFxiOS\/(\d[\d.]*)/ },
  {
    family: { android: 'firefox-android', desktop: 'firefox-desktop', other: 'firefox-android' },
    pattern: /\bFirefox\/(\d[\d.]*)/,
    kernel: 'gecko',
  },
  { family: { android: 'opera-android' }, pattern: /\bOPR\/(\d[\d.]*)/, kernel: 'chromium' },
  { family: 'chrome-ios', pattern: /\bCriOS\/(\d[\d.]*)/ },
  // Android System WebView: `; wv)` (Android 5+) or the older `Version/4.0 Chrome/…` shape.
  { family: { android: 'webview-android' }, pattern: /; wv\)/, version: /\bChrome\/(\d[\d.]*)/, kernel: 'system-webview' },
  { family: { android: 'webview-android' }, pattern: /\bVersion\/\d[\d.]* Chrome\/(\d[\d.]*)/, kernel: 'system-webview' },
  { family: { harmony: 'webview-arkweb' }, pattern: /\bArkWeb\/(\d[\d.]*)/, kernel: 'arkweb' },
  {
    family: { android: 'chrome-android', desktop: 'chrome-desktop', other: 'chrome-android' },
    pattern: /\b(?:Headless)?Chrome\/(\d[\d.]*)/, // HeadlessChrome: QA's automated runs
    kernel: 'chromium',
  },
  { family: { ios: 'safari', desktop: 'safari-desktop' }, pattern: /\bVersion\/(\d[\d.]*)(?: Mobile\/\w+)? Safari\//, kernel: 'webkit' },
];

/**
 * Operating systems ua-parser-js 1.x gets wrong, checked before it is asked. First match wins.
 * - HarmonyOS NEXT (`OpenHarmony 5.0`) is its own OS even when an `Android 12` token follows.
 * - KaiOS says `Android;` without a version; it is a feature-phone OS, not Android.
 */
export const osTokens: ReadonlyArray<{ os: OS; pattern: RegExp }> = [
  { os: 'HarmonyOS', pattern: /\bOpenHarmony ?(\d[\d.]*)?/ },
  { os: 'other', pattern: /\bKAIOS\/?(\d[\d.]*)?/i },
];

/**
 * The whole user agent Safari and Chrome on iOS send, and nothing more. Other iOS browsers and
 * apps reuse these user agents and add a token of their own — DuckDuckGo `… Safari/604.1 Ddg/17.5`,
 * Opera `… Safari/604.1 OPT/3.3.3`, Yandex `CriOS/… YaBrowser/…`, Google's app `GSA/…`, apps' in-app
 * views `… Line/13.1` — so a Safari or CriOS token that is not in exactly this shape is another
 * browser or app (Brave and others that send Safari's UA unchanged cannot be told apart). Linear:
 * `[^()]` cannot cross the parenthesis that follows it.
 */
export const genuineIOSUserAgents = {
  safari:
    /^Mozilla\/5\.0 \((?:iPhone|iPad|iPod|iPod touch); [^()]{1,200}\) AppleWebKit\/[\d.]{1,20}\+? \(KHTML, like Gecko\) Version\/[\d.]{1,20}(?: Mobile\/\w{1,20})? Safari\/[\d.]{1,20}$/,
  'chrome-ios':
    /^Mozilla\/5\.0 \((?:iPhone|iPad|iPod|iPod touch); [^()]{1,200}\) AppleWebKit\/[\d.]{1,20} \(KHTML, like Gecko\) CriOS\/[\d.]{1,20} Mobile\/\w{1,20} Safari\/[\d.]{1,20}$/,
  // iPadOS Safari asking for desktop sites sends exactly Safari's Mac user agent.
  'safari-desktop':
    /^Mozilla\/5\.0 \(Macintosh; Intel Mac OS X 10[_.]15(?:[_.]\d{1,2})?\) AppleWebKit\/[\d.]{1,20} \(KHTML, like Gecko\) Version\/[\d.]{1,20} Safari\/[\d.]{1,20}$/,
} as const satisfies Partial<Record<BrowserFamily, RegExp>>;
