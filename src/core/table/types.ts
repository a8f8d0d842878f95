import type { BrowserFamily, DeviceType, Kernel, Maker, OS } from '../environment/types.js';

export type Mode = 'reflection' | 'video' | 'undetermined';

export type ProfileId = 'intl' | 'mainland';

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
}

/** Inclusive minimums. A matched environment below one gets `video`; a hidden version, `undetermined`. */
export interface Minimum {
  readonly osVersion?: string;
  readonly browserVersion?: string;
}

/**
 * One record of a compatibility table. `row` records encode a row of a Tencent doc, `note`
 * records a note of one, `fact` records what the docs leave out (platform facts, "not listed").
 */
export interface Rule {
  /** Stable id: `<file>/<slug>`, where the file (intl, mainland, facts) holds the record. */
  readonly id: string;
  readonly kind: 'row' | 'note' | 'fact';
  /** Where the rule comes from, with the text it encodes (verbatim for rows and notes). */
  readonly source: { readonly doc: string; readonly text: string };
  readonly match: RuleMatch;
  readonly minimum?: Minimum;
  /** The outcome when the environment matches and meets the minimums. */
  readonly verdict: Mode;
  /** Chance (0..1) that reflection mode works, when the verdict holds. */
  readonly likelihood: number;
  /** True when the likelihood is a figure the doc gives ("supported", "≈ 80 %"), false when assumed. */
  readonly documentedLikelihood: boolean;
  /** Shown to users when the verdict holds: what the table says, in plain words. */
  readonly reason: string;
}

/** A profile: the ordered rule list of one published table. First match wins. */
export interface Profile {
  readonly id: ProfileId;
  readonly title: string;
  readonly doc: string;
  readonly rules: readonly Rule[];
}
