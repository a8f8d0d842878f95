import type { ViewState } from './states.js';

/**
 * What each state means, in one sentence: the description of its `state-…` slot, which
 * custom-elements-manifest.config.mjs writes into custom-elements.json, and the README's state
 * table, which test/node/states-docs.test.mjs checks against it. Kept apart from the records the
 * element renders from, so no browser downloads it.
 */
export const stateSummaries = {
  checking: 'The browser is being checked (no prompt).',
  ready: 'The check can start: the predicted mode is shown.',
  requesting: 'The camera is opening.',
  waiting: 'The permission prompt waits for an answer.',
  'no-answer':
    'The permission prompt got no answer for `no-answer-timeout`: what to do is said, and the button waits on the same request again (never a second prompt).',
  'camera-ready': 'The camera worked and was released.',
  'camera-error': 'The camera failed (busy, denied, not working).',
  insecure: 'The page is not HTTPS, so no browser will open the camera.',
  'blocked-by-policy': "The embedding page's permissions policy blocks the camera.",
  'no-camera-api': 'This browser has no camera API (getUserMedia).',
  'in-app': 'An in-app browser that should be left for the system browser.',
  'cannot-verify': 'Video mode is predicted but the backend turned the downgrade off.',
  'handing-off': 'The verification page is opening.',
  'handoff-failed': 'The verification URL could not be obtained or was refused.',
  'load-failed': 'The code a tap needs (camera check, hand-off) did not load: no connection, or a file that failed its integrity check.',
} as const satisfies Record<ViewState, string>;
