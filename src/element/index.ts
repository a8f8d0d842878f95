/**
 * faceid-preflight/element — the element class without registering it: for scoped registries, or
 * to register it under another name (`customElements.define('my-preflight', FaceidPreflight)`).
 */
export { FaceidPreflight, type StringOverrides, type VerificationUrlProvider } from './faceid-preflight.component.js';
export type {
  CameraErrorEventDetail,
  CameraReadyEventDetail,
  ErrorEventDetail,
  FaceidPreflightEventMap,
  HandoffEventDetail,
  PredictionEventDetail,
} from './events.js';
export { viewStates, type ViewState } from './view-state.js';
