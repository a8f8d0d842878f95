// The peer benchmark itself (started by run.mjs, possibly inside a private network namespace).
//
// One headless Chromium, pages served from 127.0.0.1, scripts gzipped (level 9, as a CDN serves
// them). First a control page checks that the watchers below see a fetch off the machine, a STUN
// server and a camera open; then one warm-up load per candidate (not counted, kept open WATCH_MS
// to catch late network use); then up to ROUNDS rounds (at least MIN_ROUNDS, fewer once BUDGET_S
// has gone by). A round loads every candidate once under each of two profiles, each load in a fresh
// browser context (no cache, no state), in an order that rotates so that noise from other work on
// the machine spreads over all of them:
//
//   desktop     no throttling
//   mobile      Lighthouse's mobile profile through CDP: Emulation.setCPUThrottlingRate 4×,
//               Network.emulateNetworkConditions 150 ms latency, 1.6 Mbps down, 750 kbps up
//
// Per page load:
//
//   bytes       every JavaScript file the page fetched, as served (the published minified build),
//               gzipped at level 9 with node:zlib and summed
//   decision    performance.now() from the inline script that starts loading the candidate to the
//               moment its answer is usable: ours = the final mode (H.264 probed); peers =
//               supported/unsupported and H.264 known (DetectRTC never reports H.264)
//   long tasks  PerformanceObserver('longtask') entries that started before decision + SETTLE_MS
//   network     every request/WebSocket to anything but 127.0.0.1, and the ICE servers handed to
//               RTCPeerConnection (STUN/TURN) — all fail locally: Chromium resolves no host name
//               (--host-resolver-rules) and, when run.mjs could, there is no route off the machine
//
// Prints a Markdown table per profile with ratios against this package's two rows and, for the
// mobile one, each candidate's floor (its chained requests × the RTT + its gzipped bytes at
// 1.6 Mbps: what no amount of CPU work saved could beat), then the targets (issue 7 on desktop,
// issue 12 on mobile), and writes everything to bench/peers/out/latest.json (+ latest.md).
import { createServer } from 'node:http';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumFakeMediaArgs } from '../../test/harness/chromium-flags.mjs';
import { planEngines } from '../../test/harness/engines.mjs';
import { plugins as cdnPlugins, terserOptions } from '../../rollup.config.mjs';
import { median, quantile } from '../stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const out = path.join(here, 'out');
const modules = path.join(here, 'node_modules');

const ROUNDS = Number(process.env.ROUNDS ?? 9);
// The measured rounds stop early (but never before MIN_ROUNDS) once they have taken BUDGET_S:
// `npm run bench:peers` must stay near 5 minutes even on a busy 2-core machine.
const MIN_ROUNDS = Math.min(ROUNDS, Number(process.env.MIN_ROUNDS ?? 5));
const BUDGET_S = Number(process.env.BUDGET_S ?? 180);
const PROFILES = [
  { id: 'desktop', title: 'Desktop (no throttling)', cpu: 1, network: null },
  {
    id: 'mobile',
    title: "Mobile (Lighthouse's profile: 4× CPU slowdown, 150 ms RTT, 1.6 Mbps down, 750 kbps up)",
    cpu: 4,
    network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  },
];
// The warm-up load of each candidate stays open this long after its decision, to catch what a
// peer sends a little later (reports, logs); its figures are not counted.
const WATCH_MS = Number(process.env.WATCH_MS ?? 2000);
const SETTLE_MS = 250; // after the decision: late long-task entries, and work a peer starts right after
const DECISION_TIMEOUT_MS = 20_000;
const started = performance.now();
const loadStart = os.loadavg();

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const version = (pkg) => readJson(path.join(modules, pkg, 'package.json')).version;
const license = (pkg) => readJson(path.join(modules, pkg, 'package.json')).license;

// ---------------------------------------------------------------------------------------------
// 1. The detection-only entry: predictHere (UA engine + runtime probes, no UI), bundled with the
//    package's own CDN build plugins (rollup.config.mjs: ua-parser-js's unread lists left out,
//    node-resolve, commonjs for ua-parser-js, terser, and the compile hint the entry carries).
mkdirSync(out, { recursive: true });
const detectFile = path.join(out, 'predict-here.min.js');
{
  const bundle = await rollup({
    input: path.join(root, 'dist/probes/predict-here.js'),
    plugins: cdnPlugins({ calledOnLoad: true }),
    onwarn: (w) => console.warn(`rollup: ${w.message}`),
  });
  await bundle.write({ file: detectFile, format: 'es' });
  await bundle.close();
}
// For the record: how much of it is ua-parser-js 1.x alone, minified the same way (untrimmed).
let uaParserGzip;
{
  const bundle = await rollup({
    input: path.join(root, 'node_modules/ua-parser-js/src/ua-parser.js'),
    plugins: [commonjs(), terser(terserOptions)],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  uaParserGzip = gzipSync(output[0].code, { level: 9 }).length;
}

// ---------------------------------------------------------------------------------------------
// 2. The candidates. `decide` runs in the page once the script has loaded and returns
//    { supported, h264, verdict } — h264: true/false, or null when the library cannot tell.
const ours = readJson(path.join(root, 'package.json'));
const candidates = [
  {
    id: 'ours-detect',
    name: `${ours.name} ${ours.version} — detection only`,
    api: 'predictHere(window)',
    pkg: null,
    kind: 'module',
    files: { '/ours/predict-here.min.js': detectFile },
    src: '/ours/predict-here.min.js',
    decide: `async (m) => {
      const p = await m.predictHere(window);
      return { supported: p.mode === 'reflection', verdict: p.mode, h264: p.probes.h264.status === 'unknown' ? null : p.probes.h264.status === 'pass' };
    }`,
  },
  {
    id: 'ours-element',
    name: `${ours.name} ${ours.version} — whole element (CDN bundle, UI)`,
    api: '<faceid-preflight> → faceid-prediction event',
    pkg: null,
    kind: 'element',
    // The entry, the second stage it loads after its decision, and the language files it may
    // fetch (English, the page's language here, is inside).
    files: Object.fromEntries(
      [
        'faceid-preflight.min.js',
        'faceid-preflight-stage.min.js',
        ...readdirSync(path.join(root, 'dist/cdn/i18n')).map((f) => `i18n/${f}`),
      ].map((f) => [`/ours/cdn/${f}`, path.join(root, 'dist/cdn', f)]),
    ),
    src: '/ours/cdn/faceid-preflight.min.js',
  },
  {
    id: 'rtc-detect',
    name: `rtc-detect ${version('rtc-detect')} (Tencent)`,
    api: 'new RTCDetect().isTRTCSupported() (+ its codecsSupported)',
    pkg: 'rtc-detect',
    kind: 'classic',
    files: { '/npm/rtc-detect/rtc-detect.js': path.join(modules, 'rtc-detect/rtc-detect.js') },
    src: '/npm/rtc-detect/rtc-detect.js',
    // isTRTCSupported() runs getReportAsync() (system, APIs, codecs, devices) and keeps the codec
    // report on the instance; reading it costs nothing more.
    decide: `async () => {
      const d = new RTCDetect();
      const r = await d.isTRTCSupported();
      const c = d.codecsSupported || (await d.getCodecAsync());
      return { supported: r.result === true, verdict: r.result ? 'supported' : 'unsupported: ' + r.reason, h264: !!c.isH264EncodeSupported };
    }`,
  },
  {
    id: 'trtc',
    name: `trtc-sdk-v5 ${version('trtc-sdk-v5')} (Tencent TRTC)`,
    api: 'TRTC.isSupported()',
    pkg: 'trtc-sdk-v5',
    kind: 'classic',
    files: { '/npm/trtc-sdk-v5/trtc.js': path.join(modules, 'trtc-sdk-v5/trtc.js') },
    src: '/npm/trtc-sdk-v5/trtc.js',
    decide: `async () => {
      const r = await TRTC.isSupported();
      return { supported: r.result === true, verdict: r.result ? 'supported' : 'unsupported', h264: !!(r.detail && r.detail.isH264EncodeSupported) };
    }`,
  },
  {
    id: 'agora',
    name: `agora-rtc-sdk-ng ${version('agora-rtc-sdk-ng')} (Agora)`,
    api: 'AgoraRTC.checkSystemRequirements() + getSupportedCodec()',
    pkg: 'agora-rtc-sdk-ng',
    kind: 'classic',
    files: { '/npm/agora-rtc-sdk-ng/AgoraRTC_N-production.js': path.join(modules, 'agora-rtc-sdk-ng/AgoraRTC_N-production.js') },
    src: '/npm/agora-rtc-sdk-ng/AgoraRTC_N-production.js',
    decide: `async () => {
      const ok = AgoraRTC.checkSystemRequirements();
      const c = await AgoraRTC.getSupportedCodec();
      return { supported: ok === true, verdict: ok ? 'supported' : 'unsupported', h264: c.video.includes('H264') };
    }`,
  },
  {
    id: 'detectrtc',
    name: `detectrtc ${version('detectrtc')} (DetectRTC)`,
    api: 'DetectRTC.load() → isWebRTCSupported, hasWebcam',
    pkg: 'detectrtc',
    kind: 'classic',
    files: { '/npm/detectrtc/DetectRTC.min.js': path.join(modules, 'detectrtc/DetectRTC.min.js') },
    src: '/npm/detectrtc/DetectRTC.min.js',
    decide: `() => new Promise((resolve) => DetectRTC.load(() => {
      const ok = DetectRTC.isWebRTCSupported === true && DetectRTC.hasWebcam === true;
      resolve({ supported: ok, verdict: ok ? 'supported' : 'unsupported', h264: null });
    }))`,
  },
];

// ---------------------------------------------------------------------------------------------
// 3. Pages and a static server on 127.0.0.1 (files read once, served from memory, no caching;
//    scripts and data gzipped when the browser accepts it, as a CDN does).
const HEAD = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script>
window.__bench = { marks: {}, longtasks: [], errors: [] };
try {
  new PerformanceObserver(function (list) {
    for (const e of list.getEntries()) __bench.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
} catch (e) { __bench.longtaskUnsupported = String(e); }
addEventListener('error', function (e) { __bench.errors.push(String(e.message)); });
addEventListener('unhandledrejection', function (e) { __bench.errors.push('unhandled rejection: ' + String(e.reason && e.reason.message || e.reason)); });
__bench.finished = new Promise(function (resolve) { __bench.finish = resolve; });
</script></head>`;

function page(c) {
  const src = JSON.stringify(c.src);
  const fail = `(e) => { b.error = String(e && e.stack || e); b.finish(); }`;
  let body = '';
  let loader;
  if (c.kind === 'classic') {
    loader = `const b = window.__bench;
b.marks.start = performance.now();
const s = document.createElement('script');
s.src = ${src};
s.onload = () => {
  b.marks.loaded = performance.now();
  Promise.resolve().then(${c.decide}).then((r) => { b.marks.decision = performance.now(); b.result = r; b.finish(); }, ${fail});
};
s.onerror = () => (${fail})('the script did not load');
document.head.appendChild(s);`;
  } else if (c.kind === 'module') {
    loader = `const b = window.__bench;
b.marks.start = performance.now();
import(${src}).then((m) => { b.marks.loaded = performance.now(); return (${c.decide})(m); })
  .then((r) => { b.marks.decision = performance.now(); b.result = r; b.finish(); }, ${fail});`;
  } else {
    body = '<faceid-preflight></faceid-preflight>';
    loader = `const b = window.__bench;
b.marks.start = performance.now();
document.addEventListener('faceid-prediction', (e) => {
  b.marks.decision = performance.now();
  const p = e.detail;
  b.result = { supported: p.mode === 'reflection', verdict: p.mode, h264: p.probes.h264.status === 'unknown' ? null : p.probes.h264.status === 'pass' };
  b.finish();
}, { once: true });
import(${src}).then(() => { b.marks.loaded = performance.now(); }, ${fail});`;
  }
  return `${HEAD}\n<body>${body}\n<script>\n${loader}\n</script>\n</body></html>\n`;
}

// The watcher's self-check: a page that does what a phoning-home SDK would (a fetch to a host off
// this machine, a STUN server, a camera open). `.invalid` never resolves, and Chromium is told to
// resolve no name at all: nothing leaves the machine, but the bench must see all three attempts.
const CONTROL = `${HEAD}
<body><script>
const b = window.__bench;
b.marks.start = performance.now();
(async () => {
  try { await fetch('http://network-check.invalid/ping', { mode: 'no-cors' }); } catch {}
  try { new RTCPeerConnection({ iceServers: [{ urls: 'stun:network-check.invalid:3478' }] }).close(); } catch {}
  try { (await navigator.mediaDevices.getUserMedia({ video: true })).getTracks().forEach((t) => t.stop()); } catch {}
  b.marks.loaded = b.marks.decision = performance.now();
  b.result = { supported: true, verdict: 'control', h264: null };
  b.finish();
})();
</script></body></html>
`;

const routes = new Map();
routes.set('/control.html', { type: 'text/html; charset=utf-8', body: Buffer.from(CONTROL) });
for (const c of candidates) {
  routes.set(`/${c.id}.html`, { type: 'text/html; charset=utf-8', body: Buffer.from(page(c)) });
  for (const [url, file] of Object.entries(c.files)) {
    const body = readFileSync(file);
    const type = file.endsWith('.json') ? 'application/json' : 'text/javascript; charset=utf-8';
    routes.set(url, { type, body, gzip: gzipSync(body, { level: 9 }) });
  }
}
const server = createServer((req, res) => {
  const r = routes.get(new URL(req.url, 'http://127.0.0.1').pathname);
  if (!r) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const gzipped = r.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  const body = gzipped ? r.gzip : r.body;
  const headers = { 'content-type': r.type, 'content-length': body.length, 'cache-control': 'no-store', vary: 'accept-encoding' };
  if (gzipped) headers['content-encoding'] = 'gzip';
  res.writeHead(200, headers).end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---------------------------------------------------------------------------------------------
// 4. In every page, before any script: count RTCPeerConnections and the ICE servers they were
//    given (STUN/TURN traffic is not an HTTP request), and camera opens (getUserMedia).
const INSTRUMENT = `(() => {
  const log = (window.__benchSeen = { peerConnections: 0, iceServers: [], getUserMedia: 0 });
  const PC = window.RTCPeerConnection;
  if (typeof PC === 'function') {
    const wrapped = new Proxy(PC, {
      construct(target, args, newTarget) {
        log.peerConnections += 1;
        const servers = (args[0] && args[0].iceServers) || [];
        for (const s of servers) for (const u of [].concat((s && (s.urls || s.url)) || [])) log.iceServers.push(String(u));
        return Reflect.construct(target, args, newTarget);
      },
    });
    if (window.webkitRTCPeerConnection === PC) window.webkitRTCPeerConnection = wrapped;
    window.RTCPeerConnection = wrapped;
  }
  const proto = window.MediaDevices && MediaDevices.prototype;
  if (proto && typeof proto.getUserMedia === 'function') {
    const gum = proto.getUserMedia;
    proto.getUserMedia = function getUserMedia(constraints) { log.getUserMedia += 1; return gum.call(this, constraints); };
  }
})();`;

// ---------------------------------------------------------------------------------------------
// 5. One headless Chromium for the whole run.
const plan = planEngines({ ...process.env, BROWSERS: 'chromium' });
if (!plan.run.chromium) {
  console.error(`bench/peers: no Chromium: ${plan.skipped[0]?.why ?? 'not found'}`);
  server.close();
  process.exit(1);
}
const browser = await chromium.launch({
  executablePath: plan.run.chromium.executablePath,
  headless: true,
  args: [...chromiumArgs, ...chromiumFakeMediaArgs],
});
const browserVersion = browser.version();

const gzCache = new Map();
const gz = (url, body) => {
  const key = `${url}#${body.length}`;
  if (!gzCache.has(key)) gzCache.set(key, gzipSync(body, { level: 9 }).length);
  return gzCache.get(key);
};
const isLocal = (u) => {
  try {
    const { protocol, hostname } = new URL(u);
    return protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1';
  } catch {
    return true;
  }
};

async function loadOnce(c, profile = PROFILES[0], settle = SETTLE_MS) {
  const context = await browser.newContext({ locale: 'en-US' });
  await context.addInitScript(INSTRUMENT);
  const js = new Map(); // url -> { raw, gzip }
  const pending = [];
  const external = [];
  const failed = [];
  const pageErrors = [];
  context.on('request', (req) => {
    if (!isLocal(req.url())) external.push(`${req.method()} ${req.url()} (${req.resourceType()})`);
  });
  context.on('requestfailed', (req) => failed.push(`${req.url()}: ${req.failure()?.errorText}`));
  context.on('response', (res) => {
    const type = res.request().resourceType();
    const ct = res.headers()['content-type'] ?? '';
    if (type !== 'script' && !/javascript|ecmascript/.test(ct)) return;
    pending.push(
      res.body().then(
        (body) => js.set(res.url(), { raw: body.length, gzip: gz(res.url(), body) }),
        () => {},
      ),
    );
  });
  const page = await context.newPage();
  if (profile.cpu !== 1 || profile.network) {
    const cdp = await context.newCDPSession(page);
    if (profile.cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    if (profile.network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', profile.network);
    }
  }
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('websocket', (ws) => {
    if (!isLocal(ws.url())) external.push(`WebSocket ${ws.url()}`);
  });
  try {
    await page.goto(`${origin}/${c.id}.html`, { waitUntil: 'load', timeout: DECISION_TIMEOUT_MS });
    const r = await page.evaluate(
      async ([timeout, settle]) => {
        const b = window.__bench;
        const timedOut = await Promise.race([b.finished.then(() => false), new Promise((r) => setTimeout(() => r(true), timeout))]);
        await new Promise((r) => setTimeout(r, settle));
        // What arrives before the decision counts; a file fetched after it (our second stage) does not delay it.
        const decided = b.marks.decision ?? Infinity;
        const js = performance.getEntriesByType('resource').filter((e) => /\.m?js(\?|$)/.test(e.name) && e.startTime < decided);
        b.marks.fetched = js.length ? Math.max(...js.map((e) => e.responseEnd)) : undefined;
        b.marks.jsBeforeDecision = js.map((e) => e.name);
        return {
          marks: b.marks,
          result: b.result,
          error: b.error,
          errors: b.errors,
          longtasks: b.longtasks,
          longtaskUnsupported: b.longtaskUnsupported,
          timedOut,
          seen: window.__benchSeen,
        };
      },
      [DECISION_TIMEOUT_MS, settle],
    );
    await Promise.all(pending);
    const { start, fetched, loaded, decision, jsBeforeDecision = [] } = r.marks;
    const later = [...js].filter(([url]) => !jsBeforeDecision.includes(url));
    for (const [url] of later) js.delete(url);
    const inWindow = r.longtasks.filter(([s]) => decision !== undefined && s < decision + SETTLE_MS);
    const beforeDecision = r.longtasks.filter(([s]) => decision !== undefined && s < decision);
    return {
      ok: !r.timedOut && !r.error && decision !== undefined,
      error: r.timedOut ? `no decision within ${DECISION_TIMEOUT_MS} ms` : r.error,
      result: r.result,
      decisionMs: decision - start,
      fetchMs: fetched - start,
      loadMs: loaded - start,
      callMs: decision - loaded,
      longTasks: inWindow.length,
      longTaskMs: inWindow.reduce((n, [, d]) => n + d, 0),
      longTasksBeforeDecision: beforeDecision.length,
      longTaskMsBeforeDecision: beforeDecision.reduce((n, [, d]) => n + d, 0),
      longtaskUnsupported: r.longtaskUnsupported,
      js: Object.fromEntries(js),
      jsGzip: [...js.values()].reduce((n, f) => n + f.gzip, 0),
      jsRaw: [...js.values()].reduce((n, f) => n + f.raw, 0),
      jsAfterDecisionGzip: later.reduce((n, [, f]) => n + f.gzip, 0),
      external,
      failed,
      iceServers: r.seen?.iceServers ?? [],
      peerConnections: r.seen?.peerConnections ?? 0,
      getUserMedia: r.seen?.getUserMedia ?? 0,
      pageErrors: [...pageErrors, ...r.errors],
    };
  } catch (e) {
    return { ok: false, error: String(e?.message ?? e), external, failed, pageErrors };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 6. Rounds: one warm-up (not counted), then ROUNDS, each loading every candidate under every
//    profile, the order rotating each round (and the profiles alternating which goes first).
const runs = Object.fromEntries(PROFILES.map((p) => [p.id, Object.fromEntries(candidates.map((c) => [c.id, []]))]));
const watched = {}; // the warm-up loads (desktop)
process.stdout.write(
  `bench/peers: ${candidates.length} candidates × ${PROFILES.length} profiles (${PROFILES.map((p) => p.id).join(', ')}), 1 warm-up round (watched ${WATCH_MS} ms for late network use) + up to ${ROUNDS} rounds (${BUDGET_S} s budget) in Chromium ${browserVersion}\n`,
);
const control = await loadOnce({ id: 'control' });
const selfCheck = {
  request: (control.external ?? []).some((r) => r.includes('network-check.invalid')),
  requestFailedLocally:
    (control.failed ?? [])
      .find((f) => f.includes('network-check.invalid'))
      ?.split(': ')
      .pop() ?? null,
  iceServer: (control.iceServers ?? []).includes('stun:network-check.invalid:3478'),
  camera: (control.getUserMedia ?? 0) >= 1,
};
selfCheck.ok = selfCheck.request && selfCheck.iceServer && selfCheck.camera;
for (const c of candidates) watched[c.id] = await loadOnce(c, PROFILES[0], WATCH_MS);
const measureStart = performance.now();
let rounds = 0;
let budgetHit = false;
for (; rounds < ROUNDS; rounds++) {
  if (rounds >= MIN_ROUNDS && (performance.now() - measureStart) / 1000 > BUDGET_S) {
    budgetHit = true;
    break;
  }
  const k = rounds % candidates.length;
  const order = [...candidates.slice(k), ...candidates.slice(0, k)];
  for (const profile of rounds % 2 ? [...PROFILES].reverse() : PROFILES) {
    for (const c of order) runs[profile.id][c.id].push(await loadOnce(c, profile));
  }
  process.stdout.write('.');
}
process.stdout.write(budgetHit ? ` stopped after ${rounds} rounds (time budget)\n\n` : '\n\n');
await browser.close();
server.close();

// ---------------------------------------------------------------------------------------------
// 7. Summary, per profile.
const uniq = (xs) => [...new Set(xs)];
const kib = (n) => (n / 1024).toFixed(1);
const ms = (n) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const x = (n) => (!Number.isFinite(n) ? '—' : n >= 100 ? `${n.toFixed(0)}×` : n >= 10 ? `${n.toFixed(1)}×` : `${n.toFixed(2)}×`);
const tried = (s) => s.network.requests.length + s.network.iceServers.length > 0;

/** The floor under a profile's network: each chained request costs a round trip, each byte its transfer. */
const floorMs = (profile, s) =>
  profile.network ? s.jsFiles * profile.network.latency + (s.jsGzip / profile.network.downloadThroughput) * 1000 : 0;

function summarize(profile) {
  const summary = {};
  for (const c of candidates) {
    const all = runs[profile.id][c.id];
    const ok = all.filter((r) => r.ok);
    const seen = profile === PROFILES[0] ? [...all, watched[c.id]] : all;
    const dec = ok.map((r) => r.decisionMs);
    const results = uniq(ok.map((r) => JSON.stringify(r.result)));
    summary[c.id] = {
      name: c.name,
      api: c.api,
      package: c.pkg
        ? { name: c.pkg, version: version(c.pkg), license: license(c.pkg) }
        : { name: ours.name, version: ours.version, license: ours.license },
      runs: all.length,
      decided: ok.length,
      failures: uniq(all.filter((r) => !r.ok).map((r) => r.error)),
      result: results.length === 1 ? JSON.parse(results[0]) : results.map((s) => JSON.parse(s)),
      jsFiles: median(ok.map((r) => Object.keys(r.js).length)),
      jsFileList: uniq(ok.flatMap((r) => Object.keys(r.js).map((u) => new URL(u).pathname))),
      jsRaw: median(ok.map((r) => r.jsRaw)),
      jsGzip: median(ok.map((r) => r.jsGzip)),
      jsGzipVaries: uniq(ok.map((r) => r.jsGzip)).length > 1,
      jsAfterDecisionGzip: median(ok.map((r) => r.jsAfterDecisionGzip)),
      decisionMs: { median: median(dec), p25: quantile(dec, 0.25), p75: quantile(dec, 0.75), min: Math.min(...dec), max: Math.max(...dec) },
      fetchMs: median(ok.map((r) => r.fetchMs)),
      loadMs: median(ok.map((r) => r.loadMs)),
      callMs: median(ok.map((r) => r.callMs)),
      longTasks: median(ok.map((r) => r.longTasks)),
      longTaskMs: median(ok.map((r) => r.longTaskMs)),
      longTasksBeforeDecision: median(ok.map((r) => r.longTasksBeforeDecision)),
      longTaskMsBeforeDecision: median(ok.map((r) => r.longTaskMsBeforeDecision)),
      peerConnections: median(ok.map((r) => r.peerConnections)),
      cameraOpened: median(ok.map((r) => r.getUserMedia)),
      network: {
        requests: uniq(seen.flatMap((r) => r.external ?? [])),
        iceServers: uniq(seen.flatMap((r) => r.iceServers ?? [])),
        failed: uniq(seen.flatMap((r) => r.failed ?? [])),
      },
      pageErrors: uniq(seen.flatMap((r) => r.pageErrors ?? [])).slice(0, 10),
      longtaskUnsupported: uniq(ok.map((r) => r.longtaskUnsupported).filter(Boolean)),
    };
    summary[c.id].floorMs = floorMs(profile, summary[c.id]);
  }
  const base = { detect: summary['ours-detect'], element: summary['ours-element'] };
  // Per round, the candidate's time over ours in the same round: the load on a shared machine
  // drifts, and a round's loads run back to back, so this ratio is steadier than a ratio of medians.
  const pairedRatio = (id, baseId) => {
    const xs = [];
    runs[profile.id][id].forEach((r, i) => {
      const b = runs[profile.id][baseId][i];
      if (r.ok && b?.ok) xs.push(r.decisionMs / b.decisionMs);
    });
    return median(xs);
  };
  for (const c of candidates) {
    summary[c.id].decisionRatio = {
      detect: {
        ofMedians: summary[c.id].decisionMs.median / base.detect.decisionMs.median,
        pairedMedian: pairedRatio(c.id, 'ours-detect'),
      },
      element: {
        ofMedians: summary[c.id].decisionMs.median / base.element.decisionMs.median,
        pairedMedian: pairedRatio(c.id, 'ours-element'),
      },
    };
  }

  const withFloor = Boolean(profile.network);
  const header = [
    'candidate',
    'API timed',
    'JS files',
    'min+gzip KiB',
    '÷ detect',
    '÷ element',
    'decision ms (median, IQR)',
    ...(withFloor ? ['floor ms', '÷ floor'] : []),
    '÷ detect',
    '÷ element',
    'long tasks n / ms',
    'camera opened',
    'H.264',
    'verdict',
    'network tried',
  ];
  const rows = candidates.map((c) => {
    const s = summary[c.id];
    if (!s.decided)
      return [
        c.id,
        `\`${c.api}\``,
        '—',
        '—',
        '—',
        '—',
        `no decision: ${s.failures.join('; ')}`,
        ...(withFloor ? ['—', '—'] : []),
        '—',
        '—',
        '—',
        '—',
        '—',
        '—',
        tried(s) ? 'yes' : 'no',
      ];
    const r = Array.isArray(s.result) ? s.result[0] : s.result;
    return [
      c.id,
      `\`${c.api.replace(/\|/g, '\\|')}\``,
      String(s.jsFiles),
      kib(s.jsGzip) + (s.jsGzipVaries ? '*' : ''),
      x(s.jsGzip / base.detect.jsGzip),
      x(s.jsGzip / base.element.jsGzip),
      `${ms(s.decisionMs.median)} (${ms(s.decisionMs.p25)}–${ms(s.decisionMs.p75)})`,
      ...(withFloor ? [ms(s.floorMs), x(s.decisionMs.median / s.floorMs)] : []),
      x(s.decisionMs.median / base.detect.decisionMs.median),
      x(s.decisionMs.median / base.element.decisionMs.median),
      `${s.longTasks} / ${ms(s.longTaskMs)}`,
      s.cameraOpened ? `yes (${s.cameraOpened}×)` : 'no',
      r.h264 === null ? 'not reported' : r.h264 ? 'yes' : 'no',
      String(r.verdict) + (Array.isArray(s.result) ? ' (varied)' : ''),
      tried(s) ? 'yes' : 'no',
    ];
  });
  const numeric = new Set([
    'JS files',
    'min+gzip KiB',
    '÷ detect',
    '÷ element',
    'decision ms (median, IQR)',
    'floor ms',
    '÷ floor',
    'long tasks n / ms',
  ]);
  const table = [
    `| ${header.join(' | ')} |`,
    `|${header.map((h) => (numeric.has(h) ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  return { summary, base, table };
}

const reports = Object.fromEntries(PROFILES.map((p) => [p.id, summarize(p)]));

// Targets: issue 7 on desktop (as before), issue 12 on the mobile profile.
const targets = { desktop: [], mobile: [] };
{
  const { summary, base } = reports.desktop;
  const rtc = summary['rtc-detect'];
  for (const s of candidates
    .filter((c) => c.pkg)
    .map((c) => summary[c.id])
    .filter((s) => s.decided)) {
    for (const [label, key, b] of [
      ['detection-only', 'detect', base.detect],
      ['whole element', 'element', base.element],
    ]) {
      const ratio = s.decisionMs.median / b.decisionMs.median;
      targets.desktop.push({
        target: `decision ≥ 10× faster than ${s.package.name} (${label})`,
        met: ratio >= 10,
        value: `${x(ratio)} (${ms(b.decisionMs.median)} ms vs ${ms(s.decisionMs.median)} ms; per-round ratio ${x(s.decisionRatio[key].pairedMedian)})`,
        miss: ratio >= 10 ? null : `short by ${x(10 / ratio)}: ours would need ≤ ${ms(s.decisionMs.median / 10)} ms`,
        note: s.result?.h264 === null ? `${s.package.name} never reports H.264, so its decision is not a complete answer` : undefined,
      });
    }
  }
  if (rtc.decided) {
    const ratio = rtc.jsGzip / base.detect.jsGzip;
    targets.desktop.push({
      target: 'detection-only entry ≥ 2.5× smaller than rtc-detect (min+gzip)',
      met: ratio >= 2.5,
      value: `${x(ratio)} (${kib(base.detect.jsGzip)} KiB vs ${kib(rtc.jsGzip)} KiB)`,
      miss: ratio >= 2.5 ? null : `needs ≤ ${kib(rtc.jsGzip / 2.5)} KiB: over by ${kib(base.detect.jsGzip - rtc.jsGzip / 2.5)} KiB`,
    });
    targets.desktop.push({
      target: 'whole element (with UI) smaller than rtc-detect alone (min+gzip)',
      met: base.element.jsGzip < rtc.jsGzip,
      value: `${kib(base.element.jsGzip)} KiB vs ${kib(rtc.jsGzip)} KiB (${x(base.element.jsGzip / rtc.jsGzip)})`,
      miss:
        base.element.jsGzip < rtc.jsGzip
          ? null
          : `over by ${kib(base.element.jsGzip - rtc.jsGzip)} KiB (${((base.element.jsGzip / rtc.jsGzip - 1) * 100).toFixed(0)} %)`,
    });
  }
}
{
  const { summary, base } = reports.mobile;
  for (const [ours_, peer, bar] of [
    ['element', 'rtc-detect', 0.65],
    ['element', 'trtc', 0.3],
    ['detect', 'rtc-detect', 0.55],
  ]) {
    const b = base[ours_];
    const s = summary[peer];
    if (!s.decided || !b.decided) continue;
    const ratio = b.decisionMs.median / s.decisionMs.median;
    const paired = 1 / s.decisionRatio[ours_].pairedMedian;
    targets.mobile.push({
      target: `${ours_ === 'element' ? 'element → faceid-prediction' : 'detection-only entry'} ≤ ${bar.toFixed(2)}× ${s.package.name}'s time to its answer`,
      met: ratio <= bar,
      value: `${ratio.toFixed(2)}× (${ms(b.decisionMs.median)} ms vs ${ms(s.decisionMs.median)} ms; per-round ratio ${paired.toFixed(2)}×)`,
      miss:
        ratio <= bar
          ? null
          : `over by ${ms(b.decisionMs.median - bar * s.decisionMs.median)} ms: ours would need ≤ ${ms(bar * s.decisionMs.median)} ms (our floor is ${ms(b.floorMs)} ms)`,
    });
  }
}

const cpus = os.cpus();
const machine = {
  date: new Date().toISOString(),
  nproc: os.availableParallelism?.() ?? cpus.length,
  cpu: cpus[0]?.model?.trim() ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  chromium: browserVersion,
  chromiumPath: plan.run.chromium.executablePath,
  loadavg: { start: loadStart.map((n) => n.toFixed(2)), end: os.loadavg().map((n) => n.toFixed(2)) },
  network: process.env.BENCH_NETWORK ?? 'host network, Chromium no-network flags only (bench.mjs run directly)',
  profiles: PROFILES,
  rounds,
  roundsWanted: ROUNDS,
  budgetHit,
  settleMs: SETTLE_MS,
  watchMs: WATCH_MS,
  wallSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
};

const lines = [];
lines.push(`Peers benchmark — ${machine.date}`);
lines.push(
  `Machine: ${machine.nproc} CPUs (${machine.cpu}), ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}; Chromium ${machine.chromium} headless`,
);
lines.push(`Load average (1/5/15 min) at start ${machine.loadavg.start.join(' ')}, at end ${machine.loadavg.end.join(' ')}`);
lines.push(`Network: ${machine.network}; scripts served gzipped (level 9) from memory`);
lines.push(
  `Watcher self-check (a control page's fetch, STUN server and camera open): ${selfCheck.ok ? `all seen${selfCheck.requestFailedLocally ? `; the fetch failed locally with ${selfCheck.requestFailedLocally}` : ''}` : `FAILED ${JSON.stringify(selfCheck)} — the network and camera columns cannot be trusted`}`,
);
lines.push(
  `${rounds} fresh-context page loads per candidate and profile${budgetHit ? ` (of ${ROUNDS} wanted: time budget ${BUDGET_S} s hit)` : ''}, after 1 uncounted warm-up load each; medians; decision = script start → usable answer; long tasks up to decision + ${SETTLE_MS} ms`,
);
for (const profile of PROFILES) {
  const { summary, base, table } = reports[profile.id];
  lines.push('');
  lines.push(`## ${profile.title}`);
  lines.push('');
  lines.push(table);
  lines.push('');
  lines.push('Split of the decision time (median ms): fetched (last JS byte) / script evaluated / API answered, counted from script start');
  for (const c of candidates) {
    const s = summary[c.id];
    if (s.decided)
      lines.push(
        `  ${c.id.padEnd(13)} ${ms(s.fetchMs).padStart(7)} / ${ms(s.loadMs).padStart(7)} / ${ms(s.decisionMs.median).padStart(7)}   (API call alone ${ms(s.callMs)}; decision min ${ms(s.decisionMs.min)}, max ${ms(s.decisionMs.max)}; ${s.peerConnections} RTCPeerConnection${s.peerConnections === 1 ? '' : 's'})`,
      );
  }
  if (profile.network)
    lines.push(
      `floor = JS files × ${profile.network.latency} ms + gzipped bytes at ${(profile.network.downloadThroughput * 8) / 1e6} Mbps (no CPU time at all); ÷ floor = how far above it the candidate is.`,
    );
  lines.push('');
  lines.push(`Targets (${profile.id === 'mobile' ? 'issue 12, this profile' : 'issue 7, this profile'})`);
  for (const t of targets[profile.id])
    lines.push(`  ${t.met ? 'MET   ' : 'MISSED'} ${t.target}: ${t.value}${t.miss ? ` — ${t.miss}` : ''}${t.note ? ` [${t.note}]` : ''}`);
  void base;
}
lines.push('');
lines.push(
  "÷ detect / ÷ element: the candidate's figure divided by ours (detection-only entry / whole element). Above 1× = bigger or slower than ours.",
);
lines.push(
  `Of the detection-only entry's ${kib(reports.desktop.base.detect.jsGzip)} KiB, ua-parser-js 1.x alone (minified the same way) is ${kib(uaParserGzip)} KiB.`,
);
lines.push('');
lines.push(
  `Network attempts (all loads, both profiles, the warm-up one watched ${WATCH_MS} ms past the decision; anything off 127.0.0.1 fails locally)`,
);
for (const c of candidates) {
  const all = PROFILES.map((p) => reports[p.id].summary[c.id].network);
  const n = {
    requests: uniq(all.flatMap((a) => a.requests)),
    iceServers: uniq(all.flatMap((a) => a.iceServers)),
    failed: uniq(all.flatMap((a) => a.failed)),
  };
  if (!n.requests.length && !n.iceServers.length) {
    lines.push(`  ${c.id}: none`);
    continue;
  }
  lines.push(`  ${c.id}:`);
  for (const r of n.requests.slice(0, 12)) lines.push(`    ${r}`);
  if (n.requests.length > 12) lines.push(`    … ${n.requests.length - 12} more distinct URLs`);
  for (const s of n.iceServers) lines.push(`    ICE server ${s}`);
  const externalFailures = n.failed.filter((f) => !isLocal(f.split(': ')[0]));
  const errors = uniq(externalFailures.map((f) => f.slice(f.lastIndexOf(': ') + 2)));
  if (errors.length) lines.push(`    failed with: ${errors.join(', ')}`);
}
const oddities = [];
for (const profile of PROFILES) {
  for (const c of candidates) {
    const s = reports[profile.id].summary[c.id];
    for (const e of s.failures) oddities.push(`  ${profile.id} ${c.id}: failed run: ${e}`);
    for (const e of s.pageErrors) oddities.push(`  ${profile.id} ${c.id}: ${e.slice(0, 200)}`);
    if (s.jsGzipVaries) oddities.push(`  ${profile.id} ${c.id}: the JS fetched varied between loads (* = median)`);
  }
}
if (oddities.length) {
  lines.push('');
  lines.push('Page errors / failures');
  lines.push(...oddities);
}
lines.push('');
lines.push(
  `Licences: ${candidates
    .filter((c) => c.pkg)
    .map((c) => `${c.pkg} ${reports.desktop.summary[c.id].package.license}`)
    .join(', ')} (installed in bench/peers only, never shipped)`,
);
lines.push(`Wall time of the benchmark: ${machine.wallSeconds} s`);

const text = lines.join('\n');
console.log(text);
writeFileSync(path.join(out, 'latest.md'), `${text}\n`);
const summaries = Object.fromEntries(PROFILES.map((p) => [p.id, reports[p.id].summary]));
writeFileSync(
  path.join(out, 'latest.json'),
  `${JSON.stringify({ machine, selfCheck, uaParserGzip, summary: summaries, targets, runs, warmup: watched, control }, null, 2)}\n`,
);
console.log(`\nWritten: ${path.relative(root, path.join(out, 'latest.json'))}, ${path.relative(root, path.join(out, 'latest.md'))}`);

// A table with a candidate that never answered, or watchers that saw nothing of the control
// page, is not a result: fail the run (missed targets do not fail it: they are the result).
const undecided = PROFILES.flatMap((p) => candidates.filter((c) => !reports[p.id].summary[c.id].decided).map((c) => `${c.id} (${p.id})`));
if (!selfCheck.ok || undecided.length) {
  console.error(
    `\nbench/peers: FAILED — ${!selfCheck.ok ? 'the watcher self-check failed' : ''}${!selfCheck.ok && undecided.length ? '; ' : ''}${undecided.length ? `no decision from ${undecided.join(', ')}` : ''}`,
  );
  process.exitCode = 1;
}
