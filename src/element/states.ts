import type { CameraErrorCode } from '../camera/error-codes.js';
import { cameraMessageKeys, type Phrase, type PlainKey } from '../i18n/keys.js';
import type { AdviceKey } from './advice.js';

/**
 * Every state the element can show, described once. The element renders from these records; what
 * each means, for the documentation, is beside them in ./state-docs.ts. The `state-…` slots of
 * custom-elements.json are written from both (custom-elements-manifest.config.mjs), and the README's
 * state table is checked against both (test/node/states-docs.test.mjs). Adding a state = a record
 * here, its summary there, its words in the language packs, and the line of `viewState()` that
 * decides when it applies.
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
  readonly tone: Tone;
  /** Work is under way (a spinner, `aria-busy`). */
  readonly busy: boolean;
  readonly action: Action | null;
  readonly message: (c: MessageContext) => Message;
}

const say = (title: Phrase, ...detail: Array<Phrase | null>): Message => ({ title, detail: detail.filter((d): d is Phrase => d !== null) });

export const stateRecords = {
  checking: {
    tone: 'neutral',
    busy: true,
    action: null,
    message: () => say('checking'),
  },
  ready: {
    tone: 'neutral',
    busy: false,
    action: 'check-camera',
    message: ({ mode }) => (mode === 'video' ? say('readyVideo', 'readyVideoDetail') : say('readyReflection', 'readyReflectionDetail')),
  },
  requesting: {
    tone: 'neutral',
    busy: true,
    action: 'camera-opening',
    message: () => say('requesting'),
  },
  waiting: {
    tone: 'warning',
    busy: true,
    action: 'camera-opening',
    message: () => say('promptWaiting'),
  },
  'no-answer': {
    tone: 'warning',
    busy: false,
    action: 'retry-camera',
    message: ({ leaveApp }) => say('noAnswerTitle', 'noAnswer', leaveApp),
  },
  'camera-ready': {
    tone: 'success',
    busy: false,
    action: 'start-verification',
    message: () => say('cameraReady'),
  },
  'camera-error': {
    tone: 'error',
    busy: false,
    action: 'retry-camera',
    message: ({ cameraError, leaveApp }) => say('cameraProblem', cameraMessageKeys[cameraError], leaveApp),
  },
  insecure: {
    tone: 'error',
    busy: false,
    action: null,
    message: () => say('cameraProblem', 'insecureContext'),
  },
  'blocked-by-policy': {
    tone: 'error',
    busy: false,
    action: null,
    message: () => say('cameraProblem', 'blockedByPolicy'),
  },
  'no-camera-api': {
    tone: 'error',
    busy: false,
    action: null,
    message: ({ advice }) => say('cameraProblem', 'noGetUserMedia', advice),
  },
  'in-app': {
    tone: 'warning',
    busy: false,
    action: null,
    message: ({ leaveApp, advice }) => say('openInBrowserTitle', leaveApp ?? advice),
  },
  'cannot-verify': {
    tone: 'warning',
    busy: false,
    action: null,
    message: ({ advice }) => say('cannotVerify', advice),
  },
  'handing-off': {
    tone: 'neutral',
    busy: true,
    action: null,
    message: () => say('handingOff'),
  },
  'handoff-failed': {
    tone: 'error',
    busy: false,
    action: 'retry-hand-off',
    message: () => say('handoffFailed'),
  },
  'load-failed': {
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
