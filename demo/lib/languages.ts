/** The element's languages, each named in itself (the `$name` of its language pack). */
import en from '../../src/i18n/en.js';
import id from '../../src/i18n/id.js';
import th from '../../src/i18n/th.js';
import zhCN from '../../src/i18n/zh-cn.js';
import zhTW from '../../src/i18n/zh-tw.js';
import { languages, type Language } from '../../src/i18n/register.js';

export const languageNames: Record<Language, string> = {
  en: en.$name,
  'zh-CN': zhCN.$name,
  'zh-TW': zhTW.$name,
  th: th.$name,
  id: id.$name,
};

export { languages, type Language };
