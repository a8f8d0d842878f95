/** The hand-off: get the verification URL, check it, and read the token on the way back. */
export { checkVerificationUrl, type HandoffUrlCheck, type HandoffUrlProblem } from './url-check.js';
export {
  parseAllowedHosts,
  defaultAllowedHosts,
  type AllowedHostsAttribute,
  type HostPatternProblem,
  type RejectedHostPattern,
} from './host-patterns.js';
export {
  fetchVerificationUrl,
  MAX_RESPONSE_BYTES,
  type TokenEndpointOptions,
  type TokenEndpointProblem,
  type TokenEndpointResult,
} from './token-endpoint.js';
export { readVerificationResponse, type VerificationResponse } from './verification-response.js';
export { readReturnToken } from './return-page.js';
