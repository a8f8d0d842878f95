import UAParser from 'ua-parser-js';
import { cleanVersion, compareVersions, majorVersion } from '../version.js';
import { browserTokens, genuineIOSUserAgents, osTokens, type PlatformClass } from './tokens.js';
import { androidModelToken, makerFromBuildTag, makerFromModelCode, makerFromUAParserVendor } from './makers.js';
import {
  inAppHosts,
  type BrowserFamily,
  type ClientHints,
  type DeviceType,
  type Environment,
  type InAppHost,
  type Kernel,
  type OS,
} from './types.js';

/** What the rest of the engine needs besides the UA: evidence only a browser can give. */
export interface PlatformEvidence {
  clientHints?: ClientHints | undefined;
  /** `navigator.maxTouchPoints`: tells iPadOS from a Mac when the UA is desktop-class. */
  maxTouchPoints?: number | undefined;
}

/**
 * Real UAs stay under ~600 characters (Alipay's reach ~480 with the app token last). Longer input is
 * cut to its head (OS, device) and tail (app tokens), so every pattern runs on a bounded string.
 */
const HEAD = 640;
const TAIL = 640;

const inAppHostSet: ReadonlySet<BrowserFamily> = new Set<BrowserFamily>(inAppHosts);

// One parser instance for this module, reused by setUA: building a parser (and its closures) per UA
// costs on the hot path, and the engine is synchronous, so no two parses interleave. Built from a
// placeholder UA, never from none: ua-parser-js would otherwise read navigator.userAgent and,
// for that UA, fall back to navigator's Client Hints and touch points — a global read the engine
// must not make (every UA parsed later would inherit it).
const parser = new UAParser(' ');

/** What ua-parser-js says of a device, when it is asked (not for desktops: see parseUserAgent). */
type UADevice = { vendor?: string | undefined; model?: string | undefined; type?: string | undefined };
const NO_DEVICE: UADevice = {};

export function emptyEnvironment(): Environment {
  return {
    os: 'unknown',
    osVersion: null,
    osVersionFloor: null,
    device: 'unknown',
    browser: 'unknown',
    browserVersion: null,
    app: null,
    kernel: 'unknown',
    vendor: null,
    model: null,
    flags: { reducedUA: false, possibleIPad: false, frozenIOSVersion: false, truncated: false, clientHints: false, disguised: false },
  };
}

/**
 * Parses a user agent once into an {@link Environment}. Never throws: anything that is not a
 * non-empty string gives the empty environment. Pure: reads no global.
 */
export function parseUserAgent(userAgent: unknown, evidence: PlatformEvidence = {}): Environment {
  const env = emptyEnvironment();
  if (typeof userAgent !== 'string') return env;
  const ua = boundedUserAgent(userAgent);
  if (ua === '') return env;
  env.flags.truncated = userAgent.length > HEAD + TAIL; // (trimmed whitespace is not a cut)

  parser.setUA(ua);
  // Only the getters the decision needs: the OS (unless our own OS tokens settle it), and the device
  // list only off the desktop — a desktop UA would run through every phone pattern for nothing.
  const override = readOSToken(ua);
  const os = override ? null : parser.getOS();
  env.os = override ? override.os : osFromUAParser(os?.name);
  env.osVersion = cleanVersion(override ? override.version : os?.version);

  const platform = platformClass(env.os);
  // A reduced Android UA (`Android 10; K`) names no device: ua-parser-js would run its whole device
  // list to say what Chrome's own convention says (`Mobile` for phones, none for tablets).
  const reduced = platform === 'android' && REDUCED_ANDROID.test(ua);
  const device: UADevice =
    platform === 'desktop' ? NO_DEVICE : reduced ? { type: /\bMobile\b/.test(ua) ? 'mobile' : 'tablet' } : parser.getDevice();
  env.device = deviceType(env.os, device.type);
  readBrowser(ua, platform, env);
  env.app = inAppHostSet.has(env.browser) ? (env.browser as InAppHost) : null;
  env.kernel = kernelOf(ua, platform, env.kernel);

  if (platform === 'android') readAndroidDevice(ua, reduced, device, env);
  else if (platform === 'ios' || env.os === 'macOS') {
    env.vendor = 'Apple';
    env.model = device.model ?? null;
  } else if (platform === 'harmony') env.vendor = 'Huawei'; // only Huawei ships HarmonyOS NEXT

  if (env.os === 'iOS') unfreezeIOSVersion(env);
  if (env.os === 'macOS') {
    // iPadOS 13+ Safari asks for desktop sites with exactly this Mac UA; one with a token of its own
    // added (another iPad browser in desktop mode) is not Safari, touch or no touch.
    env.flags.possibleIPad = env.browser === 'safari-desktop' && genuineIOSUserAgents['safari-desktop'].test(ua);
  }
  try {
    applyEvidence(env, evidence);
  } catch {
    // Evidence from code (a Proxy, a throwing getter) must not break "never throws": the UA stands alone.
  }
  return env;
}

function boundedUserAgent(input: string): string {
  const trimmed = input.length > HEAD + TAIL ? `${input.slice(0, HEAD)} ${input.slice(-TAIL)}` : input;
  return trimmed.trim();
}

function readOSToken(ua: string): { os: OS; version: string | undefined } | null {
  for (const { os, pattern } of osTokens) {
    const m = pattern.exec(ua);
    if (m) return { os, version: m[1] };
  }
  return null;
}

function osFromUAParser(name: string | undefined): OS {
  switch (name) {
    case 'iOS':
      return 'iOS';
    case 'Android':
    case 'HarmonyOS': // Android-based HarmonyOS (2.x–4.x): ua-parser-js reports the Android version
      return 'Android';
    case 'Mac OS':
    case 'macOS':
      return 'macOS';
    case 'Windows':
      return 'Windows';
    case 'Chromium OS':
    case 'Chrome OS':
      return 'ChromeOS';
    case 'Linux':
    case 'Ubuntu':
    case 'Debian':
    case 'Fedora':
      return 'Linux';
    case undefined:
      return 'unknown';
    default:
      return 'other';
  }
}

function platformClass(os: OS): PlatformClass {
  switch (os) {
    case 'Android':
      return 'android';
    case 'iOS':
      return 'ios';
    case 'HarmonyOS':
      return 'harmony';
    case 'macOS':
    case 'Windows':
    case 'Linux':
    case 'ChromeOS':
      return 'desktop';
    default:
      return 'other';
  }
}

function deviceType(os: OS, type: string | undefined): DeviceType {
  if (platformClass(os) === 'desktop') return 'desktop';
  if (type === 'mobile' || type === 'tablet') return type;
  if (os === 'iOS' || os === 'Android' || os === 'HarmonyOS') return 'mobile';
  return 'unknown';
}

function readBrowser(ua: string, platform: PlatformClass, env: Environment): void {
  for (const token of browserTokens) {
    const family = typeof token.family === 'string' ? token.family : token.family[platform];
    if (!family) continue;
    const m = token.pattern.exec(ua);
    if (!m) continue;
    if (platform === 'ios' && isDressedAs(family, ua)) {
      // Safari's or Chrome's user agent with a token of its own: another browser or app.
      env.browser = 'other';
      env.flags.disguised = true;
      return;
    }
    env.browser = family;
    const version = token.version ? token.version.exec(ua)?.[1] : m[1];
    env.browserVersion = cleanVersion(version);
    if (token.kernel) env.kernel = token.kernel;
    return;
  }
  // Nothing named the browser. On iOS that is an app's WKWebView (no `Safari/` token), or a browser
  // that wears Safari's `Version/… Safari/` with its own token between them (Yandex's `YaBrowser/`).
  if (platform === 'ios') {
    const dressed = /\bVersion\/\d/.test(ua) && /\bSafari\/\d/.test(ua);
    env.browser = dressed ? 'other' : 'webview-ios';
    env.flags.disguised = dressed;
  } else if (platform !== 'other' || /AppleWebKit|Gecko|Presto|Trident/.test(ua)) env.browser = 'other';
}

function isDressedAs(family: BrowserFamily, ua: string): boolean {
  const genuine = family === 'safari' || family === 'chrome-ios' ? genuineIOSUserAgents[family] : null;
  return genuine !== null && !genuine.test(ua);
}

function kernelOf(ua: string, platform: PlatformClass, fromToken: Kernel): Kernel {
  if (platform === 'ios') return 'webkit'; // every iOS browser is WebKit
  if (/\bXWEB\//.test(ua)) return 'xweb';
  if (/\bTBS\//.test(ua)) return 'tbs';
  if (/\b(?:UWS|UCBS|U4)\//.test(ua)) return 'uws';
  if (/TTWebView|bytedancewebview/i.test(ua)) return 'tt-webview';
  if (fromToken !== 'unknown') return fromToken;
  if (platform === 'android' && (/; wv\)/.test(ua) || /\bVersion\/\d[\d.]* Chrome\//.test(ua))) return 'system-webview';
  if (/\bArkWeb\//.test(ua)) return 'arkweb';
  if (/\b(?:Headless)?Chrome\//.test(ua)) return 'chromium';
  if (/\bGecko\/|\bFirefox\//.test(ua)) return 'gecko';
  if (/AppleWebKit\//.test(ua)) return 'webkit';
  return fromToken;
}

/** Chrome 110+ (and its WebView) send `Android 10; K`: both values are placeholders. */
const REDUCED_ANDROID = /\bAndroid 10; K[;)]/;

function readAndroidDevice(ua: string, reduced: boolean, { vendor, model }: UADevice, env: Environment): void {
  if (reduced) {
    env.flags.reducedUA = true;
    env.osVersion = null;
    // Chrome 107+ needs Android 7+ (Chrome 106 was the last for Android 6), so the real version is
    // at least 7 whenever the reduced token comes with such a Chrome.
    const chromeMajor = majorVersion(cleanVersion(/\bChrome\/(\d[\d.]*)/.exec(ua)?.[1]));
    if (chromeMajor !== null && chromeMajor >= 107) env.osVersionFloor = '7';
    return;
  }
  const token = androidModelToken(ua);
  env.model = token ?? model ?? null;
  // Our model-code data first: it knows which Honor-brand codes Huawei made before the split, which
  // the brand in a build id (`Build/HONORHRY-LX1T`) does not say; then the build id; then ua-parser-js.
  env.vendor =
    makerFromModelCode(token) ??
    makerFromBuildTag(ua) ??
    (model !== token ? makerFromModelCode(model ?? null) : null) ??
    makerFromUAParserVendor(vendor);
}

function unfreezeIOSVersion(env: Environment): void {
  // iOS 26 Safari keeps `iPhone OS 18_6`/`18_7`; its `Version/26.x` is the real OS version.
  if (env.browser !== 'safari' || !env.osVersion || !env.browserVersion) return;
  if (majorVersion(env.osVersion) === 18 && (majorVersion(env.browserVersion) ?? 0) >= 26) {
    env.osVersion = env.browserVersion;
    env.flags.frozenIOSVersion = true;
  }
}

const CLIENT_HINT_MODEL = /^[\w .+()/-]{1,64}$/;

function applyEvidence(env: Environment, { clientHints, maxTouchPoints }: PlatformEvidence): void {
  if (env.flags.possibleIPad && typeof maxTouchPoints === 'number' && maxTouchPoints > 1) {
    env.os = 'iOS';
    env.osVersion = env.browserVersion; // iPadOS and its Safari share a version
    env.device = 'tablet';
    env.browser = 'safari';
    env.model = 'iPad';
  }
  if (!clientHints || typeof clientHints !== 'object' || env.os !== 'Android') return;
  const platformVersion = cleanVersion(typeof clientHints.platformVersion === 'string' ? clientHints.platformVersion : null);
  if (platformVersion && compareVersions(platformVersion, '0') > 0) {
    env.osVersion = platformVersion;
    env.flags.clientHints = true;
  }
  const model = typeof clientHints.model === 'string' ? clientHints.model.trim() : '';
  if (model && CLIENT_HINT_MODEL.test(model)) {
    env.model = model;
    env.vendor = makerFromModelCode(model) ?? makerFromUAParserVendor(deviceVendorOf(model));
    env.flags.clientHints = true;
  }
  const brands = Array.isArray(clientHints.fullVersionList) ? clientHints.fullVersionList : [];
  const chrome = brands.find((b) => b && b.brand === 'Google Chrome');
  if (chrome && env.browser === 'chrome-android') {
    env.browserVersion = cleanVersion(chrome.version) ?? env.browserVersion;
    env.flags.clientHints = true;
  }
}

/** ua-parser-js's device data, asked about a bare model code from Client Hints (the same parser, reused). */
function deviceVendorOf(model: string): string | undefined {
  parser.setUA(`Mozilla/5.0 (Linux; Android 13; ${model}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36`);
  return parser.getDevice().vendor;
}
