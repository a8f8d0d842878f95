// The probes in three real engines, asserting what each engine really reports (the engines: test/harness/engines.mjs):
// Chromium passes everything; Firefox ESR has no H.264 (no OpenH264 plugin); WebKitGTK has no WebRTC.
import { expect } from '@esm-bundle/chai';
import sinon from 'sinon';
import { finalMode } from '../../src/core/final-mode.js';
import { predictFromUserAgent } from '../../src/core/predict.js';
import { predictHere } from '../../src/probes/predict-here.js';
import { PROBE_DEADLINE_MS, probeCameraPolicy, probeH264, runProbes, type ProbeGlobals } from '../../src/probes/probes.js';
import { engine, nextTick } from './engine.js';

const expected = {
  chromium: { peerConnection: 'pass', h264: 'pass', cameraPolicy: 'pass', final: 'reflection', failedProbe: null },
  firefox: { peerConnection: 'pass', h264: 'fail', cameraPolicy: 'unknown', final: 'video', failedProbe: 'h264' },
  webkit: { peerConnection: 'fail', h264: 'fail', cameraPolicy: 'unknown', final: 'video', failedProbe: 'peerConnection' },
}[engine];

describe(`probes in ${engine}`, () => {
  it('report what this engine really has, without prompting', async () => {
    const report = await runProbes(window as unknown as ProbeGlobals);
    expect(report.secureContext.status, report.secureContext.detail).to.equal('pass');
    expect(report.getUserMedia.status).to.equal('pass');
    expect(report.peerConnection.status, report.peerConnection.detail).to.equal(expected.peerConnection);
    expect(report.h264.status, report.h264.detail).to.equal(expected.h264);
    expect(report.cameraPolicy.status, report.cameraPolicy.detail).to.equal(expected.cameraPolicy);
    expect(report.mediaRecorder.status, report.mediaRecorder.detail).to.equal('pass');
    expect(report.mediaRecorder.types.length).to.be.greaterThan(0);
    if (engine === 'firefox') expect(report.mediaRecorder.types).to.include('video/webm;codecs=vp8');
    expect(report.maxTouchPoints).to.be.a('number');
    if (engine === 'chromium') expect(report.clientHints?.fullVersionList?.length).to.be.greaterThan(0);
    else expect(report.clientHints).to.equal(null);
  });

  it(`settle the final mode: ${expected.final}${expected.failedProbe ? ` because of ${expected.failedProbe}` : ''}`, async () => {
    const final = await predictHere(window as unknown as ProbeGlobals);
    expect(final.uaPrediction.mode).to.equal('undetermined'); // a Linux desktop, by the table
    expect(final.mode).to.equal(expected.final);
    expect(final.failedProbe).to.equal(expected.failedProbe);
    if (expected.failedProbe) {
      expect(final.likelihood).to.equal(0);
      expect(final.reasons[0]).to.match(expected.failedProbe === 'h264' ? /H\.264/ : /RTCPeerConnection/);
      expect(final.reasonCodes[0]).to.deep.equal({ code: 'probe-failed', probe: expected.failedProbe });
    } else {
      expect(final.likelihood).to.equal(final.uaPrediction.likelihood);
    }
    // The probe evidence is for developers: in diagnostics, not in what users read.
    expect(final.diagnostics.some((r) => r.startsWith('h264: '))).to.equal(true);
    expect(final.reasons.some((r) => r.startsWith('h264: '))).to.equal(false);
  });

  it(`where the table cannot decide, say how the probes did: ${expected.cameraPolicy === 'unknown' ? 'name the camera-policy check this engine cannot answer' : 'every check passed'}`, async () => {
    // This engine's own secure context, camera API and permissions-policy answer; real-time
    // stand-ins that pass (WebKitGTK has no RTCPeerConnection, Firefox no H.264 sender).
    const PassingPeerConnection = function () {} as unknown as typeof RTCPeerConnection;
    const final = await predictHere({
      isSecureContext: window.isSecureContext,
      navigator: { userAgent: navigator.userAgent, maxTouchPoints: navigator.maxTouchPoints, mediaDevices: navigator.mediaDevices },
      document: document as ProbeGlobals['document'],
      RTCPeerConnection: PassingPeerConnection,
      RTCRtpSender: { getCapabilities: () => ({ codecs: [{ mimeType: 'video/H264', clockRate: 90000 }], headerExtensions: [] }) },
    });
    expect(final.uaPrediction.mode).to.equal('undetermined');
    expect(final.mode).to.equal('reflection');
    expect(final.probes.cameraPolicy.status).to.equal(expected.cameraPolicy);
    expect(final.reasonCodes[0]).to.deep.equal(
      expected.cameraPolicy === 'unknown' ? { code: 'probe-unknown', probe: 'cameraPolicy' } : { code: 'probes-settled' },
    );
    expect(final.reasons[0]).to.match(expected.cameraPolicy === 'unknown' ? /does not rule reflection mode out/ : /^Every runtime check/);
  });

  it('fall back to an SDP offer when getCapabilities is missing, and close the connection', async () => {
    const made: RTCPeerConnection[] = [];
    const Real = window.RTCPeerConnection;
    const Recording = Real
      ? class extends Real {
          constructor(config?: RTCConfiguration) {
            super(config);
            made.push(this);
          }
        }
      : undefined;
    const result = await probeH264({ RTCPeerConnection: Recording } as ProbeGlobals);
    expect(result.status, result.detail).to.equal(expected.h264);
    if (Real) {
      expect(result.detail).to.match(/SDP offer/);
      expect(made).to.have.length(1);
      expect(made[0]!.signalingState).to.equal('closed');
    }
  });

  it("see a camera blocked by the embedding page's permissions policy (where the engine can say)", async () => {
    const frame = document.createElement('iframe');
    frame.setAttribute('allow', "camera 'none'");
    frame.srcdoc = '<p>embedded</p>';
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    try {
      const result = probeCameraPolicy(frame.contentWindow as unknown as ProbeGlobals);
      expect(result.status, result.detail).to.equal(engine === 'chromium' ? 'fail' : 'unknown');
    } finally {
      frame.remove();
    }
  });

  it('turn a throwing browser API into unknown, never an exception', async () => {
    const hostile = {
      get navigator(): never {
        throw new Error('boom');
      },
      document: {
        get permissionsPolicy(): never {
          throw new DOMException('nope', 'SecurityError');
        },
      },
      RTCRtpSender: {
        getCapabilities() {
          throw new TypeError('broken');
        },
      },
    } as unknown as ProbeGlobals;
    const report = await runProbes(hostile);
    expect(report.cameraPolicy.status).to.equal('unknown');
    expect(report.cameraPolicy.detail).to.match(/SecurityError: nope/);
    expect(report.h264.status).to.equal('unknown');
    expect(report.getUserMedia.status).to.equal('unknown');
    expect(report.clientHints).to.equal(null);
    const final = await predictHere(hostile);
    expect(final.rule).to.equal('fact/no-user-agent');
  });

  it('take Client Hints that answer late: a reduced Android UA becomes a Huawei phone', async () => {
    // The hints answer 20 ms after the other probes; the user agent's answer must wait for them.
    const reduced = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
    const hints = { platform: 'Android', platformVersion: '12.0.0', model: 'NOH-AN00', mobile: true };
    const globals = (withHints: boolean): ProbeGlobals => ({
      isSecureContext: true,
      navigator: {
        userAgent: reduced,
        maxTouchPoints: 5,
        ...(withHints
          ? { userAgentData: { getHighEntropyValues: () => new Promise((resolve) => setTimeout(() => resolve(hints), 20)) } }
          : {}),
      },
    });
    const hinted = await predictHere(globals(true));
    expect(hinted.uaPrediction.rule).to.equal('fact/huawei-chromium');
    expect(hinted.uaPrediction.environment.vendor).to.equal('Huawei');
    expect(hinted.uaPrediction).to.deep.equal(predictFromUserAgent(reduced, { clientHints: hints, maxTouchPoints: 5 }));
    const bare = await predictHere(globals(false));
    expect(bare.uaPrediction.rule).to.equal('intl/android-chrome-maker-hidden');
    expect(bare.uaPrediction).to.deep.equal(predictFromUserAgent(reduced, { maxTouchPoints: 5 }));
  });

  it('keep a video prediction from the table whatever the probes say', async () => {
    const report = await runProbes(window as unknown as ProbeGlobals);
    const oldIOS = predictFromUserAgent(
      'Mozilla/5.0 (iPhone; CPU iPhone OS 12_1_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/16D57',
    );
    const final = finalMode(oldIOS, report);
    expect(final.mode).to.equal('video');
    expect(final.rule).to.equal('fact/ios-unlisted');
  });

  describe('that never settle', function () {
    this.timeout(15_000);

    /**
     * An RTCPeerConnection whose createOffer never settles (no engine here hangs by itself; WebKitGTK
     * has no RTCPeerConnection at all), and no getCapabilities, so the SDP-offer fallback runs.
     */
    function hungPeerConnection() {
      const close = sinon.spy();
      const createOffer = sinon.stub().returns(new Promise(() => {}));
      const Hung = function (this: object) {
        Object.assign(this, { addTransceiver: () => ({}), createOffer, close });
      } as unknown as typeof RTCPeerConnection;
      return { RTCPeerConnection: Hung, createOffer, close };
    }

    /** This window's globals, with the given stand-ins in place. */
    const globalsWith = (extra: Partial<ProbeGlobals>, navigatorExtra: Partial<ProbeGlobals['navigator']> = {}): ProbeGlobals => ({
      isSecureContext: window.isSecureContext,
      navigator: {
        userAgent: navigator.userAgent,
        maxTouchPoints: navigator.maxTouchPoints,
        mediaDevices: navigator.mediaDevices,
        ...navigatorExtra,
      },
      document: document as ProbeGlobals['document'],
      ...(window.MediaRecorder ? { MediaRecorder: window.MediaRecorder } : {}),
      ...extra,
    });

    it('a createOffer that never settles: h264 not answered by the deadline, the connection closed', async () => {
      const hung = hungPeerConnection();
      const started = performance.now();
      const report = await runProbes(globalsWith({ RTCPeerConnection: hung.RTCPeerConnection }), undefined, { deadlineMs: 150 });
      expect(performance.now() - started).to.be.lessThan(2000);
      expect(hung.createOffer.calledOnce).to.equal(true);
      expect(report.h264.status, report.h264.detail).to.equal('unknown');
      expect(report.h264.detail).to.match(/no answer within 150 ms/);
      expect(report.unanswered).to.deep.equal(['h264']);
      expect(report.peerConnection.status).to.equal('pass');
      await nextTick(0);
      expect(hung.close.calledOnce, 'the hung connection is closed').to.equal(true);
    });

    it('every asynchronous probe hangs (createOffer, permissions.query, Client Hints): each is reported, none waited for', async () => {
      const hung = hungPeerConnection();
      const never = () => new Promise<never>(() => {});
      const report = await runProbes(
        globalsWith(
          { RTCPeerConnection: hung.RTCPeerConnection },
          {
            permissions: { query: never } as unknown as Permissions,
            userAgentData: { getHighEntropyValues: never },
          },
        ),
        undefined,
        { deadlineMs: 100 },
      );
      expect(report.unanswered).to.deep.equal(['h264', 'cameraPermission', 'clientHints']);
      expect(report.cameraPermission).to.include({ status: 'unknown', state: null });
      expect(report.clientHints).to.equal(null);
      expect(report.secureContext.status).to.equal('pass');
    });

    it('probes that answer in time are not reported as unanswered', async () => {
      const report = await runProbes(window as unknown as ProbeGlobals, undefined, { deadlineMs: 2000 });
      expect(report.unanswered).to.deep.equal([]);
      expect(report.h264.status).to.equal(expected.h264);
    });

    it(`predictHere with a hung createOffer completes from the table within the default deadline (${PROBE_DEADLINE_MS} ms)`, async () => {
      const hung = hungPeerConnection();
      const started = performance.now();
      const final = await predictHere(globalsWith({ RTCPeerConnection: hung.RTCPeerConnection }));
      expect(performance.now() - started).to.be.within(PROBE_DEADLINE_MS - 50, PROBE_DEADLINE_MS + 3000);
      // A Linux desktop: the table cannot decide, and the H.264 check did not answer, so nothing excludes reflection.
      expect(final.uaPrediction.mode).to.equal('undetermined');
      expect(final.mode).to.equal('reflection');
      expect(final.failedProbe).to.equal(null);
      expect(final.reasonCodes[0]).to.deep.equal({ code: 'probe-unanswered', probe: 'h264' });
      expect(
        final.reasonCodes.some((r) => r.code === 'probes-settled'),
        'not "every check passed"',
      ).to.equal(false);
      expect(final.reasons[0]).to.match(/did not answer in time.*H\.264/);
      expect(final.diagnostics).to.include('h264: unknown — no answer within 3000 ms (RTCPeerConnection.createOffer never settled)');
    });

    it('an abort before the deadline ends the run at once, without calling the probes unanswered', async () => {
      const hung = hungPeerConnection();
      const abort = new AbortController();
      const run = runProbes(globalsWith({ RTCPeerConnection: hung.RTCPeerConnection }), abort.signal, { deadlineMs: 5000 });
      await nextTick(20);
      abort.abort();
      const report = await run;
      expect(report.unanswered).to.deep.equal([]);
      expect(report.h264.status).to.equal('unknown');
      expect(hung.close.calledOnce).to.equal(true);
    });
  });
});
