import type { CameraSummary } from '../camera/camera-check.js';
import type { CameraErrorCode } from '../camera/error-codes.js';
import type { FinalPrediction } from '../core/final-mode.js';

/** `faceid-prediction`: the final mode is known (after the probes, before any prompt). */
export type PredictionEventDetail = FinalPrediction;

/** `faceid-camera-ready`: the camera opened and was released again. */
export interface CameraReadyEventDetail {
  camera: CameraSummary;
}

/** `faceid-camera-error`: the camera check failed; `name` is the DOMException's. */
export interface CameraErrorEventDetail {
  code: CameraErrorCode;
  name: string;
  message: string;
}

/** `faceid-handoff` (cancelable): about to navigate. Call preventDefault() to take over (a SPA). */
export interface HandoffEventDetail {
  url: string;
  prediction: FinalPrediction | null;
}

/** `faceid-error`: something the integrator should look at (the hand-off failed, bad configuration). */
export interface ErrorEventDetail {
  reason: string;
  detail: string;
  status?: number;
}

export interface FaceidPreflightEventMap {
  'faceid-prediction': CustomEvent<PredictionEventDetail>;
  'faceid-camera-ready': CustomEvent<CameraReadyEventDetail>;
  'faceid-camera-error': CustomEvent<CameraErrorEventDetail>;
  'faceid-handoff': CustomEvent<HandoffEventDetail>;
  'faceid-error': CustomEvent<ErrorEventDetail>;
}

/** Events bubble and cross shadow roots, so a listener anywhere up the tree hears them. */
export function emit<K extends keyof FaceidPreflightEventMap>(
  target: EventTarget,
  type: K,
  detail: FaceidPreflightEventMap[K]['detail'],
  options: { cancelable?: boolean } = {},
): FaceidPreflightEventMap[K] {
  const event = new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false });
  target.dispatchEvent(event);
  return event as FaceidPreflightEventMap[K];
}
