// Moved to test/harness/hostile-inputs.mjs (shared with the tests); kept for bench/prediction.mjs.
export { hostileUserAgents } from '../test/harness/hostile-inputs.mjs';
