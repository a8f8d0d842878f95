import type { Translation } from '@shoelace-style/localize';
import { latinAppNames } from './app-names.js';
import { englishReasonWords, type ReasonWords } from './reasons/en.js';

/**
 * The source strings, and the type every other language must satisfy: a missing key in another
 * language is a compile error. The three camera messages are Tencent's documented English,
 * verbatim (including the last one's missing full stop).
 */
const en = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',

  // Tencent's documented getUserMedia messages
  cameraBusy: 'Unable to access your camera/mic. Please make sure that there is no other app requesting access to them and try again.',
  cameraDenied:
    'Mic and camera permissions of your device are required during the whole verification. Please clear your browser cache and try again.',
  cameraUnavailable: 'Please check whether the camera/mic can be accessed normally and try again',

  // what the docs leave out (our words)
  promptWaiting: 'Still waiting for your answer: when your browser asks to use the camera, tap Allow.',
  noAnswerTitle: 'No answer from the camera yet',
  noAnswer:
    'If your browser is asking to use the camera, tap Allow. If you see no such request, reload this page or open it in another browser.',
  insecureContext: 'This page is not secure (HTTPS), so your browser will not open the camera. Please tell the site owner.',
  noGetUserMedia: 'This browser cannot open the camera.',
  blockedByPolicy: 'The page around this one does not allow the camera. Please tell the site owner.',
  openInBrowserMenu: (app: string) => `You are in ${app}. Tap ··· in the top-right corner, then choose Open in Browser.`,
  openInBrowserGeneric: (app: string) => `You are in ${app}. Please open this page in your phone's browser (Safari or Chrome).`,

  // in-app hosts, as users know them
  ...latinAppNames,
  appOther: 'an app',

  // the element's states
  checking: 'Checking your browser…',
  readyReflection: 'Ready for face verification',
  readyReflectionDetail: 'Hold your phone at eye level. The screen will flash a few colours while the check runs.',
  readyVideo: 'Ready for video verification',
  readyVideoDetail: 'You will record a short video of your face. Find a well-lit place.',
  checkCamera: 'Check my camera',
  requesting: 'Opening your camera…',
  cameraReady: 'Your camera works.',
  startVerification: 'Start verification',
  retry: 'Try again',
  cameraProblem: 'Camera problem',
  cannotVerify: 'This browser cannot complete the verification.',
  adviceSafari: 'Please open this page in Safari.',
  adviceChrome: 'Please open this page in Chrome.',
  adviceHuaweiBrowser:
    "Chrome cannot run the verification on Huawei phones. Please open this page in your phone's own browser (Huawei Browser).",
  adviceOtherPhone: 'This phone cannot run the verification. Please open this page on another phone with a newer system.',
  advicePhone: 'Please open this page on your phone.',
  adviceSupportedBrowser: 'Please open this page in Safari (iPhone) or Chrome (Android).',
  openInBrowserTitle: 'Open this page in your browser',
  handingOff: 'Opening the verification page…',
  handoffFailed: 'We could not open the verification page. Please try again.',
  loadFailed: 'Part of this page did not load',
  loadFailedDetail: 'Check your connection and try again.',
  why: 'Why?',
};

export type Strings = { [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

/**
 * What a language file exports: every key, with the same call signature, and the words of the
 * prediction's reasons (the "Why?" list), whose source and type are `./reasons/en.ts`.
 */
export type LanguagePack = Strings & Translation & { reasonWords: ReasonWords };

const pack: LanguagePack = { ...en, reasonWords: englishReasonWords } as LanguagePack;
export default pack;
