import { isProfileId } from '../core/table/profiles.js';
import type { ProfileId } from '../core/table/types.js';
import { UsageError } from './usage.js';

/** The options every command takes, for util.parseArgs. */
export const commonOptions = {
  profile: { type: 'string', short: 'p', default: 'intl' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The --profile value, or a usage error naming the choices. */
export function checkedProfile(value: string, help: string): ProfileId {
  if (!isProfileId(value)) throw new UsageError(`--profile must be intl or mainland, not "${value}"`, help);
  return value;
}
