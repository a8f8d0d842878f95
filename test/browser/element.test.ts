// <faceid-preflight> in three real engines: the states it shows and announces, the events it fires,
// its slots/parts/custom properties, its languages, and a hand-off that never goes anywhere unchecked.
import { expect } from '@esm-bundle/chai';
import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing-helpers';
import sinon from 'sinon';
import '../../src/faceid-preflight.js';
import type { FaceidPreflight } from '../../src/faceid-preflight.js';
import { viewStates, type ViewState } from '../../src/element/view-state.js';
import { engine, liveTracks, nextTick, realStream } from './engine.js';

const GOOD_URL = 'https://sg.faceid.qq.com/reflect/?token=2f1e8d9c-1234-4cde-9abc-0123456789ab';

const shadow = (el: FaceidPreflight) => el.shadowRoot!;
const part = (el: FaceidPreflight, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: FaceidPreflight, name: string) => part(el, name)?.textContent?.trim() ?? '';

async function ready(el: FaceidPreflight): Promise<FaceidPreflight> {
  await waitUntil(() => el.view !== 'checking', 'the prediction never arrived', { timeout: 10_000 });
  await el.updateComplete;
  return el;
}

/** Lets the real getUserMedia run, remembering its tracks so the test can assert none is left live. */
function trackCamera() {
  return sinon.stub(navigator.mediaDevices, 'getUserMedia').callsFake((c) => realStream(c));
}

afterEach(() => {
  sinon.restore();
  expect(liveTracks(), 'a camera track was left live').to.deep.equal([]);
});

describe(`<faceid-preflight> in ${engine}`, () => {
  it('is registered once, under its tag, and the registration survives a second import', async () => {
    expect(customElements.get('faceid-preflight')).to.be.a('function');
    // A second copy of the module (another bundle on the same page) must not throw on define.
    await import('../../src/faceid-preflight.js?second-copy' as string);
    expect(document.createElement('faceid-preflight').constructor).to.equal(customElements.get('faceid-preflight'));
  });

  it("predicts without a prompt and fires faceid-prediction with this engine's final mode", async () => {
    const el = document.createElement('faceid-preflight');
    const event = oneEvent(el, 'faceid-prediction');
    document.body.append(el);
    try {
      const { detail } = await event;
      const expected = engine === 'chromium' ? 'reflection' : 'video';
      expect(detail.mode).to.equal(expected);
      expect(detail.rule).to.equal('fact/desktop');
      await el.updateComplete;
      expect(el.view).to.equal('ready');
      expect(text(el, 'title')).to.equal(expected === 'reflection' ? 'Ready for face verification' : 'Ready for video verification');
    } finally {
      el.remove();
    }
  });

  it('announces every state in a polite live region, with a title', async () => {
    for (const state of viewStates) {
      const el = await fixture<FaceidPreflight>(html`<faceid-preflight preview-state=${state}></faceid-preflight>`);
      const message = part(el, 'message')!;
      expect(message.getAttribute('role'), state).to.equal('status');
      expect(message.getAttribute('aria-live'), state).to.equal('polite');
      expect(part(el, 'base')!.dataset.state).to.equal(state);
      expect(text(el, 'title'), state).to.not.equal('');
      el.remove();
    }
  });

  it('shows the three documented camera messages verbatim', async () => {
    const messages = {
      'camera-busy':
        'Unable to access your camera/mic. Please make sure that there is no other app requesting access to them and try again.',
      'camera-denied':
        'Mic and camera permissions of your device are required during the whole verification. Please clear your browser cache and try again.',
      'camera-unavailable': 'Please check whether the camera/mic can be accessed normally and try again',
    };
    for (const [code, message] of Object.entries(messages)) {
      const el = await fixture<FaceidPreflight>(
        html`<faceid-preflight preview-state="camera-error" preview-error=${code}></faceid-preflight>`,
      );
      expect(text(el, 'detail')).to.equal(message);
      el.remove();
    }
  });

  for (const lang of ['zh-CN', 'zh-TW', 'th', 'id']) {
    it(`lang="${lang}" switches every string of every state`, async () => {
      for (const state of viewStates) {
        const en = await fixture<FaceidPreflight>(html`<faceid-preflight lang="en" preview-state=${state}></faceid-preflight>`);
        const other = await fixture<FaceidPreflight>(html`<faceid-preflight lang=${lang} preview-state=${state}></faceid-preflight>`);
        await waitUntil(() => text(other, 'title') !== text(en, 'title'), `${lang} ${state}: title stayed English`, { timeout: 5000 });
        expect(text(other, 'detail'), `${lang} ${state}`).to.satisfy((d: string) => d === '' || d !== text(en, 'detail'));
        const button = part(other, 'button');
        if (button) expect(button.textContent, `${lang} ${state} button`).to.not.equal(part(en, 'button')!.textContent);
        en.remove();
        other.remove();
      }
    });
  }

  it('switches language when lang changes after the first render', async () => {
    const el = await fixture<FaceidPreflight>(html`<faceid-preflight preview-state="ready"></faceid-preflight>`);
    expect(text(el, 'button')).to.equal('Check my camera');
    el.lang = 'zh-TW';
    await waitUntil(() => text(el, 'button') === '檢查相機', `still "${text(el, 'button')}"`, { timeout: 5000 });
    el.setAttribute('lang', 'id');
    await waitUntil(() => text(el, 'button') === 'Periksa kamera saya', `still "${text(el, 'button')}"`, { timeout: 5000 });
  });

  it('a preview announces no prediction and shows no reasons; clearing it announces the one its probes made', async () => {
    let predictions = 0;
    const el = document.createElement('faceid-preflight');
    el.addEventListener('faceid-prediction', () => predictions++);
    el.previewState = 'insecure';
    document.body.append(el);
    try {
      // The probes run (the words of some states follow the prediction); the event waits for the real view.
      await waitUntil(() => el.finalPrediction !== null, 'the probes never answered', { timeout: 10_000 });
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 100));
      expect(predictions, 'faceid-prediction fired for a preview').to.equal(0);
      expect(el.view).to.equal('insecure');
      expect(part(el, 'reasons'), 'a "Why?" list of the real check beside a preview').to.equal(null);
      const made = el.finalPrediction;
      const event = oneEvent(el, 'faceid-prediction');
      el.previewState = null;
      expect((await event).detail).to.equal(made);
      await el.updateComplete;
      expect(el.view).to.equal('ready');
      expect(part(el, 'reasons')).to.not.equal(null);
      // Previewing a live element keeps its prediction: leaving the preview announces nothing again.
      el.previewState = 'camera-error';
      await el.updateComplete;
      expect(el.view).to.equal('camera-error');
      el.previewState = null;
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 100));
      expect(el.view).to.equal('ready');
      expect(el.finalPrediction).to.equal(made);
      expect(predictions, 'a second faceid-prediction after a preview').to.equal(1);
    } finally {
      el.remove();
    }
  });

  it('a bogus preview-state is no preview: the check runs and its buttons work', async () => {
    const el = await fixture<FaceidPreflight>(html`<faceid-preflight preview-state="bogus"></faceid-preflight>`);
    await ready(el);
    expect(el.view).to.equal('ready');
    expect(el.finalPrediction).to.not.equal(null);
  });

  it('a camera-error preview with an unknown preview-error shows the first documented message, not an empty card', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    try {
      const el = await fixture<FaceidPreflight>(
        html`<faceid-preflight preview-state="camera-error" preview-error="bogus"></faceid-preflight>`,
      );
      expect(text(el, 'title')).to.equal('Camera problem');
      expect(text(el, 'detail')).to.equal(
        'Unable to access your camera/mic. Please make sure that there is no other app requesting access to them and try again.',
      );
      expect(text(el, 'button')).to.equal('Try again');
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
    }
  });

  it('takes string overrides from a JSON attribute and from the property, and survives a broken attribute', async () => {
    const warn = sinon.stub(console, 'warn');
    const el = await fixture<FaceidPreflight>(
      html`<faceid-preflight preview-state="ready" strings='{"checkCamera":"Let’s go"}'></faceid-preflight>`,
    );
    expect(text(el, 'button')).to.equal('Let’s go');
    el.strings = { readyVideo: 'Video it is', readyReflection: 'Flash it is' };
    await el.updateComplete;
    expect(['Video it is', 'Flash it is']).to.include(text(el, 'title'));
    el.setAttribute('strings', '{oops');
    await el.updateComplete;
    expect(text(el, 'button')).to.equal('Check my camera');
    expect(warn.calledOnce).to.equal(true);
  });

  it('puts slotted content in place of a state’s message, and offers intro and actions slots', async () => {
    const el = await fixture<FaceidPreflight>(html`<faceid-preflight preview-state="ready">
      <p slot="intro">Intro</p>
      <span slot="state-ready">Custom ready copy</span>
      <a slot="actions" href="#help">Help</a>
    </faceid-preflight>`);
    const stateSlot = shadow(el).querySelector<HTMLSlotElement>('slot[name="state-ready"]')!;
    expect(stateSlot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Custom ready copy']);
    const actions = shadow(el).querySelector<HTMLSlotElement>('slot[name="actions"]')!;
    expect(actions.assignedElements()).to.have.length(1);
    const intro = shadow(el).querySelector<HTMLSlotElement>('slot[name="intro"]')!;
    expect(intro.assignedElements().map((e) => e.textContent)).to.deep.equal(['Intro']);
  });

  it('shows the content inside the tag only where the element does not run', async () => {
    // An element name defined only later stands for a page where the script has not run (or
    // cannot: no JavaScript, a browser older than the build).
    const tag = `faceid-preflight-late-${Math.random().toString(36).slice(2)}`;
    const host = document.createElement('div');
    host.innerHTML = `<${tag}><p id="fallback">Please update your browser.</p><p slot="intro">Intro</p></${tag}>`;
    document.body.append(host);
    try {
      const fallback = host.querySelector<HTMLElement>('#fallback')!;
      expect(fallback.getBoundingClientRect().height, 'fallback visible before the element runs').to.be.greaterThan(0);
      customElements.define(tag, class extends (customElements.get('faceid-preflight') as typeof FaceidPreflight) {});
      const el = host.firstElementChild as FaceidPreflight;
      await el.updateComplete;
      expect(fallback.assignedSlot, 'fallback is slotted nowhere').to.equal(null);
      expect(fallback.getBoundingClientRect().height, 'fallback hidden once it runs').to.equal(0);
      expect(host.querySelector<HTMLElement>('[slot="intro"]')!.getBoundingClientRect().height).to.be.greaterThan(0);
    } finally {
      host.remove();
    }
  });

  it('is themed through custom properties and parts', async () => {
    const el = await fixture<FaceidPreflight>(
      html`<faceid-preflight preview-state="ready" style="--faceid-accent: rgb(1, 2, 3)"></faceid-preflight>`,
    );
    expect(getComputedStyle(part(el, 'button')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    for (const name of ['base', 'message', 'title', 'detail', 'actions', 'button']) expect(part(el, name), name).to.not.equal(null);
  });

  it('checks the camera from a tap, fires faceid-camera-ready, and leaves no track live', async () => {
    trackCamera();
    const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight verification-url=${GOOD_URL}></faceid-preflight>`));
    expect(el.view).to.equal('ready');
    const event = oneEvent(el, 'faceid-camera-ready');
    part(el, 'button')!.click();
    const { detail } = await event;
    expect(detail.camera.width).to.be.greaterThan(0);
    await el.updateComplete;
    expect(el.view).to.equal('camera-ready');
    expect(text(el, 'button')).to.equal('Start verification');
  });

  it('maps a busy camera to the documented message, fires faceid-camera-error, and offers a retry', async () => {
    const gum = sinon.stub(navigator.mediaDevices, 'getUserMedia').rejects(new DOMException('in use', 'NotReadableError'));
    const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight></faceid-preflight>`));
    const event = oneEvent(el, 'faceid-camera-error');
    part(el, 'button')!.click();
    expect((await event).detail).to.deep.equal({ code: 'camera-busy', name: 'NotReadableError', message: 'in use' });
    await el.updateComplete;
    expect(el.view).to.equal('camera-error');
    expect(text(el, 'detail')).to.match(/^Unable to access your camera\/mic\./);
    gum.callsFake((c) => realStream(c));
    part(el, 'button')!.click(); // retry, a new gesture
    await waitUntil(() => el.view === 'camera-ready');
    expect(gum.callCount).to.equal(2);
  });

  it('releases a camera that answers after the element was removed mid-prompt', async () => {
    let answer!: (s: MediaStream) => void;
    const gum = sinon.stub(navigator.mediaDevices, 'getUserMedia').returns(new Promise((r) => (answer = r)));
    const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight></faceid-preflight>`));
    part(el, 'button')!.click();
    // The tap shows `requesting` at once, also while the second stage is still loading (a slow
    // machine): the camera is asked for only once it has, so wait for the ask, then remove.
    await waitUntil(() => gum.calledOnce, 'the camera was never asked for');
    await el.updateComplete;
    expect(el.view).to.equal('requesting');
    el.remove();
    const late = await realStream();
    answer(late);
    await nextTick(10);
    expect(late.getTracks().map((t) => t.readyState)).to.deep.equal(['ended']);
  });

  it('hands off to a checked URL through a cancelable event, then navigates', async () => {
    trackCamera();
    const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight verification-url=${GOOD_URL}></faceid-preflight>`));
    const navigate = sinon.spy();
    el.navigate = navigate;
    await el.checkCamera();
    const event = oneEvent(el, 'faceid-handoff');
    await el.handOff();
    const { detail } = await event;
    expect(detail.url).to.equal(GOOD_URL);
    expect(navigate.calledOnceWithExactly(GOOD_URL)).to.equal(true);
    expect(el.view).to.equal('handing-off');
  });

  it('lets a single-page app take over the hand-off with preventDefault()', async () => {
    const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight verification-url=${GOOD_URL}></faceid-preflight>`));
    const navigate = sinon.spy();
    el.navigate = navigate;
    el.addEventListener('faceid-handoff', (e) => e.preventDefault(), { once: true });
    await el.handOff();
    expect(navigate.called).to.equal(false);
  });

  for (const hostile of [
    'javascript:alert(1)',
    'http://sg.faceid.qq.com/reflect/?token=x',
    'https://faceid.qq.com.evil.example/',
    'https://faceid.qq.com@evil.example/',
  ]) {
    it(`refuses to hand off to ${hostile}: an error state with a retry, never a navigation`, async () => {
      const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight verification-url=${hostile}></faceid-preflight>`));
      const navigate = sinon.spy();
      el.navigate = navigate;
      const error = oneEvent(el, 'faceid-error');
      await el.handOff();
      expect((await error).detail.reason).to.match(/^url-/);
      await el.updateComplete;
      expect(el.view).to.equal('handoff-failed');
      expect(text(el, 'button')).to.equal('Try again');
      expect(navigate.called).to.equal(false);
    });
  }

  it('reports a failing urlProvider as a hand-off failure and never navigates', async () => {
    const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight></faceid-preflight>`));
    const navigate = sinon.spy();
    el.navigate = navigate;
    el.urlProvider = async () => {
      throw new Error('backend down');
    };
    const error = oneEvent(el, 'faceid-error');
    await el.handOff();
    expect((await error).detail).to.include({ reason: 'provider' });
    el.urlProvider = async () => GOOD_URL;
    await el.handOff();
    expect(navigate.calledOnceWithExactly(GOOD_URL)).to.equal(true);
  });

  it('gets the URL from a real token endpoint, and fails cleanly on a 500', async () => {
    const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight token-endpoint="/__token/ok"></faceid-preflight>`));
    const navigate = sinon.spy();
    el.navigate = navigate;
    await el.handOff();
    expect(navigate.calledOnce).to.equal(true);
    expect(navigate.firstCall.args[0]).to.match(/^https:\/\/sg\.faceid\.qq\.com\/reflect\/\?token=/);
    el.tokenEndpoint = '/__token/500';
    const error = oneEvent(el, 'faceid-error');
    await el.handOff();
    expect((await error).detail).to.include({ reason: 'http-status', status: 500 });
    expect(navigate.calledOnce).to.equal(true);
    expect(el.view).to.equal('handoff-failed');
  });

  it('auto-handoff goes straight from a working camera to the verification page', async () => {
    trackCamera();
    const el = await ready(
      await fixture<FaceidPreflight>(html`<faceid-preflight auto-handoff verification-url=${GOOD_URL}></faceid-preflight>`),
    );
    const navigate = sinon.spy();
    el.navigate = navigate;
    await el.checkCamera();
    expect(navigate.calledOnceWithExactly(GOOD_URL)).to.equal(true);
  });

  it(`with no-downgrade, ${engine === 'chromium' ? 'reflection keeps the check available' : 'a video prediction says this browser cannot verify'}`, async () => {
    const el = await ready(await fixture<FaceidPreflight>(html`<faceid-preflight no-downgrade></faceid-preflight>`));
    const expected: ViewState = engine === 'chromium' ? 'ready' : 'cannot-verify';
    expect(el.view).to.equal(expected);
    if (expected === 'cannot-verify') expect(part(el, 'button')).to.equal(null);
  });
});
