import type { ClientHints } from '../core/environment/types.js';
import { asyncProbes, type AsyncProbe, type ProbeReport, type ProbeResult } from '../core/probe-report.js';
import { timerDelay } from '../core/timer-delay.js';

/**
 * The globals the probes read, passed in (a `window`, an iframe's `contentWindow`, or a test's
 * stand-in) so that nothing here reaches for a global by itself.
 */
export interface ProbeGlobals {
  isSecureContext?: boolean | undefined;
  navigator?:
    | (Partial<Navigator> & {
        userAgentData?: { getHighEntropyValues?(hints: string[]): Promise<Record<string, unknown>> };
      })
    | undefined;
  // `object &`: without it the all-optional type is a "weak type" that a real `Document` (which has
  // neither property in TypeScript's DOM types) is not assignable to, so `predictHere(window)` failed.
  document?: (object & { permissionsPolicy?: PolicyAPI; featurePolicy?: PolicyAPI }) | undefined;
  RTCPeerConnection?: typeof RTCPeerConnection | undefined;
  RTCRtpSender?: { getCapabilities?(kind: string): RTCRtpCapabilities | null } | undefined;
  MediaRecorder?: { isTypeSupported?(type: string): boolean } | undefined;
}

interface PolicyAPI {
  allowsFeature?(feature: string): boolean;
}

const pass = (detail: string): ProbeResult => ({ status: 'pass', detail });
const fail = (detail: string): ProbeResult => ({ status: 'fail', detail });
const unknown = (detail: string): ProbeResult => ({ status: 'unknown', detail });

/** Runs a probe; whatever it throws becomes `unknown` with the error's words. */
function safely<T extends ProbeResult>(probe: () => T, fallback: (detail: string) => T): T {
  try {
    return probe();
  } catch (error) {
    return fallback(`the check itself failed: ${describeError(error)}`);
  }
}

async function safelyAsync<T>(probe: () => Promise<T>, fallback: (detail: string) => T): Promise<T> {
  try {
    return await probe();
  } catch (error) {
    return fallback(`the check itself failed: ${describeError(error)}`);
  }
}

function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'name' in error) return `${String(error.name)}: ${String((error as Error).message)}`;
  return String(error);
}

export function probeSecureContext(g: ProbeGlobals): ProbeResult {
  return safely(() => {
    if (g.isSecureContext === true) return pass('the page is a secure context');
    if (g.isSecureContext === false) return fail('the page is not served over HTTPS (or localhost)');
    return unknown('this browser does not report isSecureContext');
  }, unknown);
}

export function probeGetUserMedia(g: ProbeGlobals): ProbeResult {
  return safely(() => {
    const devices = g.navigator?.mediaDevices;
    if (devices && typeof devices.getUserMedia === 'function') return pass('navigator.mediaDevices.getUserMedia exists');
    if (g.isSecureContext === false) return fail('navigator.mediaDevices is missing (browsers hide it on insecure pages)');
    return fail('navigator.mediaDevices.getUserMedia is missing');
  }, unknown);
}

export function probePeerConnection(g: ProbeGlobals): ProbeResult {
  return safely(
    () => (typeof g.RTCPeerConnection === 'function' ? pass('RTCPeerConnection exists') : fail('RTCPeerConnection is missing')),
    unknown,
  );
}

/** A `navigator` field, or undefined when there is none or reading it throws. */
function navigatorField(g: ProbeGlobals, key: 'userAgent' | 'maxTouchPoints'): unknown {
  try {
    return g.navigator?.[key];
  } catch {
    return undefined;
  }
}

/** `navigator.userAgent`, or null when reading it fails. */
export function readUserAgent(g: ProbeGlobals): string | null {
  const ua = navigatorField(g, 'userAgent');
  return typeof ua === 'string' ? ua : null;
}

/** `navigator.maxTouchPoints`, or null when the browser does not say. */
export function probeTouchPoints(g: ProbeGlobals): number | null {
  const touch = navigatorField(g, 'maxTouchPoints');
  return typeof touch === 'number' ? touch : null;
}

export function probeCameraPolicy(g: ProbeGlobals): ProbeResult {
  return safely(() => {
    const policy = g.document?.permissionsPolicy ?? g.document?.featurePolicy;
    if (!policy || typeof policy.allowsFeature !== 'function') {
      return unknown('this browser cannot report the permissions policy');
    }
    return policy.allowsFeature('camera')
      ? pass('the permissions policy allows the camera here')
      : fail('the permissions policy (iframe `allow` or Permissions-Policy header) blocks the camera');
  }, unknown);
}

/**
 * H.264 offered for sending. `RTCRtpSender.getCapabilities` answers synchronously; where it is
 * missing, an SDP offer is created (no ICE: no candidates are gathered before
 * setLocalDescription) and the connection is closed on every path.
 */
export async function probeH264(g: ProbeGlobals, signal?: AbortSignal): Promise<ProbeResult> {
  return safelyAsync(async () => {
    const capabilities = g.RTCRtpSender?.getCapabilities?.('video');
    if (capabilities) {
      const h264 = capabilities.codecs.some((c) => c.mimeType.toLowerCase() === 'video/h264');
      return h264 ? pass('RTCRtpSender.getCapabilities lists video/H264') : fail('RTCRtpSender.getCapabilities has no video/H264');
    }
    if (typeof g.RTCPeerConnection !== 'function') return fail('no RTCPeerConnection, so no real-time H.264');
    const pc = new g.RTCPeerConnection();
    try {
      if (typeof pc.addTransceiver === 'function') pc.addTransceiver('video', { direction: 'sendonly' });
      const offer = await abortable(pc.createOffer({ offerToReceiveVideo: true }), signal);
      return /^a=rtpmap:\d+ H264\//im.test(offer.sdp ?? '') ? pass('an SDP offer includes H264') : fail('an SDP offer has no H264');
    } finally {
      pc.close();
    }
  }, unknown);
}

const RECORDER_TYPES = [
  'video/mp4',
  'video/mp4;codecs=avc1',
  'video/webm;codecs=h264',
  'video/webm;codecs=vp8',
  'video/webm;codecs=vp9',
  'video/webm',
];

export function probeMediaRecorder(g: ProbeGlobals): ProbeReport['mediaRecorder'] {
  return safely(
    () => {
      const isTypeSupported = g.MediaRecorder?.isTypeSupported;
      if (typeof g.MediaRecorder !== 'function' || typeof isTypeSupported !== 'function') {
        return { ...fail('MediaRecorder is missing'), types: [] };
      }
      const types = RECORDER_TYPES.filter((t) => isTypeSupported.call(g.MediaRecorder, t));
      return types.length
        ? { ...pass(`MediaRecorder accepts ${types.join(', ')}`), types }
        : { ...fail('MediaRecorder accepts none of the usual video types'), types };
    },
    (detail) => ({ ...unknown(detail), types: [] }),
  );
}

/** The Permissions API's camera state. `query` never prompts. */
export async function probeCameraPermission(g: ProbeGlobals, signal?: AbortSignal): Promise<ProbeReport['cameraPermission']> {
  return safelyAsync(
    async () => {
      const permissions = g.navigator?.permissions;
      if (!permissions || typeof permissions.query !== 'function') {
        return { ...unknown('this browser has no Permissions API'), state: null };
      }
      const status = await abortable(permissions.query({ name: 'camera' as PermissionName }), signal);
      const state = status.state;
      if (state === 'denied') return { ...fail('camera permission is already denied for this site'), state };
      return { ...pass(`camera permission is "${state}"`), state };
    },
    (detail) => ({ ...unknown(detail), state: null }),
  );
}

/** UA Client Hints high-entropy values (Chromium on secure pages); null elsewhere. */
export async function probeClientHints(g: ProbeGlobals, signal?: AbortSignal): Promise<ClientHints | null> {
  return safelyAsync(
    async () => {
      const getHighEntropyValues = g.navigator?.userAgentData?.getHighEntropyValues;
      if (typeof getHighEntropyValues !== 'function') return null;
      const values = await abortable(
        getHighEntropyValues.call(g.navigator!.userAgentData, ['platformVersion', 'model', 'fullVersionList']),
        signal,
      );
      const hints: ClientHints = {};
      if (typeof values.platform === 'string') hints.platform = values.platform;
      if (typeof values.platformVersion === 'string') hints.platformVersion = values.platformVersion;
      if (typeof values.model === 'string' && values.model !== '') hints.model = values.model;
      if (typeof values.mobile === 'boolean') hints.mobile = values.mobile;
      if (Array.isArray(values.fullVersionList)) hints.fullVersionList = values.fullVersionList as ClientHints['fullVersionList'];
      return hints;
    },
    () => null,
  );
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * How long the asynchronous probes may take, together, before the unfinished ones count as not
 * answered. They answer in milliseconds where they work (a first createOffer on a slow phone in
 * well under a second); a browser that hangs one must not hold the prediction for ever.
 */
export const PROBE_DEADLINE_MS = 3000;

export interface RunProbesOptions {
  /** Milliseconds before an unfinished probe counts as not answered. Default {@link PROBE_DEADLINE_MS}. */
  deadlineMs?: number | undefined;
}

type AsyncResults = Pick<ProbeReport, AsyncProbe>;

/** What a probe reports when it did not answer in time. */
const noAnswer = (ms: number): AsyncResults => ({
  h264: unknown(`no answer within ${ms} ms (RTCPeerConnection.createOffer never settled)`),
  cameraPermission: { ...unknown(`no answer within ${ms} ms (navigator.permissions.query never settled)`), state: null },
  clientHints: null,
});

/**
 * Every probe, without a prompt. Never throws, and always settles: the asynchronous probes run
 * against one deadline, after which the unfinished ones are aborted (a peer connection is closed)
 * and reported as not answered (`unanswered`). An aborted run resolves with `unknown` for the
 * probes that had not finished.
 */
export async function runProbes(
  g: ProbeGlobals = globalThis as ProbeGlobals,
  signal?: AbortSignal,
  { deadlineMs }: RunProbesOptions = {},
): Promise<ProbeReport> {
  const ms = timerDelay(deadlineMs, PROBE_DEADLINE_MS);
  const late = noAnswer(ms);
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  // Called, in order, when the deadline passes: each marks its probe unanswered if it has not finished.
  const atDeadline: Array<() => void> = [];
  const timer = setTimeout(() => {
    for (const expire of atDeadline) expire();
    stop.abort(new DOMException(`the probes did not all answer within ${ms} ms`, 'TimeoutError'));
  }, ms);
  const unanswered = new Set<AsyncProbe>();

  /** The probe's answer, or its "no answer" once the deadline passed first (decided at the deadline, not by a race). */
  function byDeadline<P extends AsyncProbe>(name: P, run: (signal: AbortSignal) => Promise<AsyncResults[P]>): Promise<AsyncResults[P]> {
    return new Promise((resolve) => {
      let done = false;
      const settle = (value: AsyncResults[P]) => {
        if (done) return;
        done = true;
        resolve(value);
      };
      atDeadline.push(() => {
        if (done) return;
        unanswered.add(name);
        settle(late[name]);
      });
      run(stop.signal).then(settle, () => settle(late[name])); // (the probes never reject; belt and braces)
    });
  }

  try {
    const [h264, cameraPermission, clientHints] = await Promise.all([
      byDeadline('h264', (s) => probeH264(g, s)),
      byDeadline('cameraPermission', (s) => probeCameraPermission(g, s)),
      byDeadline('clientHints', (s) => probeClientHints(g, s)),
    ]);
    return {
      secureContext: probeSecureContext(g),
      getUserMedia: probeGetUserMedia(g),
      cameraPolicy: probeCameraPolicy(g),
      peerConnection: probePeerConnection(g),
      h264,
      mediaRecorder: probeMediaRecorder(g),
      cameraPermission,
      clientHints,
      maxTouchPoints: probeTouchPoints(g),
      unanswered: asyncProbes.filter((name) => unanswered.has(name)),
    };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
