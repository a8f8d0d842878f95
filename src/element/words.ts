import type { LocalizeController } from '@shoelace-style/localize';
import type { Strings } from '../i18n/en.js';
import type { Phrase, PlainKey } from '../i18n/keys.js';

/** String overrides: any subset of the translation keys, per element. */
export type StringOverrides = Partial<Strings>;

/** The `strings` attribute: a JSON object; anything else is ignored with a warning, never thrown. */
export const stringsConverter = {
  fromAttribute(value: string | null): StringOverrides {
    if (!value) return {};
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as StringOverrides;
    } catch {
      // fall through: a typo in the attribute must not break the page
    }
    console.warn('<faceid-preflight>: the strings attribute is not a JSON object; ignored.');
    return {};
  },
};

/** The words an element shows: the integrator's override, else the translation for its language. */
export class Words {
  constructor(
    private readonly localize: LocalizeController,
    private readonly overrides: () => StringOverrides | null | undefined,
  ) {}

  /** The language the element shows (its `lang`, the page's, then the browser's). */
  language(): string {
    return this.localize.lang();
  }

  text(key: PlainKey): string {
    return this.#lookup(key);
  }

  phrase(phrase: Phrase): string {
    return typeof phrase === 'string' ? this.#lookup(phrase) : this.#lookup(phrase.key, this.#lookup(phrase.app));
  }

  #lookup(key: keyof Strings, ...args: string[]): string {
    const override = this.overrides()?.[key];
    if (typeof override === 'string') return override;
    if (typeof override === 'function') return (override as (...a: string[]) => string)(...args);
    return (this.localize.term as (k: string, ...a: string[]) => string)(key, ...args);
  }
}
