/**
 * The report as a link short enough for a QR code: the inputs of the prediction (user agent,
 * Client Hints, touch points, probe statuses) and its outcome, in the URL's fragment — never sent
 * to a server, not even this one. Opening the link recomputes the explanation from the inputs
 * with the engine on that page, and shows where it differs from what was reported.
 *
 * Plain query-string encoding, no compression: it must decode on the old phones QA tests with.
 */
import {
  finalMode,
  predictFromUserAgent,
  reflectionProbes,
  isProfileId,
  type ClientHints,
  type FinalPrediction,
  type ProbeReport,
  type ProbeStatus,
  type ProfileId,
} from '../../src/core/index.js';
import type { DemoReport } from './report.js';

export const SHORT_LINK_PREFIX = '#report?';

/** The probes the link carries, one letter each (p, f, u), in this order. */
const linkedProbes = [...reflectionProbes, 'mediaRecorder', 'cameraPermission'] as const;
const letters: Record<ProbeStatus, string> = { pass: 'p', fail: 'f', unknown: 'u' };
const statuses: Record<string, ProbeStatus> = { p: 'pass', f: 'fail', u: 'unknown' };

/** Long enough for any DOMException message a browser gives for getUserMedia. */
const MESSAGE_LIMIT = 120;

export interface SharedReport {
  elementVersion: string;
  generatedAt: string;
  profile: ProfileId;
  userAgent: string;
  clientHints: ClientHints | null;
  maxTouchPoints: number | null;
  /** Per probe, as reported (absent when the report had no probes yet). */
  probes: Partial<Record<(typeof linkedProbes)[number], ProbeStatus>>;
  reported: { mode: string; rule: string; likelihood: number } | null;
  camera: { status: string; code?: string; name?: string; message?: string };
}

export function shortLink(report: DemoReport, base: string): string {
  const q = new URLSearchParams();
  q.set('v', '1');
  q.set('ev', report.elementVersion);
  q.set('t', report.generatedAt.slice(0, 16));
  q.set('p', report.profile);
  if (report.prediction) {
    q.set('m', report.prediction.mode);
    q.set('r', report.prediction.rule);
    q.set('l', String(report.prediction.likelihood));
  }
  if (report.probes) {
    const probes = report.probes;
    q.set('pr', linkedProbes.map((name) => letters[probes[name].status]).join(''));
    if (probes.maxTouchPoints !== null) q.set('tp', String(probes.maxTouchPoints));
  }
  if (report.clientHints?.platformVersion) q.set('pv', report.clientHints.platformVersion);
  if (report.clientHints?.model) q.set('md', report.clientHints.model);
  const camera = report.camera;
  q.set('c', camera.status);
  if (camera.status === 'error') {
    q.set('cc', camera.code);
    q.set('cn', camera.name);
    q.set('cm', camera.message.slice(0, MESSAGE_LIMIT));
  }
  q.set('ua', report.userAgent);
  return `${base}${SHORT_LINK_PREFIX}${q.toString()}`;
}

/** The report in a link's fragment, or null when the fragment is not one. */
export function readShortLink(hash: string): SharedReport | null {
  if (!hash.startsWith(SHORT_LINK_PREFIX)) return null;
  const q = new URLSearchParams(hash.slice(SHORT_LINK_PREFIX.length));
  const ua = q.get('ua');
  if (q.get('v') !== '1' || ua === null) return null;
  const profile = q.get('p');
  const hints: ClientHints = {};
  if (q.has('pv')) hints.platformVersion = q.get('pv')!;
  if (q.has('md')) hints.model = q.get('md')!;
  const probes: SharedReport['probes'] = {};
  const letterString = q.get('pr') ?? '';
  linkedProbes.forEach((name, i) => {
    const status = statuses[letterString[i] ?? ''];
    if (status) probes[name] = status;
  });
  const touch = Number.parseInt(q.get('tp') ?? '', 10);
  const camera: SharedReport['camera'] = { status: q.get('c') ?? 'not-run' };
  for (const [key, field] of [
    ['cc', 'code'],
    ['cn', 'name'],
    ['cm', 'message'],
  ] as const) {
    const value = q.get(key);
    if (value !== null) camera[field] = value;
  }
  return {
    elementVersion: q.get('ev') ?? 'unknown',
    generatedAt: q.get('t') ?? '',
    profile: isProfileId(profile) ? profile : 'intl',
    userAgent: ua,
    clientHints: Object.keys(hints).length ? hints : null,
    maxTouchPoints: Number.isNaN(touch) ? null : touch,
    probes,
    reported: q.has('m') ? { mode: q.get('m')!, rule: q.get('r') ?? '', likelihood: Number(q.get('l') ?? 0) } : null,
    camera,
  };
}

/** The shared report's prediction, recomputed here from its inputs. */
export function recompute(shared: SharedReport): FinalPrediction {
  const ua = predictFromUserAgent(shared.userAgent, {
    profile: shared.profile,
    ...(shared.clientHints ? { clientHints: shared.clientHints } : {}),
    ...(shared.maxTouchPoints !== null ? { maxTouchPoints: shared.maxTouchPoints } : {}),
  });
  const result = (name: (typeof linkedProbes)[number]) => {
    const status = shared.probes[name] ?? 'unknown';
    return { status, detail: shared.probes[name] ? 'from the shared link' : 'not in the link' };
  };
  const probes: ProbeReport = {
    secureContext: result('secureContext'),
    getUserMedia: result('getUserMedia'),
    cameraPolicy: result('cameraPolicy'),
    peerConnection: result('peerConnection'),
    h264: result('h264'),
    mediaRecorder: { ...result('mediaRecorder'), types: [] },
    cameraPermission: { ...result('cameraPermission'), state: null },
    clientHints: shared.clientHints,
    maxTouchPoints: shared.maxTouchPoints,
  };
  return finalMode(ua, probes);
}

/** True when the recomputed outcome is the one the link reports. */
export function agrees(shared: SharedReport, here: FinalPrediction): boolean {
  return !shared.reported || (shared.reported.mode === here.mode && shared.reported.rule === here.rule);
}
