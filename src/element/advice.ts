import type { FinalPrediction } from '../core/final-mode.js';
import { compareVersions } from '../core/version.js';

/**
 * Where a user whose browser cannot verify can verify instead. The advice must be able to work:
 * a Huawei phone is not sent to Chrome (Chrome cannot do real-time video there), a phone whose
 * system is below every row's minimum is not sent to another browser, a desktop is sent to a phone.
 */
export const adviceKeys = [
  'adviceSafari',
  'adviceChrome',
  'adviceHuaweiBrowser',
  'adviceOtherPhone',
  'advicePhone',
  'adviceSupportedBrowser',
] as const;
export type AdviceKey = (typeof adviceKeys)[number];

/** Safari on iOS reaches back furthest (11.1.2); Android needs 7 in every row. */
const IOS_SAFARI_MINIMUM = '11.1.2';
const ANDROID_MINIMUM = '7';

const below = (version: string | null, minimum: string) => version !== null && compareVersions(version, minimum) < 0;

/** Pure: the advice for this prediction's environment (generic when nothing is known). */
export function adviceFor(prediction: FinalPrediction | null): AdviceKey {
  const env = prediction?.uaPrediction.environment;
  if (!env) return 'adviceSupportedBrowser';
  if (env.device === 'desktop' || ['macOS', 'Windows', 'Linux', 'ChromeOS'].includes(env.os)) return 'advicePhone';
  if (env.os === 'iOS') {
    if (below(env.osVersion, IOS_SAFARI_MINIMUM)) return 'adviceOtherPhone';
    return env.browser === 'safari' ? 'adviceOtherPhone' : 'adviceSafari';
  }
  if (env.os === 'Android' || env.os === 'HarmonyOS') {
    if (below(env.osVersion, ANDROID_MINIMUM)) return 'adviceOtherPhone';
    if (env.vendor === 'Huawei') return env.browser === 'huawei-browser' ? 'adviceOtherPhone' : 'adviceHuaweiBrowser';
    return env.browser === 'chrome-android' ? 'adviceOtherPhone' : 'adviceChrome';
  }
  return 'adviceSupportedBrowser';
}
