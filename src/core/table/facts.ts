import type { Rule } from './types.js';

/**
 * What both published tables leave out but the decision needs. Ids start with `fact/`.
 * The Huawei note comes from the intl doc; it is a fact about Chrome's H.264 on Huawei hardware,
 * so both profiles apply it.
 */

const SPEC = 'faceid-preflight product spec §3 (facts the tables leave out)';
const INTL_DOC = 'Tencent Cloud FaceID — Web verification (reflection-based liveness), compatibility (intl)';

/** Decided before parsing: there is no user agent to read. Not part of any ordered list. */
export const noUserAgent: Rule = {
  id: 'fact/no-user-agent',
  kind: 'fact',
  source: { doc: SPEC, text: 'Bad input gets a clear error and loses nothing.' },
  match: {},
  verdict: 'undetermined',
  likelihood: 0.5,
  documentedLikelihood: false,
  reason: 'No user agent to read (not a string, or empty); the runtime checks decide.',
};

export const desktop: Rule = {
  id: 'fact/desktop',
  kind: 'fact',
  source: { doc: SPEC, text: 'Desktops are not in the table (it lists iOS and Android only).' },
  match: { device: ['desktop'] },
  verdict: 'undetermined',
  likelihood: 0.5,
  documentedLikelihood: false,
  reason: 'A desktop browser: the table covers phones only, so the runtime checks decide.',
};

export const harmonyOSNext: Rule = {
  id: 'fact/harmonyos-next',
  kind: 'fact',
  source: { doc: SPEC, text: '`OpenHarmony x` (HarmonyOS NEXT) is its own OS; the table predates it.' },
  match: { os: ['HarmonyOS'] },
  verdict: 'undetermined',
  likelihood: 0.5,
  documentedLikelihood: false,
  reason: 'HarmonyOS NEXT is not in the table; the runtime checks decide.',
};

export const iosOther: Rule = {
  id: 'fact/ios-unlisted',
  kind: 'fact',
  source: {
    doc: SPEC,
    text: 'On iOS before 14.3 no browser but Safari has camera access (WKWebView gained getUserMedia in 14.3); other iOS browsers are not listed.',
  },
  match: { os: ['iOS'] },
  minimum: { osVersion: '14.3' },
  verdict: 'undetermined',
  likelihood: 0.5,
  documentedLikelihood: false,
  reason: 'This iOS browser or app is not in the table; the runtime checks decide.',
};

export const huaweiChromium: Rule = {
  id: 'fact/huawei-chromium',
  kind: 'note',
  source: {
    doc: INTL_DOC,
    text: 'Chrome and Chrome-WebView-based browsers on Huawei devices do not support real-time communication (H.264 licensing).',
  },
  match: { os: ['Android'], vendor: ['Huawei'], kernel: ['chromium', 'system-webview'] },
  verdict: 'video',
  likelihood: 0,
  documentedLikelihood: true,
  reason: 'Chrome and Chrome-based browsers on Huawei phones cannot use H.264 for real-time video.',
};

export const androidUnlisted: Rule = {
  id: 'fact/android-unlisted',
  kind: 'fact',
  source: { doc: SPEC, text: 'Browsers the table does not list on Android 7+: undetermined. Every Android row requires Android 7+.' },
  match: { os: ['Android'] },
  minimum: { osVersion: '7' },
  verdict: 'undetermined',
  likelihood: 0.5,
  documentedLikelihood: false,
  reason: 'This Android browser or app is not in the table; the runtime checks decide.',
};

export const otherPlatform: Rule = {
  id: 'fact/other-platform',
  kind: 'fact',
  source: { doc: SPEC, text: 'Anything the table does not settle is undetermined, never a silent "no".' },
  match: {},
  verdict: 'undetermined',
  likelihood: 0.5,
  documentedLikelihood: false,
  reason: 'The table does not cover this platform; the runtime checks decide.',
};
