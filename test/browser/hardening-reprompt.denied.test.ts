// No re-prompt storms. Runs only in the camera-denied group (Firefox with the camera denied,
// Chromium with this site's camera blocked; see web-test-runner.config.mjs), where getUserMedia
// really rejects with NotAllowedError.
//
// After a denial the element asks for the camera again only from a new user gesture: a script that
// calls checkCamera() by itself (a retry loop, a timer, a framework re-render) gets a `faceid-error`
// with reason `needs-gesture` and no getUserMedia call; a real click on the Retry button (sent by
// the test runner as an input event, not element.click()) does ask again. Why it matters: Chrome
// embargoes a permission for a site after a user dismissed its prompt a few times in a row, and
// re-asking unprompted is how a page trains users to block it (see SECURITY.md).
import { expect } from '@esm-bundle/chai';
import { oneEvent } from '@open-wc/testing-helpers';
import { executeServerCommand, resetMouse, sendMouse } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/faceid-preflight.js';
import type { FaceidPreflight } from '../../src/faceid-preflight.js';
import { engine, until } from './engine.js';

type WithActivation = Navigator & { userActivation?: { isActive: boolean; hasBeenActive: boolean } };
const activation = () => (navigator as WithActivation).userActivation;

/** A real mouse click (an input event from the browser's automation, a true user activation). */
async function clickLikeAUser(target: Element): Promise<void> {
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

describe(`no re-prompt storms after a camera denial (${engine})`, function () {
  this.timeout(60_000);

  before(async () => {
    if (engine === 'chromium') await executeServerCommand('deny-camera');
  });
  afterEach(async () => {
    sinon.restore();
    await resetMouse();
    document.querySelectorAll('faceid-preflight').forEach((el) => el.remove());
  });

  it('refuses programmatic retries after a real NotAllowedError, and asks again on a real click', async () => {
    const gum = sinon.spy(navigator.mediaDevices, 'getUserMedia'); // calls through: a real denial
    const el = document.createElement('faceid-preflight') as FaceidPreflight;
    document.body.append(el);
    await until('the prediction', () => el.view !== 'checking');

    // 1. The first check (nothing denied yet, so no gesture needed): a real NotAllowedError.
    const denied = oneEvent(el, 'faceid-camera-error');
    await el.checkCamera();
    expect((await denied).detail).to.include({ code: 'camera-denied', name: 'NotAllowedError' });
    expect(gum.callCount).to.equal(1);
    await el.updateComplete;
    expect(el.view).to.equal('camera-error');

    // 2. Retries from script, without a gesture: refused before getUserMedia, every time.
    await until('no transient activation', () => activation()!.isActive === false);
    for (let i = 0; i < 5; i++) {
      const refused = oneEvent(el, 'faceid-error');
      await el.checkCamera();
      expect((await refused).detail.reason).to.equal('needs-gesture');
    }
    expect(gum.callCount, 'getUserMedia calls after programmatic retries').to.equal(1);
    await el.updateComplete;
    expect(el.view, 'the denial stays on screen, with its Retry button').to.equal('camera-error');

    // 3. A real click on Retry is a new gesture: the camera is asked for again (and denied again).
    const retry = el.shadowRoot!.querySelector('[part~="button"]')!;
    const deniedAgain = oneEvent(el, 'faceid-camera-error');
    await clickLikeAUser(retry);
    expect((await deniedAgain).detail).to.include({ code: 'camera-denied' });
    expect(gum.callCount, 'getUserMedia calls after the click').to.equal(2);

    // 4. That click was used up by the attempt it caused: script is refused again at once, even
    //    while the browser still counts the click as an active user gesture.
    const refusedAgain = oneEvent(el, 'faceid-error');
    await el.checkCamera();
    expect((await refusedAgain).detail.reason).to.equal('needs-gesture');
    expect(gum.callCount).to.equal(2);

    // 5. A real click elsewhere on the page is not consent to ask again.
    const elsewhere = document.createElement('button');
    elsewhere.textContent = 'unrelated';
    document.body.append(elsewhere);
    try {
      await clickLikeAUser(elsewhere);
      const refusedAfterUnrelatedClick = oneEvent(el, 'faceid-error');
      await el.checkCamera();
      expect((await refusedAfterUnrelatedClick).detail.reason).to.equal('needs-gesture');
      expect(gum.callCount, 'getUserMedia calls after an unrelated click').to.equal(2);
    } finally {
      elsewhere.remove();
    }
  });

  it('changing camera options after a denial does not reset the guard', async () => {
    const gum = sinon.spy(navigator.mediaDevices, 'getUserMedia');
    const el = document.createElement('faceid-preflight') as FaceidPreflight;
    document.body.append(el);
    await until('the prediction', () => el.view !== 'checking');
    await el.checkCamera();
    expect(el.view).to.equal('camera-error');
    expect(gum.callCount).to.equal(1);
    await until('no transient activation', () => activation()!.isActive === false);
    const changes: Array<() => void> = [
      () => (el.microphone = true),
      () => (el.microphone = false),
      () => (el.promptTimeout = 1),
      () => (el.promptTimeout = 5),
      () => el.setAttribute('prompt-timeout', '2'),
      () => (el.profile = 'mainland'),
    ];
    for (const change of changes) {
      change();
      await el.updateComplete;
      const refused = oneEvent(el, 'faceid-error');
      await el.checkCamera();
      expect((await refused).detail.reason).to.equal('needs-gesture');
    }
    expect(gum.callCount, 'getUserMedia calls after option changes').to.equal(1);
  });

  it('a tap on the element itself is the gesture: the Retry button works without any help from script', async () => {
    const gum = sinon.spy(navigator.mediaDevices, 'getUserMedia');
    const el = document.createElement('faceid-preflight') as FaceidPreflight;
    document.body.append(el);
    await until('the prediction', () => el.view !== 'checking');
    await clickLikeAUser(el.shadowRoot!.querySelector('[part~="button"]')!); // "Check my camera"
    await until('the denial', () => el.view === 'camera-error');
    await until('no transient activation', () => activation()!.isActive === false, 15_000);
    await clickLikeAUser(el.shadowRoot!.querySelector('[part~="button"]')!); // "Try again"
    await until('the second answer', () => gum.callCount === 2);
    await until('the second denial', () => el.view === 'camera-error');
  });
});
