import type { MakerBrowser } from './environment/built-in-browsers.js';
import type { BrowserFamily, Maker, OS } from './environment/types.js';
import type { ModeAsyncProbe, ReflectionProbe } from './probe-report.js';
import type { RuleId } from './table/profiles.js';
import type { Minimum } from './table/types.js';
import { englishReasonWords, type ReasonWords } from '../i18n/reasons/en.js';

/**
 * Why a prediction came out as it did, as codes with parameters: data (codes, versions, the
 * environment's own vocabulary values), never words. The words live in the language packs
 * (src/i18n/reasons/en.ts is the source every other language satisfies); {@link describeReason}
 * renders one.
 */
export const reasonCodes = [
  // the table
  'rule', // the deciding rule's verdict, in its own words
  'below-minimum', // a minimum of the rule is not met
  'version-hidden', // a minimum cannot be checked: the user agent hides the version
  // what the user agent showed or hid (notes)
  'possible-ipad',
  'ipados-by-touch',
  'reduced-ua',
  'client-hints',
  'frozen-ios-version',
  'truncated-ua',
  'not-makers-phone', // a maker's browser on another maker's phone
  'maker-hidden-for-browser', // a maker's browser where the user agent hides the phone's maker
  'disguised-browser', // an iOS browser sending Safari's or Chrome's user agent plus its own token
  // the runtime probes
  'probe-failed',
  'probes-settled',
  'probe-unanswered', // a probe did not answer before the deadline: the table and the other probes decided
  'probe-unknown', // the browser could not say (e.g. no permissions-policy API): not a pass, and no reason against reflection
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

/** Which version a minimum is about. */
export type VersionField = keyof Minimum;

export type Reason =
  | { readonly code: 'rule'; readonly rule: RuleId }
  | {
      readonly code: 'below-minimum';
      readonly field: VersionField;
      readonly os: OS;
      readonly browser: BrowserFamily;
      readonly minimum: string;
      readonly actual: string;
    }
  | {
      readonly code: 'version-hidden';
      readonly field: VersionField;
      readonly os: OS;
      readonly browser: BrowserFamily;
      readonly minimum: string;
    }
  | { readonly code: 'possible-ipad' }
  | { readonly code: 'ipados-by-touch' }
  | { readonly code: 'reduced-ua' }
  | { readonly code: 'client-hints' }
  | { readonly code: 'frozen-ios-version'; readonly osVersion: string }
  | { readonly code: 'truncated-ua' }
  | { readonly code: 'not-makers-phone'; readonly browser: MakerBrowser; readonly maker: Maker }
  | { readonly code: 'maker-hidden-for-browser'; readonly browser: MakerBrowser }
  | { readonly code: 'disguised-browser' }
  | { readonly code: 'probe-failed'; readonly probe: ReflectionProbe }
  | { readonly code: 'probes-settled' }
  | { readonly code: 'probe-unknown'; readonly probe: ReflectionProbe }
  | { readonly code: 'probe-unanswered'; readonly probe: ModeAsyncProbe };

/** Compiles only when the union's codes and the runtime list are the same set. */
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type ReasonCodesListed = Holds<SameSet<Reason['code'], ReasonCode>>;

/**
 * One reason in one language's words (English by default). Pure; never throws for a reason the
 * engine produced. An unknown code (a reason built by hand) gives its code, not an exception.
 */
export function describeReason(reason: Reason, words: ReasonWords = englishReasonWords): string {
  const w = words.reasons;
  switch (reason.code) {
    case 'rule':
      return words.rules[reason.rule] ?? reason.rule;
    case 'below-minimum':
      return w['below-minimum'](subject(reason, words), reason.minimum, reason.actual);
    case 'version-hidden':
      return w['version-hidden'](subject(reason, words), reason.minimum);
    case 'frozen-ios-version':
      return w['frozen-ios-version'](reason.osVersion);
    case 'not-makers-phone':
      return w['not-makers-phone'](words.browserNames[reason.browser], words.makerNames[reason.maker]);
    case 'maker-hidden-for-browser':
      return w['maker-hidden-for-browser'](words.browserNames[reason.browser]);
    case 'probe-failed':
      return w['probe-failed'][reason.probe];
    case 'probe-unanswered':
      return w['probe-unanswered'][reason.probe];
    case 'probe-unknown':
      return w['probe-unknown'][reason.probe];
    case 'possible-ipad':
    case 'ipados-by-touch':
    case 'reduced-ua':
    case 'client-hints':
    case 'truncated-ua':
    case 'disguised-browser':
    case 'probes-settled':
      return w[reason.code];
    default:
      return String((reason as { code?: unknown }).code);
  }
}

/**
 * What a minimum is about, named in the words' language: the OS, or the browser. A browser minimum
 * comes from a rule that lists its browsers ({@link VersionedBrowser}), so every language names it;
 * a hand-built reason about another browser gets the family id.
 */
function subject(reason: { field: VersionField; os: OS; browser: BrowserFamily }, words: ReasonWords): string {
  if (reason.field === 'osVersion') return words.osNames[reason.os];
  const names: Partial<Record<BrowserFamily, string>> = words.browserNames;
  return names[reason.browser] ?? reason.browser;
}
