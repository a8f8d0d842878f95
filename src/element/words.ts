import type { LocalizeController } from '@shoelace-style/localize';
import { describeReason, type Reason } from '../core/reasons.js';
import type { Strings } from '../i18n/en.js';
import type { Phrase, PlainKey } from '../i18n/keys.js';
import type { ReasonWords } from '../i18n/reasons/en.js';

type DeepPartial<T> = T extends (...args: never[]) => string
  ? T
  : T extends string
    ? string
    : { readonly [K in keyof T]?: DeepPartial<T[K]> };

/**
 * String overrides, per element: any subset of the translation keys, and of the reasons' words
 * (`reasonWords: { rules: { 'intl/android-chrome': '…' } }`).
 */
export type StringOverrides = Partial<Strings> & { reasonWords?: DeepPartial<ReasonWords> };

/** `base` with `override`'s leaves put in place of its own (only where `base` has that key). */
function overlay<T>(base: T, override: unknown): T {
  if (!override || typeof override !== 'object' || !base || typeof base !== 'object') return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override)) {
    if (!Object.prototype.hasOwnProperty.call(out, key)) continue;
    const current = out[key];
    if (typeof current === 'object' && current !== null) out[key] = overlay(current, value);
    else if (typeof value === typeof current) out[key] = value;
  }
  return out as T;
}

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

  /** The prediction's reasons in the element's language. */
  reasons(reasons: readonly Reason[]): string[] {
    const words = overlay(this.localize.term('reasonWords' as never) as unknown as ReasonWords, this.overrides()?.reasonWords);
    return reasons.map((reason) => describeReason(reason, words));
  }

  readonly #lookup = (key: keyof Strings, ...args: string[]): string => {
    const override = this.overrides()?.[key];
    if (typeof override === 'string') return override;
    if (typeof override === 'function') return (override as (...a: string[]) => string)(...args);
    return (this.localize.term as (k: string, ...a: string[]) => string)(key, ...args);
  };
}
