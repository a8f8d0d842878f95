import { registerTranslation } from '@shoelace-style/localize';
import en from './en.js';
import id from './id.js';
import th from './th.js';
import zhCN from './zh-cn.js';
import zhTW from './zh-tw.js';

/**
 * The languages FaceID's hosted page offers. @shoelace-style/localize picks `xx-yy`, then `xx`,
 * then the first registered (English): so `zh` is Simplified, and the traditional regions
 * (Hong Kong, Macau) are registered as Traditional rather than falling to `zh`.
 */
export const languages = ['en', 'zh-CN', 'zh-TW', 'th', 'id'] as const;
export type Language = (typeof languages)[number];

let registered = false;

export function registerLanguages(): void {
  if (registered) return;
  registered = true;
  registerTranslation(
    en,
    zhCN,
    { ...zhCN, $code: 'zh' },
    zhTW,
    { ...zhTW, $code: 'zh-hk' },
    { ...zhTW, $code: 'zh-mo' },
    th,
    id,
  );
}
