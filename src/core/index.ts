/**
 * faceid-preflight/core — the Node-safe engine: no DOM, no globals, no side effects.
 */
export { predictFromUserAgent, decide, type PredictOptions, type Prediction } from './predict.js';
export { parseUserAgent, type PlatformEvidence } from './environment/parse.js';
export { browserFamilies, deviceTypes, environmentFlags, inAppHosts, kernels, makers, operatingSystems } from './environment/types.js';
export { builtInBrowserMakers, makerBrowsers, isBuiltInBrowser, type MakerBrowser } from './environment/built-in-browsers.js';
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
export { profiles, defaultProfile, findRule, isProfileId, isRuleId, type RuleId } from './table/profiles.js';
export { modes, profileIds, ruleKinds } from './table/types.js';
export type { Minimum, Mode, Profile, ProfileId, Rule, RuleKind, RuleMatch } from './table/types.js';
export { ruleSources, profileDocs, sourceOf, type RuleSource } from './table/sources.js';
export { reasonCodes, describeReason, type Reason, type ReasonCode, type VersionField } from './reasons.js';
export { englishReasonWords, type ReasonWords } from '../i18n/reasons/en.js';
export { tableChecks, runTableChecks, unreachedRules, type TableCheck, type TableProblem } from './table/checks.js';
export { compareVersions } from './version.js';
export { finalMode, type FinalPrediction } from './final-mode.js';
export {
  asyncProbes,
  modeAsyncProbes,
  reflectionProbes,
  type AsyncProbe,
  type ModeAsyncProbe,
  type ProbeReport,
  type ProbeResult,
  type ProbeStatus,
  type ReflectionProbe,
} from './probe-report.js';
