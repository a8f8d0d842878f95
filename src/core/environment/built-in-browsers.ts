import type { BrowserFamily, Environment, Maker } from './types.js';

/**
 * Whose built-in browser each maker's browser is. The table's "phone makers' built-in browsers"
 * row is about a maker's browser on that maker's own phone: Huawei Browser on an Honor or a Xiaomi
 * phone, or Samsung Internet installed on a Pixel, is just another browser (Huawei Browser and
 * Samsung Internet are in other makers' app stores). Data only.
 *
 * - HeyTap Browser is the OPPO group's browser: ColorOS ships it on OPPO phones and on OnePlus's
 *   and realme's phones in China (both brands belong to the group and run ColorOS / realme UI).
 * - Huawei-made Honor phones (before the November 2020 split) resolve to Huawei (model-codes.ts),
 *   so Huawei Browser on them is built in; Honor's own browser exists only on Honor's phones.
 * - Redmi and POCO phones resolve to Xiaomi.
 */
export const builtInBrowserMakers = {
  'huawei-browser': ['Huawei'],
  'honor-browser': ['Honor'],
  'oppo-browser': ['OPPO', 'OnePlus', 'realme'],
  'vivo-browser': ['vivo'],
  'meizu-browser': ['Meizu'],
  'miui-browser': ['Xiaomi'],
  'samsung-browser': ['Samsung'],
} as const satisfies Partial<Record<BrowserFamily, readonly Maker[]>>;

export type MakerBrowser = keyof typeof builtInBrowserMakers;

export const makerBrowsers = Object.keys(builtInBrowserMakers) as readonly MakerBrowser[];

export function isMakerBrowser(browser: BrowserFamily): browser is MakerBrowser {
  return Object.prototype.hasOwnProperty.call(builtInBrowserMakers, browser);
}

/** True when the browser is the built-in browser of the phone's own (known) maker. */
export function isBuiltInBrowser(env: Environment): boolean {
  if (!isMakerBrowser(env.browser) || env.vendor === null) return false;
  return (builtInBrowserMakers[env.browser] as readonly Maker[]).includes(env.vendor);
}
