import { modelCodeFamilies } from './model-codes.js';
import type { Maker } from './types.js';

/** ua-parser-js 1.x vendor names → ours. Anything else it names becomes 'other'. */
const uaParserVendors: Readonly<Record<string, Maker>> = {
  Apple: 'Apple',
  Huawei: 'Huawei',
  Honor: 'Honor',
  OPPO: 'OPPO',
  OnePlus: 'OnePlus',
  Realme: 'realme',
  Vivo: 'vivo',
  Xiaomi: 'Xiaomi',
  Meizu: 'Meizu',
  Samsung: 'Samsung',
  ZTE: 'ZTE',
  Nubia: 'Nubia',
  Sony: 'Sony',
  Lenovo: 'Lenovo',
  Motorola: 'Motorola',
  Google: 'Google',
};

export function makerFromUAParserVendor(vendor: string | undefined): Maker | null {
  if (!vendor) return null;
  return uaParserVendors[vendor] ?? 'other';
}

/** The maker our model-code data names for a model token, or null when none claims it. */
export function makerFromModelCode(model: string | null): Maker | null {
  if (!model) return null;
  const code = model.toUpperCase(); // the patterns are written in capitals (see model-codes.ts)
  for (const family of modelCodeFamilies) {
    if (family.pattern.test(code)) return family.maker;
  }
  return null;
}

/**
 * Huawei and Honor ROMs put the brand and the model code in the build id (`Build/HUAWEINOP-AN01P`,
 * `Build/HONORBRT-W09`). The code decides when our data knows it: an Honor-brand phone Huawei
 * made before the split (`Build/HONORHRY-LX1T`) counts as Huawei. Otherwise the brand does.
 */
export function makerFromBuildTag(ua: string): Maker | null {
  const m = /\bBuild\/(HUAWEI|HONOR)([A-Z0-9]{2,5}-[A-Z0-9]{2,6})?/i.exec(ua);
  if (!m) return null;
  return makerFromModelCode(m[2] ?? null) ?? (m[1]!.toUpperCase() === 'HONOR' ? 'Honor' : 'Huawei');
}

/** Tokens that sit in an Android UA's first parenthesis but are not the device model. */
const NOT_A_MODEL =
  /^(?:Linux|U|I|wv|Mobile|Phone|Tablet|x64|ARM64|arm64-v8a|K|Android(?: \d[\d.]*)?|HarmonyOS\b.*|HMSCore\b.*|GMSCore\b.*|OpenHarmony\b.*|[a-z]{2}(?:[-_][A-Za-z]{2,4}){0,2})$/i;

/**
 * The model token of an Android UA: `Linux; Android 12; HarmonyOS; TGR-W09; HMSCore 6.14` →
 * `TGR-W09`; `… zh-CN; MZ-PRO 6 Build/MRA58K` → `MZ-PRO 6`. ua-parser-js shortens some
 * (`MZ-PRO 6` → `PRO`), and our model-code data wants the whole token.
 */
export function androidModelToken(ua: string): string | null {
  const open = ua.indexOf('(');
  const close = open < 0 ? -1 : ua.indexOf(')', open);
  if (close < 0) return null;
  for (const part of ua.slice(open + 1, close).split(';')) {
    // search + slice, not replace(/\s+Build\/.*$/): that pattern is quadratic on a whitespace run.
    const build = part.search(/\sBuild\//);
    const token = (build < 0 ? part : part.slice(0, build)).trim();
    if (token && !NOT_A_MODEL.test(token)) return token;
  }
  return null;
}
