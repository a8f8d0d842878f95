/** faceid-preflight's local FaceID sandbox (development and tests only). */
export { startSandbox, type RunningSandbox, type SandboxOptions } from './sandbox.js';
export { standInOutcomes, outcomeFacts, type StandInOutcome } from './outcomes.js';
export { TOKEN_LIFETIME_MS, RESULT_LIFETIME_MS } from './token-store.js';
export { SIGNATURE_WINDOW_SECONDS } from './authenticate.js';
export { STAND_IN_LABEL } from './stand-in-page.js';
