import type { CameraErrorCode } from '../camera/error-codes.js';
import type { InAppHost } from '../core/environment/types.js';
import type { Strings } from './en.js';

/** Keys of the strings that take no argument. */
export type PlainKey = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings] & string;

/** Keys of the strings that take the name of an app. */
export type AppKey = 'openInBrowserMenu' | 'openInBrowserGeneric';

/** A sentence to show: a plain key, or a key with the app name it is about. */
export type Phrase = PlainKey | { readonly key: AppKey; readonly app: PlainKey };

/** Camera outcome code → the message users see. */
export const cameraMessageKeys: Readonly<Record<CameraErrorCode, PlainKey>> = {
  'camera-busy': 'cameraBusy',
  'camera-denied': 'cameraDenied',
  'camera-unavailable': 'cameraUnavailable',
  'insecure-context': 'insecureContext',
  'no-getusermedia': 'noGetUserMedia',
  'blocked-by-policy': 'blockedByPolicy',
};

/**
 * How to leave each in-app browser for the system one. Every app here keeps "Open in Browser" in
 * the ··· menu at the top right; an app we do not know gets the general advice. `kyc-app` is an
 * app set up for Tencent's verification: there is nothing to leave.
 */
export const inAppGuidance: Readonly<Record<Exclude<InAppHost, 'kyc-app'>, { app: PlainKey; gesture: AppKey }>> = {
  wechat: { app: 'appWeChat', gesture: 'openInBrowserMenu' },
  wecom: { app: 'appWeCom', gesture: 'openInBrowserMenu' },
  'qq-app': { app: 'appQQ', gesture: 'openInBrowserMenu' },
  alipay: { app: 'appAlipay', gesture: 'openInBrowserMenu' },
  dingtalk: { app: 'appDingTalk', gesture: 'openInBrowserMenu' },
  weibo: { app: 'appWeibo', gesture: 'openInBrowserMenu' },
  douyin: { app: 'appDouyin', gesture: 'openInBrowserMenu' },
  tiktok: { app: 'appTikTok', gesture: 'openInBrowserMenu' },
  toutiao: { app: 'appToutiao', gesture: 'openInBrowserMenu' },
  'baidu-app': { app: 'appBaidu', gesture: 'openInBrowserMenu' },
};

/** How to leave the in-app browser the page is in; null outside one (or in an app set up for FaceID). */
export function leaveAppPhrase(app: InAppHost | null | undefined): Phrase | null {
  if (!app || app === 'kyc-app') return null;
  const guidance = inAppGuidance[app];
  return { key: guidance.gesture, app: guidance.app };
}
