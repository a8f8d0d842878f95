import type { Rule } from './types.js';

/**
 * What both published tables leave out but the decision needs. Ids start with `fact/`. These
 * records are SHARED by both profiles on purpose (they are facts about platforms, not rows of one
 * table); a profile's own rows are its own records (see the `rows-stand-alone` check).
 * The Huawei note comes from the intl doc; it is a fact about Chrome's H.264 on Huawei hardware,
 * so both profiles apply it.
 */

/** Decided before parsing: there is no user agent to read. Not part of any ordered list. */
export const noUserAgent = {
  id: 'fact/no-user-agent',
  kind: 'fact',
  match: {},
  verdict: 'undetermined',
  likelihood: 0.5,
  documentedLikelihood: false,
} as const satisfies Rule;

export const desktop = {
  id: 'fact/desktop',
  kind: 'fact',
  match: { device: ['desktop'] },
  verdict: 'undetermined',
  likelihood: 0.5,
  documentedLikelihood: false,
} as const satisfies Rule;

export const harmonyOSNext = {
  id: 'fact/harmonyos-next',
  kind: 'fact',
  match: { os: ['HarmonyOS'] },
  verdict: 'undetermined',
  likelihood: 0.5,
  documentedLikelihood: false,
} as const satisfies Rule;

export const iosOther = {
  id: 'fact/ios-unlisted',
  kind: 'fact',
  match: { os: ['iOS'] },
  minimum: { osVersion: '14.3' },
  verdict: 'undetermined',
  likelihood: 0.5,
  documentedLikelihood: false,
} as const satisfies Rule;

export const huaweiChromium = {
  id: 'fact/huawei-chromium',
  kind: 'note',
  match: { os: ['Android'], vendor: ['Huawei'], kernel: ['chromium', 'system-webview'] },
  verdict: 'video',
  likelihood: 0,
  documentedLikelihood: true,
} as const satisfies Rule;

export const androidUnlisted = {
  id: 'fact/android-unlisted',
  kind: 'fact',
  match: { os: ['Android'] },
  minimum: { osVersion: '7' },
  verdict: 'undetermined',
  likelihood: 0.5,
  documentedLikelihood: false,
} as const satisfies Rule;

export const otherPlatform = {
  id: 'fact/other-platform',
  kind: 'fact',
  match: {},
  verdict: 'undetermined',
  likelihood: 0.5,
  documentedLikelihood: false,
} as const satisfies Rule;
