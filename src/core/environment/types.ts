/**
 * The closed vocabulary every rule reads. A user agent is parsed once into an {@link Environment};
 * the compatibility table and the decision never look at the raw string.
 */

export const operatingSystems = ['iOS', 'Android', 'HarmonyOS', 'macOS', 'Windows', 'Linux', 'ChromeOS', 'other', 'unknown'] as const;
export type OS = (typeof operatingSystems)[number];

export const deviceTypes = ['mobile', 'tablet', 'desktop', 'unknown'] as const;
export type DeviceType = (typeof deviceTypes)[number];

/** The apps whose WebView a page can run in; each is also its own browser family. */
export const inAppHosts = [
  'wechat',
  'wecom',
  'qq-app',
  'alipay',
  'dingtalk',
  'weibo',
  'douyin',
  'tiktok',
  'toutiao',
  'baidu-app',
  'kyc-app', // an app that appended `;kyc/h5face;kyc/2.0` (mainland "app WebView" row)
] as const;
export type InAppHost = (typeof inAppHosts)[number];

/**
 * What the user is actually in: the in-app host when there is one (WeChat, Alipay, …), otherwise
 * the browser. Suffixes split families whose support differs by platform (`chrome-ios` is WebKit).
 */
export const browserFamilies = [
  ...inAppHosts,
  // Android browsers
  'chrome-android',
  'webview-android',
  'edge-android',
  'firefox-android',
  'opera-android',
  'samsung-browser',
  'huawei-browser',
  'honor-browser',
  'oppo-browser',
  'vivo-browser',
  'meizu-browser',
  'miui-browser',
  'qq-browser',
  'uc',
  'quark',
  'baidu-browser',
  'sogou-browser',
  '360-browser',
  // iOS browsers
  'safari',
  'chrome-ios',
  'edge-ios',
  'firefox-ios',
  'webview-ios',
  // HarmonyOS NEXT
  'webview-arkweb',
  // desktop
  'chrome-desktop',
  'edge-desktop',
  'firefox-desktop',
  'safari-desktop',
  'other',
  'unknown',
] as const;
export type BrowserFamily = (typeof browserFamilies)[number];

/** Device makers the table or its notes name, plus the ones our model-code data recognises. */
export const makers = [
  'Apple',
  'Huawei',
  'Honor',
  'OPPO',
  'OnePlus',
  'realme',
  'vivo',
  'Xiaomi',
  'Meizu',
  'Samsung',
  'Nubia',
  'ZTE',
  'Smartisan',
  'Sony',
  'Lenovo',
  'Motorola',
  'Google',
  'Readboy',
  'other',
] as const;
export type Maker = (typeof makers)[number];

/**
 * The web engine inside the browser or app. It matters for one note of the table: Chrome and
 * Chrome-WebView-based browsers on Huawei devices lack H.264 for real-time communication, while
 * apps that ship their own Chromium fork (WeChat's XWEB, QQ's TBS, Alibaba's UWS, ByteDance's
 * TTWebView, vendors' own browsers) are not covered by that note.
 */
export const kernels = [
  'chromium', // Chrome itself, or a browser built on upstream Chromium (Edge, Opera)
  'system-webview', // Android System WebView (`; wv)` or `Version/4.0 Chrome/`)
  'xweb', // WeChat's own Chromium build
  'tbs', // Tencent Browser Service (X5), inside QQ / older WeChat
  'uws', // Alibaba's U4 / UWS (UC, Quark, Alipay, DingTalk)
  'tt-webview', // ByteDance
  'vendor', // a phone maker's own browser build
  'arkweb', // HarmonyOS NEXT
  'webkit',
  'gecko',
  'other',
  'unknown',
] as const;
export type Kernel = (typeof kernels)[number];

export interface EnvironmentFlags {
  /** Chrome's reduced UA (`Android 10; K`): OS version and model are placeholders. */
  reducedUA: boolean;
  /** A desktop-class Safari UA that iPadOS also sends; only `navigator.maxTouchPoints` can tell. */
  possibleIPad: boolean;
  /** iOS 26+ Safari keeps the OS token at 18.6/18.7; the version came from `Version/`. */
  frozenIOSVersion: boolean;
  /** The input was longer than the parser reads; only its head and tail were examined. */
  truncated: boolean;
  /** Values from UA Client Hints replaced the UA's placeholders. */
  clientHints: boolean;
  /**
   * An iOS browser or app that sends Safari's or Chrome's user agent with a token of its own added
   * (DuckDuckGo's `Ddg/`, Opera's `OPT/`, Yandex's `YaBrowser/`…): it is not Safari or Chrome.
   */
  disguised: boolean;
}

export interface Environment {
  os: OS;
  /** Dotted version, or null when the UA hides or lacks it. */
  osVersion: string | null;
  /** A lower bound known even when the version is hidden (a reduced Chrome UA implies Android 7+). */
  osVersionFloor: string | null;
  device: DeviceType;
  browser: BrowserFamily;
  browserVersion: string | null;
  /** The in-app host, when the page runs inside an app's WebView (also reflected in `browser`). */
  app: InAppHost | null;
  kernel: Kernel;
  vendor: Maker | null;
  model: string | null;
  flags: EnvironmentFlags;
}

/** The flags an {@link Environment} carries: every key of {@link EnvironmentFlags}, once. */
export const environmentFlags = [
  'reducedUA',
  'possibleIPad',
  'frozenIOSVersion',
  'truncated',
  'clientHints',
  'disguised',
] as const satisfies readonly (keyof EnvironmentFlags)[];
/** Compiles only when no flag of the interface is missing from the list. */
type ListsEveryFlag<Missing extends never> = Missing;
export type EnvironmentFlagsListed = ListsEveryFlag<Exclude<keyof EnvironmentFlags, (typeof environmentFlags)[number]>>;

/** The UA Client Hints high-entropy values the prediction can use (Chromium, secure pages only). */
export interface ClientHints {
  /** `Sec-CH-UA-Platform-Version`, e.g. "13.0.0" (Android) */
  platformVersion?: string | undefined;
  /** `Sec-CH-UA-Model`, e.g. "SM-S911B" */
  model?: string | undefined;
  /** `Sec-CH-UA-Full-Version-List` as `navigator.userAgentData` returns it */
  fullVersionList?: ReadonlyArray<{ brand: string; version: string }> | undefined;
  /** `Sec-CH-UA-Platform`, e.g. "Android" */
  platform?: string | undefined;
  mobile?: boolean | undefined;
}
