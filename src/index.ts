/**
 * faceid-preflight — registers `<faceid-preflight>` and exports the whole browser API:
 * the element, the camera check, the probes, the hand-off helpers and the Node-safe core.
 */
export { FaceidPreflight } from './faceid-preflight.js';
export * from './element/index.js';
export * from './core/index.js';
export {
  CameraCheck,
  type CameraCheckOptions,
  type CameraCheckResult,
  type CameraCheckState,
  type CameraSummary,
} from './camera/camera-check.js';
export { cameraErrorCode, documentedCameraErrors, type CameraErrorCode } from './camera/error-codes.js';
export { PROBE_DEADLINE_MS, runProbes, type ProbeGlobals, type RunProbesOptions } from './probes/probes.js';
export { predictHere } from './probes/predict-here.js';
export * from './handoff/index.js';
export { languages, loadLanguage, type Language } from './i18n/register.js';
export type { Strings } from './i18n/en.js';
