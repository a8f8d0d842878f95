// The probes in three real engines, asserting what each engine really reports (the engines: test/harness/engines.mjs):
// Chromium passes everything; Firefox ESR has no H.264 (no OpenH264 plugin); WebKitGTK has no WebRTC.
import { expect } from '@esm-bundle/chai';
import { finalMode } from '../../src/core/final-mode.js';
import { predictFromUserAgent } from '../../src/core/predict.js';
import { predictHere } from '../../src/probes/predict-here.js';
import { probeCameraPolicy, probeH264, runProbes, type ProbeGlobals } from '../../src/probes/probes.js';
import { engine } from './engine.js';

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

  it('keep a video prediction from the table whatever the probes say', async () => {
    const report = await runProbes(window as unknown as ProbeGlobals);
    const oldIOS = predictFromUserAgent(
      'Mozilla/5.0 (iPhone; CPU iPhone OS 12_1_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/16D57',
    );
    const final = finalMode(oldIOS, report);
    expect(final.mode).to.equal('video');
    expect(final.rule).to.equal('fact/ios-unlisted');
  });
});
