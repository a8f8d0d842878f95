import { intl } from './intl.js';
import { mainland } from './mainland.js';
import type { Profile, ProfileId, Rule } from './types.js';
import { noUserAgent } from './facts.js';

export const profiles: Readonly<Record<ProfileId, Profile>> = { intl, mainland };

export const defaultProfile: ProfileId = 'intl';

export function isProfileId(value: unknown): value is ProfileId {
  return value === 'intl' || value === 'mainland';
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
