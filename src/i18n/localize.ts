import { LocalizeController } from '@shoelace-style/localize';
import { translationCode } from './language-tag.js';

/**
 * @shoelace-style/localize's controller, with the element's language resolved to the code its
 * words are registered under first (see {@link translationCode}): `zh-Hant`, `zh-Hant-HK`,
 * `zh-HK` and `zh-MO` read the Traditional words, `zh-Hans` and `zh-Hans-HK` the Simplified ones.
 * Everything else is looked up exactly as the library does.
 */
export class Localize extends LocalizeController {
  override lang(): string {
    return translationCode(super.lang());
  }
}
