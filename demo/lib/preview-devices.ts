/**
 * Stand-in browsers for the error simulator's previews (the element's `probeGlobals`): the
 * previews then read the same on every machine, run no real probe, and can show the copy that
 * depends on the device — the video-mode "ready" text, the in-app "open in browser" line.
 */
import type { ProbeGlobals } from '../../src/probes/probes.js';

export interface PreviewDevice {
  name: string;
  globals: ProbeGlobals;
}

function standIn(userAgent: string, maxTouchPoints: number): ProbeGlobals {
  const refuse = () => Promise.reject(new DOMException('A preview never opens the camera.', 'NotAllowedError'));
  return {
    isSecureContext: true,
    navigator: { userAgent, maxTouchPoints, mediaDevices: { getUserMedia: refuse } as unknown as MediaDevices },
    RTCPeerConnection: class {} as unknown as typeof RTCPeerConnection,
    RTCRtpSender: { getCapabilities: () => ({ codecs: [{ mimeType: 'video/H264', clockRate: 90000 }], headerExtensions: [] }) },
  };
}

export const previewDevices = {
  iphone: {
    name: 'Safari on an iPhone (reflection)',
    globals: standIn(
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
      5,
    ),
  },
  huaweiChrome: {
    name: 'Chrome on a Huawei phone (video)',
    globals: standIn(
      'Mozilla/5.0 (Linux; Android 10; ELS-NX9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.5735.196 Mobile Safari/537.36',
      5,
    ),
  },
  androidWeChat: {
    name: 'WeChat on Android (in-app)',
    globals: standIn(
      'Mozilla/5.0 (Linux; Android 12; V2145A Build/SP1A.210812.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5061 MMWEBSDK/20230504 MMWEBID/1234 MicroMessenger/8.0.37.2380(0x2800253B) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
      5,
    ),
  },
} satisfies Record<string, PreviewDevice>;
