// Every path ends where the user can act: the orders of events that used to leave
// <faceid-preflight> on a spinner for ever (moved mid-check, removed mid-hand-off, back from the
// hosted page, a beforeunload "Stay", a provider that never settles or throws the unprintable),
// one getUserMedia in flight at most, and advice that can work. Each test ends in a state with a
// way forward, with no camera track left live.
import { expect } from '@esm-bundle/chai';
import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing-helpers';
import sinon from 'sinon';
import '../../src/faceid-preflight.js';
import type { FaceidPreflight } from '../../src/faceid-preflight.js';
import type { ProbeGlobals } from '../../src/probes/probes.js';
import { stateRecords } from '../../src/element/states.js';
import { liveTracks, nextTick, realStream, until } from './engine.js';

const GOOD_URL = 'https://sg.faceid.qq.com/reflect/?token=2f1e8d9c-1234-4cde-9abc-0123456789ab';
const HUAWEI_CHROME =
  'Mozilla/5.0 (Linux; Android 12; NOH-AN00 Build/HUAWEINOH-AN00) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36';

const part = (el: FaceidPreflight, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: FaceidPreflight, name: string) => part(el, name)?.textContent?.trim() ?? '';

/** A state the user can act in: it has an enabled button, or it is final and says what to do. */
function actionable(el: FaceidPreflight): boolean {
  const record = stateRecords[el.view];
  if (record.busy) return false;
  const button = part(el, 'button') as HTMLButtonElement | null;
  return record.action === null ? text(el, 'title') !== '' : button !== null && button.getAttribute('aria-disabled') !== 'true';
}

async function ready(el: FaceidPreflight): Promise<FaceidPreflight> {
  await waitUntil(() => el.view !== 'checking', 'the prediction never arrived', { timeout: 10_000 });
  await el.updateComplete;
  return el;
}

/** Probe globals like this window's, with Client Hints that answer only when the test says. */
function heldProbes(userAgent = navigator.userAgent) {
  let release!: () => void;
  const held = new Promise<Record<string, unknown>>((resolve) => (release = () => resolve({})));
  const globals: ProbeGlobals = {
    isSecureContext: window.isSecureContext,
    navigator: {
      userAgent,
      maxTouchPoints: navigator.maxTouchPoints,
      mediaDevices: navigator.mediaDevices,
      userAgentData: { getHighEntropyValues: () => held },
    },
    document: document as ProbeGlobals['document'],
    ...(window.RTCPeerConnection ? { RTCPeerConnection: window.RTCPeerConnection, RTCRtpSender: window.RTCRtpSender } : {}),
    ...(window.MediaRecorder ? { MediaRecorder: window.MediaRecorder } : {}),
  };
  return { globals, release };
}

/** getUserMedia that answers only when the test says, counting its calls. */
function heldCamera() {
  let answer!: () => Promise<void>;
  const gum = sinon.stub(navigator.mediaDevices, 'getUserMedia').callsFake(
    (c) =>
      new Promise<MediaStream>((resolve) => {
        answer = async () => resolve(await realStream(c));
      }),
  );
  return { gum, answer: () => answer() };
}

afterEach(() => {
  sinon.restore();
  expect(liveTracks(), 'a camera track was left live').to.deep.equal([]);
});

describe('<faceid-preflight>: every path ends where the user can act', function () {
  this.timeout(20_000);

  it('moved in the DOM while the browser check runs: the check starts again and ends in ready', async () => {
    const { globals, release } = heldProbes();
    const el = document.createElement('faceid-preflight');
    el.probeGlobals = globals;
    document.body.append(el);
    await nextTick(20);
    expect(el.view).to.equal('checking');
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    try {
      elsewhere.append(el); // a portal / teleport / modal library moving it
      release();
      await ready(el);
      expect(el.view).to.equal('ready');
      expect(actionable(el)).to.equal(true);
    } finally {
      elsewhere.remove();
    }
  });

  it('a check that answers fast shows its answer as its first words, in the same live region; a slow one shows its spinner after 150 ms', async () => {
    /** When the spinner first showed (ms after `since`), the words the message showed in turn, and its live region. */
    const watch = (el: FaceidPreflight, since: number) => {
      const seen = { spinnerAt: null as number | null, words: [] as string[], region: null as HTMLElement | null };
      const look = () => {
        if (part(el, 'spinner') && seen.spinnerAt === null) seen.spinnerAt = performance.now() - since;
        seen.region ??= part(el, 'message');
        const said = part(el, 'message')?.textContent?.trim();
        if (said && seen.words.at(-1) !== said) seen.words.push(said);
      };
      const observer = new MutationObserver(look);
      observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
      return { seen, stop: () => observer.disconnect() };
    };
    const slow = heldProbes(); // Client Hints held: the check waits
    const el = document.createElement('faceid-preflight');
    el.probeGlobals = slow.globals;
    const connected = performance.now();
    document.body.append(el);
    const held = watch(el, connected);
    try {
      await el.updateComplete;
      expect(el.view).to.equal('checking');
      const region = part(el, 'message')!;
      expect(region.getAttribute('role')).to.equal('status'); // the live region is there from the first render
      expect(region.getAttribute('aria-busy')).to.equal('true');
      expect(text(el, 'message')).to.equal('');
      expect(part(el, 'spinner')).to.equal(null);
      expect(part(el, 'actions'), 'the actions row (and its slot) is there while quiet').to.not.equal(null);
      await waitUntil(() => part(el, 'spinner') !== null, 'no spinner for a slow check', { timeout: 2000 });
      expect(held.seen.spinnerAt).to.be.at.least(140);
      expect(el.view).to.equal('checking');
      expect(text(el, 'title')).to.not.equal('');
      slow.release();
      await ready(el);
      expect(part(el, 'message'), 'one live region from the quiet card to the answer').to.equal(region);
      expect(actionable(el)).to.equal(true);
    } finally {
      held.stop();
      el.remove();
    }

    // Stand-ins that answer at once: the answer comes before the spinner is due (on a machine so
    // loaded that it does not, the spinner must still have waited its 150 ms).
    const fast = document.createElement('faceid-preflight');
    fast.probeGlobals = heldProbes().globals;
    (fast.probeGlobals.navigator!.userAgentData as { getHighEntropyValues: () => Promise<object> }).getHighEntropyValues = async () => ({});
    const appended = performance.now();
    document.body.append(fast);
    const quick = watch(fast, appended);
    try {
      await ready(fast);
      await nextTick(200); // past the spinner's time: once the answer is shown, no spinner comes
      expect(part(fast, 'message'), 'one live region from the quiet card to the answer').to.equal(quick.seen.region);
      expect(quick.seen.words.at(-1)).to.equal(text(fast, 'message'));
      if (quick.seen.spinnerAt === null) {
        expect(quick.seen.words).to.deep.equal([text(fast, 'message')], 'the answer is the first words shown');
      } else {
        expect(quick.seen.spinnerAt, 'a spinner, if any, only after the quiet time').to.be.at.least(140);
        expect(quick.seen.words.length).to.equal(2);
      }
      expect(actionable(fast)).to.equal(true);
    } finally {
      quick.stop();
      fast.remove();
    }
  });

  it('a browser check whose createOffer and Client Hints never settle still ends in a prediction, with a button', async () => {
    const { globals } = heldProbes(); // Client Hints never released
    const close = sinon.spy();
    // No engine here hangs createOffer by itself (and WebKitGTK has no RTCPeerConnection): a stand-in,
    // without getCapabilities so that the SDP-offer path runs.
    globals.RTCPeerConnection = function (this: object) {
      Object.assign(this, { addTransceiver: () => ({}), createOffer: () => new Promise(() => {}), close });
    } as unknown as typeof RTCPeerConnection;
    delete globals.RTCRtpSender;
    const el = document.createElement('faceid-preflight');
    el.probeGlobals = globals;
    document.body.append(el);
    try {
      await nextTick(50);
      expect(el.view).to.equal('checking');
      await waitUntil(() => el.view !== 'checking', 'still checking after the probes’ deadline', { timeout: 8000 });
      await el.updateComplete;
      expect(el.view).to.equal('ready');
      expect(actionable(el)).to.equal(true);
      expect(el.finalPrediction!.probes.unanswered).to.deep.equal(['h264', 'clientHints']);
      expect(el.finalPrediction!.reasonCodes.slice(0, 2)).to.deep.equal([
        { code: 'probe-unanswered', probe: 'h264' },
        { code: 'probe-unanswered', probe: 'clientHints' },
      ]);
      const why = [...el.shadowRoot!.querySelectorAll('[part~="reasons"] li')].map((li) => li.textContent);
      expect(why[0]).to.match(/did not answer in time whether it can send H\.264/);
      expect(close.calledOnce, 'the hung connection is closed').to.equal(true);
    } finally {
      el.remove();
    }
  });

  it('removed and re-added while the hand-off waits for the URL: back to a button that works', async () => {
    const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight></faceid-preflight>`));
    const navigate = sinon.spy();
    el.navigate = navigate;
    let provide: ((url: string) => void) | undefined;
    el.urlProvider = () => new Promise<string>((r) => (provide = r));
    void el.handOff();
    await until('the provider to be asked (the stage loaded)', () => provide !== undefined);
    await el.updateComplete;
    expect(el.view).to.equal('handing-off');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(el.view).to.equal('ready');
    provide!(GOOD_URL); // the abandoned request answers late: ignored
    await nextTick(10);
    expect(navigate.called, 'no navigation from an abandoned hand-off').to.equal(false);
    el.urlProvider = async () => GOOD_URL;
    await el.handOff();
    expect(navigate.calledOnceWithExactly(GOOD_URL)).to.equal(true);
  });

  it('removed and re-added while a tap waits for the camera-and-hand-off stage: the tap is dropped, back to a button', async () => {
    // A fresh element's stage is not loaded before its first decision: a hand-off asked for at once waits for it.
    const el = await fixture<FaceidPreflight>(html`<faceid-preflight verification-url=${GOOD_URL}></faceid-preflight>`);
    const navigate = sinon.spy();
    el.navigate = navigate;
    const asked = el.handOff();
    await el.updateComplete;
    expect(el.view).to.equal('handing-off');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await asked;
    await ready(el);
    expect(el.view).to.equal('ready');
    expect(navigate.called, 'the dropped tap did not navigate').to.equal(false);
    expect(actionable(el)).to.equal(true);
    await el.handOff();
    expect(navigate.calledOnceWithExactly(GOOD_URL)).to.equal(true);
  });

  it('back from the hosted page (restored from the back/forward cache): the button is offered again', async () => {
    const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight verification-url=${GOOD_URL}></faceid-preflight>`));
    el.navigate = () => {};
    await el.handOff();
    expect(el.view).to.equal('handing-off');
    // A real bfcache restore needs the top page to navigate away, which would end the test page.
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await el.updateComplete;
    expect(el.view).to.equal('ready');
    expect(actionable(el)).to.equal(true);
  });

  it('a navigation that does not leave (beforeunload "Stay"): the button comes back after navigation-timeout', async () => {
    const el = await ready(
      await fixture<FaceidPreflight>(html`<faceid-preflight verification-url=${GOOD_URL} navigation-timeout="150"></faceid-preflight>`),
    );
    const navigate = sinon.spy(); // the user answered "Stay": nothing happened
    el.navigate = navigate;
    await el.handOff();
    expect(el.view).to.equal('handing-off');
    await waitUntil(() => el.view !== 'handing-off', 'still handing off', { timeout: 3000 });
    expect(el.view).to.equal('ready');
    expect(actionable(el)).to.equal(true);
    expect(navigate.calledOnce).to.equal(true);
  });

  it('with auto-handoff, a navigation that did not leave brings the Start verification button back', async () => {
    sinon.stub(navigator.mediaDevices, 'getUserMedia').callsFake((c) => realStream(c));
    const el = await ready(
      await fixture<FaceidPreflight>(
        html`<faceid-preflight auto-handoff verification-url=${GOOD_URL} navigation-timeout="150"></faceid-preflight>`,
      ),
    );
    const navigate = sinon.spy();
    el.navigate = navigate;
    await el.checkCamera();
    expect(navigate.calledOnce).to.equal(true);
    await waitUntil(() => el.view !== 'handing-off', 'still handing off', { timeout: 3000 });
    expect(el.view).to.equal('camera-ready');
    expect(text(el, 'button')).to.equal('Start verification');
    expect(actionable(el)).to.equal(true);
  });

  it("an earlier hand-off's stall timer does not end a newer one", async () => {
    const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight navigation-timeout="150"></faceid-preflight>`));
    el.navigate = () => {};
    el.urlProvider = async () => GOOD_URL;
    await el.handOff(); // done; its stall timer runs
    let provide!: (url: string) => void;
    el.urlProvider = () => new Promise<string>((r) => (provide = r));
    const second = el.handOff(); // while the first still counts as navigating
    await nextTick(250); // past the first hand-off's stall timer
    expect(el.view, 'the second hand-off is still waiting for its URL').to.equal('handing-off');
    provide(GOOD_URL);
    await second;
  });

  it('a camera check after a failed hand-off leaves the failure behind', async () => {
    const { answer } = heldCamera();
    const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight></faceid-preflight>`));
    await el.handOff(); // no URL configured: handoff-failed
    expect(el.view).to.equal('handoff-failed');
    const checking = el.checkCamera();
    await el.updateComplete;
    expect(el.view).to.equal('requesting');
    await answer();
    await checking;
    expect(el.view).to.equal('camera-ready');
  });

  it('a urlProvider that never settles times out like the token endpoint, with a retry', async () => {
    const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight token-timeout="200"></faceid-preflight>`));
    el.urlProvider = () => new Promise<string>(() => {});
    const error = oneEvent(el, 'faceid-error');
    await el.handOff();
    expect((await error).detail.reason).to.equal('provider-timeout');
    await el.updateComplete;
    expect(el.view).to.equal('handoff-failed');
    expect(actionable(el)).to.equal(true);
  });

  const unprintable: Array<[string, () => unknown]> = [
    ['Object.create(null)', () => Object.create(null)],
    [
      'an error whose message getter throws',
      () =>
        Object.defineProperty(new Error(), 'message', {
          get: () => {
            throw new Error('no');
          },
        }),
    ],
    [
      'a revoked Proxy',
      () => {
        const p = Proxy.revocable({}, {});
        p.revoke();
        return p.proxy;
      },
    ],
  ];
  for (const [what, make] of unprintable) {
    it(`a urlProvider that throws ${what}: a hand-off failure, no unhandled rejection`, async () => {
      const unhandled = sinon.spy();
      window.addEventListener('unhandledrejection', unhandled);
      try {
        const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight></faceid-preflight>`));
        el.urlProvider = () => Promise.reject(make());
        const error = oneEvent(el, 'faceid-error');
        await el.handOff();
        expect((await error).detail).to.include({ reason: 'provider' });
        await el.updateComplete;
        expect(el.view).to.equal('handoff-failed');
        await nextTick(20);
        expect(unhandled.called).to.equal(false);
      } finally {
        window.removeEventListener('unhandledrejection', unhandled);
      }
    });
  }

  it('a BizToken in a provider error never reaches faceid-error', async () => {
    const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight></faceid-preflight>`));
    el.urlProvider = () =>
      Promise.reject(
        new Error('upstream said: https://sg.faceid.qq.com/reflect/?token=SECRET-BIZ-TOKEN and {"BizToken":"SECRET-BIZ-TOKEN"}'),
      );
    const error = oneEvent(el, 'faceid-error');
    await el.handOff();
    const { detail } = (await error).detail;
    expect(detail).to.not.include('SECRET-BIZ-TOKEN');
    expect(detail).to.include('token=[redacted]');
  });

  it('sends tokenHeaders, token-credentials and its language with the token-endpoint request', async () => {
    const seen = sinon.spy(window, 'fetch'); // calls through to the harness's real endpoint
    const el = await ready(
      await fixture<FaceidPreflight>(
        html`<faceid-preflight token-endpoint="/__token/ok" token-credentials="include" lang="th"></faceid-preflight>`,
      ),
    );
    el.tokenHeaders = { 'x-csrf-token': 'csrf-123' };
    el.navigate = () => {};
    await el.handOff();
    const [, init] = seen.lastCall.args as [RequestInfo, RequestInit];
    expect(init.credentials).to.equal('include');
    expect(new Headers(init.headers).get('x-csrf-token')).to.equal('csrf-123');
    expect(JSON.parse(String(init.body))).to.deep.include({ language: 'th' });
    expect(el.view).to.equal('handing-off');
  });

  it('removed and re-added while the prompt is open, tapped again: still one getUserMedia', async () => {
    const { gum, answer } = heldCamera();
    const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight></faceid-preflight>`));
    void el.checkCamera();
    await el.updateComplete;
    expect(el.view).to.equal('requesting');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await waitUntil(() => el.view === 'ready', `still ${el.view} after the cancelled check`);
    const second = el.checkCamera(); // the user taps again: the first prompt is still open
    expect(gum.callCount, 'getUserMedia calls in flight').to.equal(1);
    await answer();
    await second;
    expect(el.view).to.equal('camera-ready');
    expect(actionable(el)).to.equal(true);
  });

  it('page hidden and shown while the prompt is open, tapped again: still one getUserMedia', async () => {
    const { gum, answer } = heldCamera();
    const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight></faceid-preflight>`));
    void el.checkCamera();
    await el.updateComplete;
    const hidden = sinon.stub(document, 'visibilityState').get(() => 'hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    hidden.restore();
    await waitUntil(() => el.view === 'ready', `still ${el.view} after the page was hidden`);
    const second = el.checkCamera();
    expect(gum.callCount).to.equal(1);
    await answer();
    await second;
    expect(el.view).to.equal('camera-ready');
  });

  it('a camera prompt that never answers: after no-answer-timeout a button; a tap waits on the same request; the late answer is used once', async () => {
    const { gum, answer } = heldCamera();
    const el = await ready(
      await fixture<FaceidPreflight>(html`<faceid-preflight prompt-timeout="0.1" no-answer-timeout="0.4"></faceid-preflight>`),
    );
    const cameraReady = sinon.spy();
    el.addEventListener('faceid-camera-ready', cameraReady);
    const first = el.checkCamera();
    await waitUntil(() => el.view === 'waiting', `${el.view}, not waiting`);
    expect(actionable(el), 'waiting has no usable button').to.equal(false);
    await waitUntil(() => el.view === 'no-answer', `${el.view}, not no-answer`, { timeout: 3000 });
    await el.updateComplete;
    expect(actionable(el), 'no-answer has a button').to.equal(true);
    expect(text(el, 'title')).to.equal('No answer from the camera yet');
    expect(text(el, 'detail')).to.include('reload this page');
    expect(text(el, 'button')).to.equal('Try again');
    for (let tap = 0; tap < 2; tap++) {
      part(el, 'button')!.click();
      await el.updateComplete;
      expect(el.view, 'a tap goes back to waiting on the open request').to.equal('waiting');
      expect(gum.callCount, 'getUserMedia calls').to.equal(1);
      await waitUntil(() => el.view === 'no-answer', `${el.view}, not no-answer again`, { timeout: 3000 });
    }
    await answer(); // the user finally answers the first prompt
    await first;
    await el.updateComplete;
    expect(el.view).to.equal('camera-ready');
    expect(actionable(el)).to.equal(true);
    expect(cameraReady.callCount, 'faceid-camera-ready, once').to.equal(1);
    expect(gum.callCount).to.equal(1);
  });

  it('with auto-handoff, a tap during no-answer does not hand off twice when the camera finally answers', async () => {
    const { gum, answer } = heldCamera();
    const el = await ready(
      await fixture<FaceidPreflight>(
        html`<faceid-preflight auto-handoff verification-url=${GOOD_URL} no-answer-timeout="0.2"></faceid-preflight>`,
      ),
    );
    const navigate = sinon.spy();
    el.navigate = navigate;
    const first = el.checkCamera();
    await waitUntil(() => el.view === 'no-answer', `${el.view}, not no-answer`, { timeout: 3000 });
    const tapped = el.checkCamera();
    await answer();
    await Promise.all([first, tapped]);
    expect(navigate.calledOnceWithExactly(GOOD_URL)).to.equal(true);
    expect(gum.callCount).to.equal(1);
  });

  it('removed during no-answer: the stream that finally arrives is stopped; added back, a tap joins the same request', async () => {
    const { gum, answer } = heldCamera();
    const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight no-answer-timeout="0.2"></faceid-preflight>`));
    void el.checkCamera();
    await waitUntil(() => el.view === 'no-answer', `${el.view}, not no-answer`, { timeout: 3000 });
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await waitUntil(() => el.view === 'ready', `still ${el.view} after the cancelled check`);
    const second = el.checkCamera();
    expect(gum.callCount, 'getUserMedia calls in flight').to.equal(1);
    await answer();
    await second;
    expect(el.view).to.equal('camera-ready');
  });

  it('no-answer-timeout that is not a usable number keeps the 30 s default (no "no-answer" at once)', async () => {
    const { answer } = heldCamera();
    for (const value of ['0', '-1', 'abc', '1e12']) {
      const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight no-answer-timeout=${value}></faceid-preflight>`));
      const checking = el.checkCamera();
      await nextTick(150);
      expect(el.view, value).to.equal('requesting');
      await answer();
      await checking;
      el.remove();
    }
  });

  for (const value of ['1e12', 'NaN', 'abc', '-3']) {
    it(`prompt-timeout="${value}" does not show "waiting" at once`, async () => {
      const { answer } = heldCamera();
      const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight prompt-timeout=${value}></faceid-preflight>`));
      void el.checkCamera();
      await nextTick(200);
      expect(el.view).to.equal('requesting');
      await answer();
      await waitUntil(() => el.view === 'camera-ready');
    });
  }

  it('with no-downgrade, a Huawei phone’s Chrome is not told to open Chrome', async () => {
    const { globals, release } = heldProbes(HUAWEI_CHROME);
    release();
    const el = await fixture<FaceidPreflight>(html`<faceid-preflight no-downgrade .probeGlobals=${globals}></faceid-preflight>`);
    await ready(el);
    expect(el.view).to.equal('cannot-verify');
    expect(text(el, 'detail')).to.include('Huawei Browser');
    expect(text(el, 'detail')).to.not.match(/Chrome \(Android\)|open this page in Chrome/);
  });
});
