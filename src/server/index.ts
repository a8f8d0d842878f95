/**
 * faceid-preflight/server — the backend half, for Node ≥ 20 (no DOM): fetch-standard handlers for
 * the element's token endpoint and the return page, on Tencent Cloud's official SDK
 * (`tencentcloud-sdk-nodejs-common`, an optional peer dependency: install it with the server).
 */
export {
  createStartHandler,
  redirectUrlProblem,
  type StartHandlerOptions,
  type StartContext,
  type TokenBinding,
  type PredictionHint,
} from './start-handler.js';
export { createResultHandler, type ResultHandlerOptions, type ResultBody } from './result-handler.js';
export {
  createFaceidClient,
  FACEID_API_VERSION,
  type FaceidClient,
  type ApplyParameters,
  type AppliedToken,
  type WebVerificationConfig,
  type VerificationResult,
  type VerificationAttempt,
} from './faceid-client.js';
export { verificationOutcomes, outcomeOf, type VerificationOutcome } from './outcomes.js';
export { clientHintsHeaders, readClientHints, requestedClientHints, criticalClientHints } from './client-hints.js';
export { faceidLanguages, faceidLanguageOf, type FaceidLanguage } from './language.js';
export { cookieBinding, type CookieBindingOptions } from './cookie-binding.js';
export {
  toNodeListener,
  toFetchRequest,
  sendFetchResponse,
  nodeRequestOf,
  type NodeListener,
  type NodeAdapterOptions,
} from './node-adapter.js';
export { FaceidApiError, serverErrorCodes, apiFailureKinds, type ServerErrorCode, type ApiFailureKind } from './api-failure.js';
export { FaceidSetupError, isLoopbackHostname, DEFAULT_ENDPOINT, DEFAULT_REGION, type TencentCloudOptions } from './credentials.js';
export { defaultLog, type FetchHandler, type ServerLog, type ServerLogEntry } from './http.js';
