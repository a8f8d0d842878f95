import type { MakerBrowser } from '../../core/environment/built-in-browsers.js';
import type { Maker, OS } from '../../core/environment/types.js';
import type { ModeAsyncProbe, ReflectionProbe } from '../../core/probe-report.js';
import type { ReasonCode } from '../../core/reasons.js';
import type { RuleId, VersionedBrowser } from '../../core/table/profiles.js';
import { latinBrowserNames, latinMakerNames, latinOSNames } from './latin-names.js';

/**
 * The English words for every reason code and every rule: the source every other language must
 * satisfy ({@link ReasonWords}), so a missing translation, a new reason code or a new rule without
 * words fails to compile. Pure data: a parameterised message is a function of display strings
 * only, taken in order, so that a language file can ship as JSON (the CDN build stores each one as
 * its template parts). Developers' probe diagnostics are not here: they stay English, beside the reasons.
 */

const UNLISTED_IOS = 'This iOS browser or app is not in the table; the runtime checks decide.';
const UNLISTED_ANDROID = 'This Android browser or app is not in the table; the runtime checks decide.';
const IOS_SAFARI = 'Safari on iOS 11.1.2 or later supports reflection mode.';
const IOS_WECHAT = 'WeChat 6.5 or later on iOS 14.3 or later supports reflection mode.';
const VENDOR_BROWSER = "The phone maker's built-in browser on Android 7 or later: about 80 % of these devices support reflection mode.";
const XIAOMI_BROWSER = "Xiaomi's built-in browser: only about 30 % of these devices support reflection mode.";

/** Each rule's verdict, in plain words, keyed by rule id. */
const rules = {
  'fact/no-user-agent': 'No user agent to read (not a string, or empty); the runtime checks decide.',
  'fact/desktop': 'A desktop browser: the table covers phones only, so the runtime checks decide.',
  'fact/harmonyos-next': 'HarmonyOS NEXT is not in the table; the runtime checks decide.',
  'fact/ios-unlisted': UNLISTED_IOS,
  'fact/huawei-chromium': 'Chrome and Chrome-based browsers on Huawei phones cannot use H.264 for real-time video.',
  'fact/android-unlisted': UNLISTED_ANDROID,
  'fact/other-platform': 'The table does not cover this platform; the runtime checks decide.',
  'intl/ios-safari': IOS_SAFARI,
  'intl/ios-wechat': IOS_WECHAT,
  'intl/ios-chrome': 'Chrome on iOS 14.3 or later supports reflection mode.',
  'intl/android-wechat': "WeChat's built-in browser on Android supports reflection mode.",
  'intl/android-vendor-browser': VENDOR_BROWSER,
  'intl/android-xiaomi-browser': XIAOMI_BROWSER,
  'intl/android-qq-uc': 'QQ Browser and UC Browser on Android do not support reflection mode.',
  'intl/android-chrome-maker-hidden': 'Chrome on Android is supported except on Huawei phones, and this user agent hides the phone maker.',
  'intl/android-chrome': 'Chrome on Android 7 or later supports reflection mode.',
  'intl/android-other': UNLISTED_ANDROID,
  'mainland/ios-safari': IOS_SAFARI,
  'mainland/ios-wechat': IOS_WECHAT,
  'mainland/ios-app-webview': "An app WebView set up for Tencent's face verification, on iOS 14.3 or later, supports reflection mode.",
  'mainland/android-app-webview': "An app WebView set up for Tencent's face verification, on Android 7 or later, supports reflection mode.",
  'mainland/android-wechat': 'WeChat 6.5 or later on Android 7 or later supports reflection mode.',
  'mainland/android-vendor-browser': VENDOR_BROWSER,
  'mainland/android-xiaomi-browser': XIAOMI_BROWSER,
  'mainland/android-uc-baidu': 'UC Browser and Baidu browsers on Android do not support reflection mode.',
  'mainland/android-qq-browser': 'QQ Browser on Android 7 or later supports reflection mode.',
} satisfies Record<RuleId, string>;

/** How a sentence names an OS whose version a minimum is about. */
const osNames = {
  ...latinOSNames,
  other: 'the OS',
  unknown: 'the OS',
} satisfies Record<OS, string>;

/** How a sentence names the browsers a reason can name: those with a version minimum, and the makers' own. */
const browserNames = {
  ...latinBrowserNames,
} satisfies Record<VersionedBrowser | MakerBrowser, string>;

/** How a sentence names a phone's maker ("this phone is made by …"). */
const makerNames = {
  ...latinMakerNames,
  other: 'another maker',
} satisfies Record<Maker, string>;

const probeFailed = {
  secureContext: 'The page is not a secure context (HTTPS), so the camera cannot be used.',
  getUserMedia: 'This browser has no camera API (getUserMedia).',
  cameraPolicy: "The embedding page's permissions policy blocks the camera.",
  peerConnection: 'This browser has no real-time communication (RTCPeerConnection).',
  h264: 'This browser cannot send H.264 video for real-time communication.',
} satisfies Record<ReflectionProbe, string>;

/** A probe that did not answer before the deadline, and what decided instead. */
const probeUnanswered = {
  h264: 'The browser did not answer in time whether it can send H.264 video; the table and the other checks decided.',
  clientHints: 'The browser did not give its Client Hints in time; only its user agent was read.',
} satisfies Record<ModeAsyncProbe, string>;

/** A reflection probe the browser could not answer (the check itself is missing): it does not count against reflection. */
const probeUnknown = {
  secureContext: 'This browser does not say whether the page is a secure context (HTTPS); that does not rule reflection mode out.',
  getUserMedia: 'Whether this browser has a camera API could not be checked; that does not rule reflection mode out.',
  cameraPolicy:
    "This browser cannot report whether the page's permissions policy allows the camera; that does not rule reflection mode out.",
  peerConnection:
    'Whether this browser has real-time communication (RTCPeerConnection) could not be checked; that does not rule reflection mode out.',
  h264: 'This browser could not say whether it can send H.264 video; that does not rule reflection mode out.',
} satisfies Record<ReflectionProbe, string>;

/** The words of every reason code but `rule` (whose words are {@link rules}, by rule id). */
const reasons = {
  'below-minimum': (what: string, minimum: string, actual: string) => `${what} ${minimum} or later is required; this is ${what} ${actual}.`,
  'version-hidden': (what: string, minimum: string) =>
    `${what} ${minimum} or later is required, and this user agent does not show its version.`,
  'possible-ipad': 'This may be an iPad asking for desktop sites; in the browser, touch support settles it.',
  'ipados-by-touch': 'A desktop-class Safari user agent with touch support: treated as iPadOS.',
  'reduced-ua': 'Chrome reduces its user agent (Android version and phone model hidden); Client Hints can reveal them.',
  'client-hints': 'Android version and phone model come from UA Client Hints.',
  'frozen-ios-version': (osVersion: string) =>
    `Safari freezes the iOS version in its user agent; iOS ${osVersion} was read from Safari's own version.`,
  'truncated-ua': 'The user agent was unusually long; only its start and end were read.',
  'not-makers-phone': (browser: string, maker: string) =>
    `${browser} counts as a built-in browser only on its own maker's phones; this phone is made by ${maker}.`,
  'maker-hidden-for-browser': (browser: string) =>
    `${browser} counts as a built-in browser only on its own maker's phones, and this user agent hides the phone's maker.`,
  'disguised-browser': "This browser sends Safari's or Chrome's user agent with a name of its own added: it is another browser or app.",
  'probe-failed': probeFailed,
  'probes-settled': 'Every runtime check for reflection mode passed; the table alone could not decide.',
  'probe-unanswered': probeUnanswered,
  'probe-unknown': probeUnknown,
} satisfies Record<Exclude<ReasonCode, 'rule'>, unknown>;

export const englishReasonWords = { rules, osNames, browserNames, makerNames, reasons };

/** A value's shape with its literal strings widened: what a translation of it must provide. */
type Words<T> = T extends (...args: infer A) => string
  ? (...args: A) => string
  : T extends string
    ? string
    : { readonly [K in keyof T]: Words<T[K]> };

/** The reason words every language provides: the type of the English ones, widened. */
export type ReasonWords = Words<typeof englishReasonWords>;

export default englishReasonWords satisfies ReasonWords;
