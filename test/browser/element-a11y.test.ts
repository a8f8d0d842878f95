// The element as people use it: at 320 px, in dark mode, with reduced motion, from the keyboard.
import { expect } from '@esm-bundle/chai';
import { fixture, html, waitUntil } from '@open-wc/testing-helpers';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/faceid-preflight.js';
import type { FaceidPreflight } from '../../src/faceid-preflight.js';
import { viewStates } from '../../src/element/view-state.js';
import { engine, liveTracks, realStream } from './engine.js';

const part = (el: FaceidPreflight, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

// emulateMedia needs CDP: Chromium only here (Firefox runs over WebDriver BiDi, WebKitGTK over WebDriver).
const canEmulate = engine === 'chromium';

afterEach(async () => {
  sinon.restore();
  if (canEmulate) await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  expect(liveTracks()).to.deep.equal([]);
});

describe(`<faceid-preflight> accessibility and layout in ${engine}`, () => {
  it('fits a 320 px wide screen in every state, in every language, without horizontal scrolling', async () => {
    for (const lang of ['en', 'zh-CN', 'th', 'id']) {
      for (const state of viewStates) {
        const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px">
          <faceid-preflight lang=${lang} preview-state=${state} preview-error="camera-denied"></faceid-preflight>
        </div>`);
        const el = wrapper.querySelector('faceid-preflight') as FaceidPreflight;
        await el.updateComplete;
        const base = part(el, 'base');
        expect(base.scrollWidth, `${lang} ${state}`).to.be.at.most(base.clientWidth);
        expect(el.getBoundingClientRect().width, `${lang} ${state}`).to.be.at.most(320);
        wrapper.remove();
      }
    }
  });

  it('follows prefers-color-scheme: dark', async function () {
    if (!canEmulate) return this.skip();
    const el = await fixture<FaceidPreflight>(html`<faceid-preflight preview-state="ready"></faceid-preflight>`);
    const light = getComputedStyle(part(el, 'base')).backgroundColor;
    await emulateMedia({ colorScheme: 'dark' });
    const dark = getComputedStyle(part(el, 'base')).backgroundColor;
    expect(light).to.equal('rgb(255, 255, 255)');
    expect(dark).to.equal('rgb(23, 23, 26)');
  });

  it('stops the spinner under prefers-reduced-motion', async function () {
    if (!canEmulate) return this.skip();
    const el = await fixture<FaceidPreflight>(html`<faceid-preflight preview-state="requesting"></faceid-preflight>`);
    expect(getComputedStyle(part(el, 'spinner')).animationName).to.equal('spin');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(part(el, 'spinner')).animationName).to.equal('none');
  });

  it('marks busy states for assistive technology and hides the decorative spinner', async () => {
    const el = await fixture<FaceidPreflight>(html`<faceid-preflight preview-state="waiting"></faceid-preflight>`);
    expect(part(el, 'message').getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'spinner').getAttribute('aria-hidden')).to.equal('true');
  });

  it('starts the camera check from the keyboard (Tab to the button, Enter)', async () => {
    sinon.stub(navigator.mediaDevices, 'getUserMedia').callsFake((c) => realStream(c));
    const el = await fixture<FaceidPreflight>(html`<faceid-preflight></faceid-preflight>`);
    await waitUntil(() => el.view === 'ready', 'no prediction', { timeout: 10_000 });
    await el.updateComplete;
    part(el, 'button').focus();
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'button'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.view === 'camera-ready', `still ${el.view}`, { timeout: 10_000 });
    await el.updateComplete;
    // The focus stayed on the button through "Opening your camera…": Enter again goes on, no Tab from the top.
    expect(el.shadowRoot!.activeElement, 'focus after the check').to.equal(part(el, 'button'));
    expect(part(el, 'button').textContent).to.equal('Start verification');
  });

  it('keeps a busy button focusable: aria-disabled, and a press does nothing', async () => {
    let calls = 0;
    sinon.stub(navigator.mediaDevices, 'getUserMedia').callsFake(() => {
      calls++;
      return new Promise<MediaStream>(() => {}); // the prompt stays open
    });
    const el = await fixture<FaceidPreflight>(html`<faceid-preflight></faceid-preflight>`);
    await waitUntil(() => el.view === 'ready', 'no prediction', { timeout: 10_000 });
    await el.updateComplete;
    part(el, 'button').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.view === 'requesting' || el.view === 'waiting', `still ${el.view}`, { timeout: 5000 });
    await el.updateComplete;
    const button = part(el, 'button');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.hasAttribute('disabled'), 'no disabled attribute: it would drop the focus').to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(button);
    // A page styles it as busy through its own part (::part(button):disabled cannot match an aria-disabled button).
    const style = document.createElement('style');
    style.textContent = 'faceid-preflight::part(button-busy) { opacity: 0.25; }';
    document.head.append(style);
    try {
      expect(getComputedStyle(button).opacity).to.equal('0.25');
    } finally {
      style.remove();
    }
    await sendKeys({ press: 'Enter' });
    button.click();
    await new Promise((r) => setTimeout(r, 200)); // (a check reaches getUserMedia after a few awaits)
    expect(calls, 'pressing the busy button asked for the camera again').to.equal(1);
    el.remove(); // (releases the pending check)
  });

  it('gives the button its busy part only while a prompt is open', async () => {
    const el = await fixture<FaceidPreflight>(html`<faceid-preflight preview-state="ready"></faceid-preflight>`);
    expect(part(el, 'button').getAttribute('part')).to.equal('button');
    el.previewState = 'requesting';
    await el.updateComplete;
    expect(part(el, 'button').getAttribute('part')).to.equal('button button-busy');
  });
});
