import type { CameraCheckState } from '../camera/camera-check.js';
import type { CameraErrorCode } from '../camera/error-codes.js';
import type { FinalPrediction } from '../core/final-mode.js';
import type { ReflectionProbe } from '../core/probe-report.js';
import type { HandoffStatus } from './handoff-controller.js';
import type { ViewState } from './states.js';

export { isViewState, stateRecords, viewStates, type ViewState } from './states.js';

/** A tap that needs the second stage (src/element/stage.ts): still loading it, or it did not load. */
export interface AwaitingStage {
  does: 'check-camera' | 'hand-off';
  failed: boolean;
}

export interface ViewInputs {
  /** The final prediction, once the probes ran. */
  prediction: FinalPrediction | null;
  camera: CameraCheckState;
  handoff: HandoffStatus;
  /** A tap waiting for the stage that carries it out. */
  awaiting: AwaitingStage | null;
  /** The backend disabled FaceID's switch to video mode (`Config.AutoDowngrade = 2`). */
  noDowngrade: boolean;
}

/** The states where trying again cannot help, by the camera check's refusal and by the probe that found it first. */
const deadByCameraError: Partial<Record<CameraErrorCode, ViewState>> = {
  'insecure-context': 'insecure',
  'blocked-by-policy': 'blocked-by-policy',
  'no-getusermedia': 'no-camera-api',
};
const deadByProbe: Partial<Record<ReflectionProbe, ViewState>> = {
  secureContext: 'insecure',
  cameraPolicy: 'blocked-by-policy',
  getUserMedia: 'no-camera-api',
};

/**
 * The one state to show, from what is known. Pure. Later stages win: a hand-off in progress over
 * the camera, the camera over the prediction. The probes are read once, by `finalMode`: this
 * reads the probe it reported as failing.
 */
export function viewState({ prediction, camera, handoff, awaiting, noDowngrade }: ViewInputs): ViewState {
  if (awaiting) return awaiting.failed ? 'load-failed' : awaiting.does === 'hand-off' ? 'handing-off' : 'requesting';
  if (handoff === 'pending' || handoff === 'done') return 'handing-off';
  if (handoff === 'failed') return 'handoff-failed';
  const app = prediction?.uaPrediction.environment.app;
  const inApp = app != null && app !== 'kyc-app';
  const leaveApp = (state: ViewState): ViewState => (state === 'no-camera-api' && inApp ? 'in-app' : state);
  switch (camera.status) {
    case 'requesting':
      return 'requesting';
    case 'waiting':
      return 'waiting';
    case 'no-answer':
      return 'no-answer';
    case 'ready':
      return 'camera-ready';
    case 'error':
      return leaveApp(deadByCameraError[camera.code] ?? 'camera-error');
    default:
      break; // idle or cancelled: back to what the prediction says
  }
  if (!prediction) return 'checking';
  const dead = prediction.failedProbe && deadByProbe[prediction.failedProbe];
  if (dead) return leaveApp(dead);
  if (prediction.mode === 'video' && noDowngrade) return inApp ? 'in-app' : 'cannot-verify';
  return 'ready';
}
