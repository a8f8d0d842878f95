import { isBuiltInBrowser } from '../environment/built-in-browsers.js';
import type { Environment } from '../environment/types.js';
import type { RuleMatch } from './types.js';

/** Whether a rule's match holds for an environment: every listed field must include its value. */
export function matches(match: RuleMatch, env: Environment): boolean {
  if (match.os && !match.os.includes(env.os)) return false;
  if (match.device && !match.device.includes(env.device)) return false;
  if (match.browser && !match.browser.includes(env.browser)) return false;
  if (match.vendor && !match.vendor.includes(env.vendor ?? 'unknown')) return false;
  if (match.kernel && !match.kernel.includes(env.kernel)) return false;
  if (match.builtInBrowser !== undefined && isBuiltInBrowser(env) !== match.builtInBrowser) return false;
  return true;
}
