/**
 * Camera outcomes as a closed set of codes first; words come later, from the translations.
 * The first three are the ones Tencent documents (with its English messages); the others are the
 * cases its docs leave out.
 */
export const cameraErrorCodes = [
  'camera-busy',
  'camera-denied',
  'camera-unavailable',
  'insecure-context',
  'no-getusermedia',
  'blocked-by-policy',
] as const;
export type CameraErrorCode = (typeof cameraErrorCodes)[number];

/** A camera error code (an attribute such as `preview-error` may hold anything). */
export const isCameraErrorCode = (value: unknown): value is CameraErrorCode => (cameraErrorCodes as readonly unknown[]).includes(value);

/** The documented codes, in the order the docs list them. */
export const documentedCameraErrors = ['camera-busy', 'camera-denied', 'camera-unavailable'] as const;

/**
 * getUserMedia's DOMException names → codes. The legacy names (`TrackStartError`,
 * `PermissionDeniedError`, `DevicesNotFoundError`, `ConstraintNotSatisfiedError`) are what Chrome
 * threw before it followed the spec; old Android WebViews still do.
 */
const byName: Readonly<Record<string, CameraErrorCode>> = {
  NotReadableError: 'camera-busy',
  TrackStartError: 'camera-busy',
  NotAllowedError: 'camera-denied',
  PermissionDeniedError: 'camera-denied',
  // Firefox and older Safari throw SecurityError when the user or a policy refuses the camera.
  SecurityError: 'camera-denied',
  NotFoundError: 'camera-unavailable',
  DevicesNotFoundError: 'camera-unavailable',
  OverconstrainedError: 'camera-unavailable',
  ConstraintNotSatisfiedError: 'camera-unavailable',
  AbortError: 'camera-unavailable',
};

/** The error's name, whatever was thrown (a DOMException, an Error, a string, nothing). */
export function errorName(error: unknown): string {
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string') return error.name;
  return typeof error === 'string' ? error : 'Error';
}

export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return typeof error === 'string' ? error : '';
}

/** Anything getUserMedia can reject with → one code; unknown names are "camera not working". */
export function cameraErrorCode(error: unknown): CameraErrorCode {
  return byName[errorName(error)] ?? 'camera-unavailable';
}
