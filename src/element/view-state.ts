import type { CameraCheckState } from '../camera/camera-check.js';
import type { CameraErrorCode } from '../camera/error-codes.js';
import type { FinalPrediction } from '../core/final-mode.js';

/** Everything the element can show. Each has its own slot (`state-<name>`) and is announced. */
export type ViewState =
  | 'checking'
  | 'ready'
  | 'requesting'
  | 'waiting'
  | 'camera-ready'
  | 'camera-error'
  | 'insecure'
  | 'blocked-by-policy'
  | 'no-camera-api'
  | 'in-app'
  | 'cannot-verify'
  | 'handing-off'
  | 'handoff-failed';

export const viewStates: readonly ViewState[] = [
  'checking',
  'ready',
  'requesting',
  'waiting',
  'camera-ready',
  'camera-error',
  'insecure',
  'blocked-by-policy',
  'no-camera-api',
  'in-app',
  'cannot-verify',
  'handing-off',
  'handoff-failed',
];

export interface ViewInputs {
  /** The final prediction, once the probes ran. */
  prediction: FinalPrediction | null;
  camera: CameraCheckState;
  handoff: 'idle' | 'pending' | 'failed' | 'done';
  /** The backend disabled FaceID's switch to video mode (`Config.AutoDowngrade = 2`). */
  noDowngrade: boolean;
}

/** States where the user cannot fix things by trying again, keyed by what caused them. */
const dead: Partial<Record<CameraErrorCode, ViewState>> = {
  'insecure-context': 'insecure',
  'blocked-by-policy': 'blocked-by-policy',
  'no-getusermedia': 'no-camera-api',
};

/**
 * The one state to show, from what is known. Pure. Later stages win: a hand-off in progress over
 * the camera, the camera over the prediction.
 */
export function viewState({ prediction, camera, handoff, noDowngrade }: ViewInputs): ViewState {
  if (handoff === 'pending' || handoff === 'done') return 'handing-off';
  if (handoff === 'failed') return 'handoff-failed';
  const inApp = prediction?.uaPrediction.environment.app != null && prediction.uaPrediction.environment.app !== 'kyc-app';
  switch (camera.status) {
    case 'requesting':
      return 'requesting';
    case 'waiting':
      return 'waiting';
    case 'ready':
      return 'camera-ready';
    case 'error': {
      const fatal = dead[camera.code];
      if (fatal === 'no-camera-api' && inApp) return 'in-app';
      return fatal ?? 'camera-error';
    }
    default:
      break; // idle or cancelled: back to what the prediction says
  }
  if (!prediction) return 'checking';
  const { probes } = prediction;
  if (probes.secureContext.status === 'fail') return 'insecure';
  if (probes.cameraPolicy.status === 'fail') return 'blocked-by-policy';
  if (probes.getUserMedia.status === 'fail') return inApp ? 'in-app' : 'no-camera-api';
  if (prediction.mode === 'video' && noDowngrade) return inApp ? 'in-app' : 'cannot-verify';
  return 'ready';
}
