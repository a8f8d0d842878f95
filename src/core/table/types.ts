import type { BrowserFamily, DeviceType, Kernel, Maker, OS } from '../environment/types.js';

export const modes = ['reflection', 'video', 'undetermined'] as const;
export type Mode = (typeof modes)[number];

export const profileIds = ['intl', 'mainland'] as const;
export type ProfileId = (typeof profileIds)[number];

export const ruleKinds = ['row', 'note', 'fact'] as const;
export type RuleKind = (typeof ruleKinds)[number];

/**
 * Which environments a rule is about. Every listed field must hold; an absent field matches
 * anything. `vendor: ['unknown']` matches a UA that does not reveal its maker.
 */
export interface RuleMatch {
  readonly os?: readonly OS[];
  readonly device?: readonly DeviceType[];
  readonly browser?: readonly BrowserFamily[];
  readonly vendor?: readonly (Maker | 'unknown')[];
  readonly kernel?: readonly Kernel[];
  /**
   * `true`: the browser is the built-in browser of the phone's own maker (Huawei Browser on a
   * Huawei phone). A maker's browser on another maker's phone, or where the maker is hidden, is not.
   */
  readonly builtInBrowser?: boolean;
}

/** Inclusive minimums. A matched environment below one gets `video`; a hidden version, `undetermined`. */
export interface Minimum {
  readonly osVersion?: string;
  readonly browserVersion?: string;
}

/**
 * One record of a compatibility table. `row` records encode a row of a Tencent doc, `note`
 * records a note of one, `fact` records what the docs leave out (platform facts, "not listed").
 * The words users read for a rule live in the language packs (src/i18n/reasons/en.ts is the
 * source), the doc text it encodes in ./sources.ts: both keyed by the rule's id, neither here,
 * so the browser ships the decision without the doc texts.
 */
export interface Rule {
  /** Stable id: `<file>/<slug>`, where the file (intl, mainland, facts) holds the record. */
  readonly id: string;
  readonly kind: RuleKind;
  readonly match: RuleMatch;
  readonly minimum?: Minimum;
  /** The outcome when the environment matches and meets the minimums. */
  readonly verdict: Mode;
  /** Chance (0..1) that reflection mode works, when the verdict holds. */
  readonly likelihood: number;
  /** True when the likelihood is a figure the doc gives ("supported", "≈ 80 %"), false when assumed. */
  readonly documentedLikelihood: boolean;
}

/** A profile: the ordered rule list of one published table. First match wins. */
export interface Profile {
  readonly id: ProfileId;
  readonly title: string;
  readonly rules: readonly Rule[];
}
