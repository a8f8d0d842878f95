import { parseUserAgent } from './environment/parse.js';
import type { ClientHints, Environment } from './environment/types.js';
import { noUserAgent } from './table/facts.js';
import { defaultProfile, isProfileId, profiles } from './table/profiles.js';
import { matches } from './table/match.js';
import type { Minimum, Mode, ProfileId, Rule } from './table/types.js';
import { compareVersions } from './version.js';

export interface PredictOptions {
  /** Which published table to follow. Default `intl`. */
  profile?: ProfileId;
  /** UA Client Hints (`navigator.userAgentData.getHighEntropyValues` or `Sec-CH-UA-*` headers). */
  clientHints?: ClientHints;
  /** `navigator.maxTouchPoints`, to tell iPadOS from a Mac when the UA is desktop-class. */
  maxTouchPoints?: number;
}

export interface Prediction {
  mode: Mode;
  /** Chance (0..1) that reflection mode works. */
  likelihood: number;
  /** The id of the rule that decided; `findRule(id)` or the table file named by its prefix has it. */
  rule: string;
  /** Plain-language reasons, most important first. */
  reasons: string[];
  /** The minimum the environment failed or could not show, when that decided the outcome. */
  unmet?: { field: keyof Minimum; minimum: string; actual: string | null };
  profile: ProfileId;
  environment: Environment;
}

/** The likelihood kept when a minimum cannot be checked because the UA hides the version. */
const HIDDEN_VERSION_LIKELIHOOD = 0.5;

/**
 * Predicts FaceID's mode from a user agent. Pure: same input, same output; reads no global and
 * never throws. `undetermined` means the table does not settle it, never "no".
 */
export function predictFromUserAgent(userAgent: unknown, options: PredictOptions = {}): Prediction {
  let profileId: ProfileId = defaultProfile;
  try {
    if (isProfileId(options?.profile)) profileId = options.profile;
  } catch {
    // a throwing getter: keep the default profile
  }
  const environment = parseUserAgent(userAgent, options ?? {});
  if (typeof userAgent !== 'string' || userAgent.trim() === '') {
    return outcome(noUserAgent, noUserAgent.verdict, noUserAgent.likelihood, [noUserAgent.reason], profileId, environment);
  }
  return decide(environment, profileId);
}

/** The decision alone, for callers that already hold an {@link Environment}. */
export function decide(environment: Environment, profileId: ProfileId = defaultProfile): Prediction {
  const rules = profiles[profileId].rules;
  const rule = rules.find((r) => matches(r.match, environment)) ?? rules[rules.length - 1]!;
  const notes = environmentNotes(environment);
  const check = checkMinimum(rule.minimum, environment);
  if (check.status === 'met') {
    return outcome(rule, rule.verdict, rule.likelihood, [rule.reason, ...notes], profileId, environment);
  }
  const { field, minimum, actual } = check;
  const what = field === 'osVersion' ? osName(environment) : browserName(environment);
  if (check.status === 'below') {
    const reason = `${what} ${minimum} or later is required; this is ${what} ${actual}.`;
    return outcome(rule, 'video', 0, [reason, ...notes], profileId, environment, { field, minimum, actual });
  }
  const reason = `${what} ${minimum} or later is required, and this user agent does not show its version.`;
  return outcome(rule, 'undetermined', HIDDEN_VERSION_LIKELIHOOD, [reason, rule.reason, ...notes], profileId, environment, {
    field,
    minimum,
    actual: null,
  });
}

type MinimumCheck =
  | { status: 'met' }
  | { status: 'below' | 'hidden'; field: keyof Minimum; minimum: string; actual: string | null };

function checkMinimum(minimum: Minimum | undefined, env: Environment): MinimumCheck {
  if (!minimum) return { status: 'met' };
  const fields: Array<[keyof Minimum, string | null, string | null]> = [
    ['osVersion', env.osVersion, env.osVersionFloor],
    ['browserVersion', env.browserVersion, null],
  ];
  let hidden: MinimumCheck | undefined;
  for (const [field, actual, floor] of fields) {
    const required = minimum[field];
    if (required === undefined) continue;
    if (actual !== null) {
      if (compareVersions(actual, required) < 0) return { status: 'below', field, minimum: required, actual };
    } else if (floor === null || compareVersions(floor, required) < 0) {
      hidden ??= { status: 'hidden', field, minimum: required, actual: null };
    }
  }
  return hidden ?? { status: 'met' };
}

function environmentNotes(env: Environment): string[] {
  const notes: string[] = [];
  if (env.flags.possibleIPad && env.os === 'macOS') {
    notes.push('This may be an iPad asking for desktop sites; in the browser, touch support settles it.');
  }
  if (env.flags.possibleIPad && env.os === 'iOS') notes.push('A desktop-class Safari user agent with touch support: treated as iPadOS.');
  if (env.flags.reducedUA && !env.flags.clientHints) {
    notes.push('Chrome reduces its user agent (Android version and phone model hidden); Client Hints can reveal them.');
  }
  if (env.flags.clientHints) notes.push('Android version and phone model come from UA Client Hints.');
  if (env.flags.frozenIOSVersion) notes.push(`Safari freezes the iOS version in its user agent; iOS ${env.osVersion} was read from Safari's own version.`);
  if (env.flags.truncated) notes.push('The user agent was unusually long; only its start and end were read.');
  return notes;
}

function osName(env: Environment): string {
  return env.os === 'unknown' || env.os === 'other' ? 'the OS' : env.os;
}

const BROWSER_NAMES: Partial<Record<Environment['browser'], string>> = {
  safari: 'Safari',
  wechat: 'WeChat',
  'chrome-ios': 'Chrome',
  'chrome-android': 'Chrome',
};

function browserName(env: Environment): string {
  return BROWSER_NAMES[env.browser] ?? env.browser;
}

function outcome(
  rule: Rule,
  mode: Mode,
  likelihood: number,
  reasons: string[],
  profile: ProfileId,
  environment: Environment,
  unmet?: Prediction['unmet'],
): Prediction {
  const prediction: Prediction = { mode, likelihood, rule: rule.id, reasons, profile, environment };
  if (unmet) prediction.unmet = unmet;
  return prediction;
}
