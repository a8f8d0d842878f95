/**
 * faceid-preflight/core — the Node-safe engine: no DOM, no globals, no side effects.
 */
export { predictFromUserAgent, decide, type PredictOptions, type Prediction } from './predict.js';
export { parseUserAgent, type PlatformEvidence } from './environment/parse.js';
export type {
  BrowserFamily,
  ClientHints,
  DeviceType,
  Environment,
  EnvironmentFlags,
  InAppHost,
  Kernel,
  Maker,
  OS,
} from './environment/types.js';
export { profiles, defaultProfile, findRule, isProfileId } from './table/profiles.js';
export type { Minimum, Mode, Profile, ProfileId, Rule, RuleMatch } from './table/types.js';
export { tableChecks, runTableChecks, unreachedRules, type TableCheck, type TableProblem } from './table/checks.js';
export { compareVersions } from './version.js';
export { finalMode, type FinalPrediction } from './final-mode.js';
export { reflectionProbes, type ProbeReport, type ProbeResult, type ProbeStatus, type ReflectionProbe } from './probe-report.js';
