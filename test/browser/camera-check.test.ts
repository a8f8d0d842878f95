// The camera preflight: every outcome mapped to a code, and no camera left on, whatever happens.
// Real fake cameras where the engine has one; sinon stubs only for what no engine here produces.
import { expect } from '@esm-bundle/chai';
import sinon from 'sinon';
import { CameraCheck, type CameraCheckState } from '../../src/camera/camera-check.js';
import { engine, liveTracks, nextTick, realStream, trackedMediaDevices } from './engine.js';

/** A getUserMedia whose answer the test decides, and when. */
function handControlled() {
  let resolve!: (s: MediaStream) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<MediaStream>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const getUserMedia = sinon.stub().returns(promise);
  return { mediaDevices: { getUserMedia }, getUserMedia, resolve, reject };
}

const rejecting = (error: unknown) => ({ getUserMedia: sinon.stub().rejects(error) });

function states(check: CameraCheck): CameraCheckState['status'][] {
  const seen: CameraCheckState['status'][] = [];
  check.addEventListener('statechange', () => seen.push(check.state.status));
  return seen;
}

afterEach(() => {
  expect(liveTracks(), 'a camera track was left live').to.deep.equal([]);
});

describe(`camera check in ${engine}`, () => {
  it("opens this engine's fake front camera, reports it, and stops every track", async () => {
    const check = new CameraCheck({ mediaDevices: trackedMediaDevices() });
    const seen = states(check);
    const result = await check.start();
    expect(result.status, JSON.stringify(result)).to.equal('ready');
    if (result.status === 'ready') expect(result.camera.width).to.be.greaterThan(0);
    expect(seen).to.deep.equal(['requesting', 'ready']);
    expect(liveTracks()).to.deep.equal([]);
  });

  it('asks for the microphone too when configured', async () => {
    const devices = trackedMediaDevices();
    const spy = sinon.spy(devices, 'getUserMedia');
    const result = await new CameraCheck({ mediaDevices: devices, audio: true }).start();
    expect(spy.firstCall.args[0]).to.deep.equal({ video: { facingMode: 'user' }, audio: true });
    // WebKitGTK's mock devices include a microphone too; every engine here has one.
    expect(result.status, JSON.stringify(result)).to.equal('ready');
  });

  const documented: Array<[string, string]> = [
    ['NotReadableError', 'camera-busy'],
    ['TrackStartError', 'camera-busy'],
    ['PermissionDeniedError', 'camera-denied'],
    ['NotAllowedError', 'camera-denied'],
    ['SecurityError', 'camera-denied'],
    ['NotFoundError', 'camera-unavailable'],
    ['DevicesNotFoundError', 'camera-unavailable'],
    ['OverconstrainedError', 'camera-unavailable'],
    ['ConstraintNotSatisfiedError', 'camera-unavailable'],
    ['AbortError', 'camera-unavailable'],
    ['SomethingNewError', 'camera-unavailable'],
  ];
  for (const [name, code] of documented) {
    it(`maps ${name} to ${code}`, async () => {
      const result = await new CameraCheck({ mediaDevices: rejecting(new DOMException(`stubbed ${name}`, name)) }).start();
      expect(result).to.deep.equal({ status: 'error', code, name, message: `stubbed ${name}` });
    });
  }

  it('a camera whose settings cannot be read still answers ready, with every track stopped', async () => {
    let handed: MediaStream | undefined;
    const check = new CameraCheck({
      mediaDevices: {
        getUserMedia: async (c) => {
          handed = await realStream(c);
          const video = handed.getVideoTracks()[0]!;
          Object.defineProperty(video, 'getSettings', {
            value: () => {
              throw new Error('shimmed');
            },
          });
          return handed;
        },
      },
    });
    const result = await check.start();
    expect(result.status).to.equal('ready');
    expect(check.state.status).to.equal('ready');
    expect(handed!.getTracks().map((t) => t.readyState)).to.deep.equal(['ended']);
  });

  it('maps a getUserMedia that throws synchronously to camera-unavailable', async () => {
    const getUserMedia = sinon.stub().throws(new TypeError('constraints'));
    const result = await new CameraCheck({ mediaDevices: { getUserMedia } }).start();
    expect(result).to.include({ status: 'error', code: 'camera-unavailable', name: 'TypeError' });
  });

  it('reports a missing mediaDevices, an insecure page and a policy block without asking', async () => {
    expect(await new CameraCheck({ mediaDevices: null }).start()).to.include({ code: 'no-getusermedia' });
    const stub = { getUserMedia: sinon.stub() };
    expect(await new CameraCheck({ mediaDevices: stub, isSecureContext: false }).start()).to.include({ code: 'insecure-context' });
    expect(await new CameraCheck({ mediaDevices: stub, cameraPolicy: 'fail' }).start()).to.include({ code: 'blocked-by-policy' });
    expect(stub.getUserMedia.called).to.equal(false);
  });

  it('joins a second start while the first is pending: one getUserMedia, one answer', async () => {
    const gum = handControlled();
    const check = new CameraCheck({ mediaDevices: gum.mediaDevices });
    const first = check.start();
    const second = check.start();
    expect(second).to.equal(first);
    expect(gum.getUserMedia.callCount).to.equal(1);
    gum.resolve(await realStream());
    expect((await first).status).to.equal('ready');
    expect(gum.getUserMedia.callCount).to.equal(1);
  });

  it('says "waiting" when the prompt goes unanswered, keeps waiting, and stops the late stream after a cancel', async () => {
    const gum = handControlled();
    const check = new CameraCheck({ mediaDevices: gum.mediaDevices, promptTimeoutMs: 30 });
    const seen = states(check);
    const result = check.start();
    await nextTick(80);
    expect(check.state.status).to.equal('waiting');
    expect(check.pending).to.equal(true);
    check.cancel();
    expect(await result).to.deep.equal({ status: 'cancelled', reason: 'cancelled' });
    const late = await realStream();
    gum.resolve(late);
    await nextTick(10);
    expect(late.getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
    expect(seen).to.deep.equal(['requesting', 'waiting', 'cancelled']);
  });

  it('says "no-answer" after noAnswerAfterMs; start() then goes back to waiting on the same request, whose late stream is used and stopped', async () => {
    const gum = handControlled();
    const check = new CameraCheck({ mediaDevices: gum.mediaDevices, promptTimeoutMs: 20, noAnswerAfterMs: 80 });
    const seen = states(check);
    const first = check.start();
    await nextTick(150);
    expect(check.state.status).to.equal('no-answer');
    expect(check.pending, 'still waiting on the request').to.equal(true);
    const again = check.start(); // the user taps: no second getUserMedia, back to waiting
    expect(again).to.equal(first);
    expect(check.state.status).to.equal('waiting');
    await nextTick(150);
    expect(check.state.status, 'counted again from the tap').to.equal('no-answer');
    expect(gum.getUserMedia.callCount).to.equal(1);
    const late = await realStream();
    gum.resolve(late);
    const result = await first;
    expect(result.status).to.equal('ready');
    expect(late.getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
    expect(seen).to.deep.equal(['requesting', 'waiting', 'no-answer', 'waiting', 'no-answer', 'ready']);
  });

  it('"no-answer" before "waiting" when noAnswerAfterMs is the shorter: waiting does not come after it', async () => {
    const gum = handControlled();
    const check = new CameraCheck({ mediaDevices: gum.mediaDevices, promptTimeoutMs: 120, noAnswerAfterMs: 30 });
    const seen = states(check);
    const result = check.start();
    await nextTick(200);
    expect(seen).to.deep.equal(['requesting', 'no-answer']);
    gum.reject(new DOMException('denied late', 'NotAllowedError'));
    expect(await result).to.include({ status: 'error', code: 'camera-denied' });
  });

  it('cancelled during "no-answer" (page hidden), then started again: joins the open request, whose answer is used', async () => {
    const gum = handControlled();
    const page = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
    const check = new CameraCheck({ mediaDevices: gum.mediaDevices, document: page, noAnswerAfterMs: 30 });
    const first = check.start();
    await nextTick(80);
    expect(check.state.status).to.equal('no-answer');
    page.visibilityState = 'hidden';
    page.dispatchEvent(new Event('visibilitychange'));
    expect(await first).to.deep.equal({ status: 'cancelled', reason: 'page-hidden' });
    page.visibilityState = 'visible';
    const second = check.start();
    expect(gum.getUserMedia.callCount, 'the open request is joined, not repeated').to.equal(1);
    const late = await realStream();
    gum.resolve(late);
    expect((await second).status).to.equal('ready');
    expect(late.getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
  });

  it('disposed during "no-answer": the stream that finally arrives is stopped', async () => {
    const gum = handControlled();
    const check = new CameraCheck({ mediaDevices: gum.mediaDevices, noAnswerAfterMs: 30 });
    const result = check.start();
    await nextTick(80);
    expect(check.state.status).to.equal('no-answer');
    check.dispose();
    expect(await result).to.deep.equal({ status: 'cancelled', reason: 'disconnected' });
    const late = await realStream();
    gum.resolve(late);
    await nextTick(10);
    expect(late.getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
  });

  it('cancels when the page is hidden, and stops the stream that arrives afterwards', async () => {
    const gum = handControlled();
    const page = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
    const check = new CameraCheck({ mediaDevices: gum.mediaDevices, document: page });
    const result = check.start();
    page.visibilityState = 'hidden';
    page.dispatchEvent(new Event('visibilitychange'));
    expect(await result).to.deep.equal({ status: 'cancelled', reason: 'page-hidden' });
    gum.resolve(await realStream());
    await nextTick(10);
  });

  it('gives up after giveUpAfterMs when configured', async () => {
    const gum = handControlled();
    const result = await new CameraCheck({ mediaDevices: gum.mediaDevices, giveUpAfterMs: 20 }).start();
    expect(result).to.deep.equal({ status: 'cancelled', reason: 'timeout' });
    gum.resolve(await realStream());
    await nextTick(10);
  });

  it('dispose() while the prompt is up releases the camera when it finally answers', async () => {
    const gum = handControlled();
    const check = new CameraCheck({ mediaDevices: gum.mediaDevices });
    const result = check.start();
    check.dispose();
    expect(await result).to.include({ status: 'cancelled', reason: 'disconnected' });
    gum.resolve(await realStream());
    await nextTick(10);
  });

  it('can run again after an outcome (a retry is a new attempt)', async () => {
    const getUserMedia = sinon.stub();
    getUserMedia.onFirstCall().rejects(new DOMException('busy', 'NotReadableError'));
    getUserMedia.onSecondCall().callsFake(() => realStream());
    const check = new CameraCheck({ mediaDevices: { getUserMedia } });
    expect(await check.start()).to.include({ code: 'camera-busy' });
    expect((await check.start()).status).to.equal('ready');
    expect(getUserMedia.callCount).to.equal(2);
  });
});
