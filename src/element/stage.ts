/**
 * The element's second stage: the code that runs only after a tap (the camera check and the
 * hand-off). The element loads it once its first decision is shown with a button, before the user
 * can tap, so the first decision's bytes arrive first (a state with nothing to tap never loads it).
 * In the CDN build it is a file of its own whose SHA-384 the entry carries (build/verified-stage.mjs);
 * it imports nothing, so nothing it needs can be fetched unchecked.
 */
export { CameraController } from './camera-controller.js';
export { HandoffController } from './handoff-controller.js';
