import type { CameraErrorCode } from '../camera/error-codes.js';
import { cameraMessageKeys, type Phrase, type PlainKey } from '../i18n/keys.js';
import type { AdviceKey } from './advice.js';

/**
 * Every state the element can show, described once. The element renders from these records; the
 * class JSDoc (`@slot state-…`, hence custom-elements.json) and the README's state table are
 * checked against them by test/node/states-docs.test.mjs. Adding a state = a record here, its
 * words in the language packs, and the line of `viewState()` that decides when it applies.
 */

export type Tone = 'neutral' | 'success' | 'warning' | 'error';

/** What the user can do in a state. `disabled`: shown, not usable (a prompt is open). */
export const actions = {
  'check-camera': { label: 'checkCamera', does: 'check-camera' },
  'camera-opening': { label: 'checkCamera', does: null },
  'start-verification': { label: 'startVerification', does: 'hand-off' },
  'retry-camera': { label: 'retry', does: 'check-camera' },
  'retry-hand-off': { label: 'retry', does: 'hand-off' },
  /** Loads the stage again, then does what the tap that needed it asked for. */
  'retry-load': { label: 'retry', does: 'retry-load' },
} as const satisfies Record<string, { label: PlainKey; does: 'check-camera' | 'hand-off' | 'retry-load' | null }>;
export type Action = keyof typeof actions;

/** What a state's words may depend on, besides the language. */
export interface MessageContext {
  /** The predicted mode (reflection until the prediction says otherwise). */
  mode: 'reflection' | 'video';
  /** The camera failure shown in `camera-error`. */
  cameraError: CameraErrorCode;
  /** How to leave the in-app browser, when the page is in one. */
  leaveApp: Phrase | null;
  /** Where this user can verify instead, when this browser cannot. */
  advice: AdviceKey;
}

export interface Message {
  title: Phrase;
  /** Sentences of the detail line, in order. */
  detail: Phrase[];
}

export interface StateRecord {
  /** What the state means, in one sentence: the slot's documentation and the README's table. */
  readonly summary: string;
  readonly tone: Tone;
  /** Work is under way (a spinner, `aria-busy`). */
  readonly busy: boolean;
  readonly action: Action | null;
  readonly message: (c: MessageContext) => Message;
}

const say = (title: Phrase, ...detail: Array<Phrase | null>): Message => ({ title, detail: detail.filter((d): d is Phrase => d !== null) });

export const stateRecords = {
  checking: {
    summary: 'The browser is being checked (no prompt).',
    tone: 'neutral',
    busy: true,
    action: null,
    message: () => say('checking'),
  },
  ready: {
    summary: 'The check can start: the predicted mode is shown.',
    tone: 'neutral',
    busy: false,
    action: 'check-camera',
    message: ({ mode }) => (mode === 'video' ? say('readyVideo', 'readyVideoDetail') : say('readyReflection', 'readyReflectionDetail')),
  },
  requesting: {
    summary: 'The camera is opening.',
    tone: 'neutral',
    busy: true,
    action: 'camera-opening',
    message: () => say('requesting'),
  },
  waiting: {
    summary: 'The permission prompt waits for an answer.',
    tone: 'warning',
    busy: true,
    action: 'camera-opening',
    message: () => say('promptWaiting'),
  },
  'no-answer': {
    summary:
      'The permission prompt got no answer for `no-answer-timeout`: what to do is said, and the button waits on the same request again (never a second prompt).',
    tone: 'warning',
    busy: false,
    action: 'retry-camera',
    message: ({ leaveApp }) => say('noAnswerTitle', 'noAnswer', leaveApp),
  },
  'camera-ready': {
    summary: 'The camera worked and was released.',
    tone: 'success',
    busy: false,
    action: 'start-verification',
    message: () => say('cameraReady'),
  },
  'camera-error': {
    summary: 'The camera failed (busy, denied, not working).',
    tone: 'error',
    busy: false,
    action: 'retry-camera',
    message: ({ cameraError, leaveApp }) => say('cameraProblem', cameraMessageKeys[cameraError], leaveApp),
  },
  insecure: {
    summary: 'The page is not HTTPS, so no browser will open the camera.',
    tone: 'error',
    busy: false,
    action: null,
    message: () => say('cameraProblem', 'insecureContext'),
  },
  'blocked-by-policy': {
    summary: "The embedding page's permissions policy blocks the camera.",
    tone: 'error',
    busy: false,
    action: null,
    message: () => say('cameraProblem', 'blockedByPolicy'),
  },
  'no-camera-api': {
    summary: 'This browser has no camera API (getUserMedia).',
    tone: 'error',
    busy: false,
    action: null,
    message: ({ advice }) => say('cameraProblem', 'noGetUserMedia', advice),
  },
  'in-app': {
    summary: 'An in-app browser that should be left for the system browser.',
    tone: 'warning',
    busy: false,
    action: null,
    message: ({ leaveApp, advice }) => say('openInBrowserTitle', leaveApp ?? advice),
  },
  'cannot-verify': {
    summary: 'Video mode is predicted but the backend turned the downgrade off.',
    tone: 'warning',
    busy: false,
    action: null,
    message: ({ advice }) => say('cannotVerify', advice),
  },
  'handing-off': {
    summary: 'The verification page is opening.',
    tone: 'neutral',
    busy: true,
    action: null,
    message: () => say('handingOff'),
  },
  'handoff-failed': {
    summary: 'The verification URL could not be obtained or was refused.',
    tone: 'error',
    busy: false,
    action: 'retry-hand-off',
    message: () => say('handoffFailed'),
  },
  'load-failed': {
    summary: 'The code a tap needs (camera check, hand-off) did not load: no connection, or a file that failed its integrity check.',
    tone: 'error',
    busy: false,
    action: 'retry-load',
    message: () => say('loadFailed', 'loadFailedDetail'),
  },
} as const satisfies Record<string, StateRecord>;

export type ViewState = keyof typeof stateRecords;

/** Every state, in the order of the records. */
export const viewStates = Object.keys(stateRecords) as ViewState[];

export function isViewState(value: unknown): value is ViewState {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(stateRecords, value);
}

/** The slot that replaces a state's message. */
export const stateSlot = (state: ViewState): `state-${ViewState}` => `state-${state}`;

/** Whether a state's button starts something (a camera check, a hand-off, a reload): what needs the second stage. */
export function offersTap(state: ViewState): boolean {
  const action = stateRecords[state].action;
  return action !== null && actions[action].does !== null;
}
