import { noUserAgent } from './facts.js';
import { intl, type intlRules } from './intl.js';
import { mainland, type mainlandRules } from './mainland.js';
import { profileIds, type Profile, type ProfileId, type Rule } from './types.js';

export const profiles: Readonly<Record<ProfileId, Profile>> = { intl, mainland };

export const defaultProfile: ProfileId = 'intl';

/**
 * Every rule id the tables hold: a closed vocabulary derived from the records themselves, so a
 * new rule is a new id, and the words and sources keyed by it (src/i18n/reasons/en.ts,
 * ./sources.ts) fail to compile until they have it.
 */
export type RuleId = (typeof intlRules)[number]['id'] | (typeof mainlandRules)[number]['id'] | (typeof noUserAgent)['id'];

type TableRule = (typeof intlRules)[number] | (typeof mainlandRules)[number];

/**
 * The browsers a table puts a browser-version minimum on (Safari, WeChat): the only browsers a
 * reason names by version, so the only ones besides the makers' browsers a language must name.
 * A rule with a browser minimum always lists its browsers (the `browser-minimum-names-browsers` check).
 */
export type VersionedBrowser = Extract<TableRule, { minimum: { browserVersion: string } }>['match'] extends infer M
  ? M extends { browser: readonly (infer B)[] }
    ? B
    : never
  : never;

export function isProfileId(value: unknown): value is ProfileId {
  return (profileIds as readonly unknown[]).includes(value);
}

/** Every rule by id, across profiles: a prediction's `rule` leads here in one hop. */
export function findRule(id: string): Rule | undefined {
  if (id === noUserAgent.id) return noUserAgent;
  for (const profile of Object.values(profiles)) {
    const rule = profile.rules.find((r) => r.id === id);
    if (rule) return rule;
  }
  return undefined;
}

/** True for the id of a rule some table holds. */
export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && findRule(value) !== undefined;
}
