// No leaks: <faceid-preflight> created and removed 1,000 times — removed before its first render,
// while its probes run, once ready, after a real camera check, in the middle of one (the late
// stream must be stopped), in the middle of a token-endpoint request (which must be aborted), and
// after an auto hand-off — leaves nothing behind: no live camera track, no pending timer, no
// listener on window or document, no request still open.
//
// Counted by instrumentation, not fakes: EventTarget.prototype's addEventListener /
// removeEventListener (kept for window and document) and window's timer functions are wrapped
// (calling through) before the first element is made, and every registration that is not undone is reported with the stack that
// made it. The test's own waiting uses the timer captured before the wrapping, so it never counts.
// Memory growth over the same kind of loop is a figure of `npm run bench` (bench/memory.mjs).
import { expect } from '@esm-bundle/chai';
import sinon from 'sinon';
import '../../src/faceid-preflight.js';
import type { FaceidPreflight } from '../../src/faceid-preflight.js';
import { engine, liveTracks, realStream, until } from './engine.js';

const CYCLES = 1000;
const GOOD_URL = 'https://sg.faceid.qq.com/reflect/?token=11111111-leak-4000-8000-000000000000';

const realSetTimeout = window.setTimeout.bind(window);
const sleep = (ms: number) => new Promise<void>((r) => realSetTimeout(r, ms));

interface Registration {
  target: string;
  type: string;
  listener: unknown;
  capture: boolean;
  stack: string;
}

/** Wraps the functions that register something on window/document; undo() puts them back. */
function instrument() {
  const listeners: Registration[] = [];
  const timers = new Map<unknown, { kind: string; stack: string }>();
  const restore: Array<() => void> = [];
  const stack = () => (new Error().stack ?? '').split('\n').slice(2, 8).join('\n');
  const capture = (options: unknown) =>
    typeof options === 'boolean' ? options : Boolean((options as AddEventListenerOptions | undefined)?.capture);

  // On the prototype, so that a call through EventTarget.prototype.addEventListener.call(document, …)
  // is seen too; only registrations on window and document are kept.
  const proto = EventTarget.prototype;
  const add = proto.addEventListener;
  const remove = proto.removeEventListener;
  const nameOf = (target: unknown) => (target === window ? 'window' : target === document ? 'document' : null);
  const find = (target: string, type: string, listener: unknown, cap: boolean) =>
    listeners.findIndex((r) => r.target === target && r.type === type && r.listener === listener && r.capture === cap);
  proto.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    const target = nameOf(this);
    const cap = capture(options);
    const signal = (options as AddEventListenerOptions | undefined)?.signal;
    if (target && listener && find(target, type, listener, cap) === -1 && !signal?.aborted) {
      const registration = { target, type, listener, capture: cap, stack: stack() };
      listeners.push(registration);
      signal?.addEventListener('abort', () => listeners.splice(listeners.indexOf(registration) >>> 0, 1));
    }
    return add.call(this, type, listener as EventListener, options as AddEventListenerOptions);
  } as typeof proto.addEventListener;
  proto.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    const target = nameOf(this);
    const i = target ? find(target, type, listener, capture(options)) : -1;
    if (i !== -1) listeners.splice(i, 1);
    return remove.call(this, type, listener as EventListener, options as EventListenerOptions);
  } as typeof proto.removeEventListener;
  restore.push(() => {
    proto.addEventListener = add;
    proto.removeEventListener = remove;
  });

  const w = window as unknown as Record<string, (...a: unknown[]) => unknown>;
  const pairs: Array<[string, string, boolean]> = [
    ['setTimeout', 'clearTimeout', true],
    ['setInterval', 'clearInterval', false],
    ['requestAnimationFrame', 'cancelAnimationFrame', true],
    ['requestIdleCallback', 'cancelIdleCallback', true],
  ];
  for (const [set, clear, firesOnce] of pairs) {
    const original = w[set];
    const originalClear = w[clear];
    if (typeof original !== 'function' || typeof originalClear !== 'function') continue;
    w[set] = function (callback: unknown, ...rest: unknown[]) {
      let handle: unknown;
      const wrapped =
        typeof callback === 'function'
          ? function (this: unknown, ...args: unknown[]) {
              if (firesOnce) timers.delete(handle);
              return (callback as (...a: unknown[]) => unknown).apply(this, args);
            }
          : callback;
      handle = original.call(window, wrapped, ...rest);
      timers.set(handle, { kind: set, stack: stack() });
      return handle;
    };
    w[clear] = function (handle: unknown) {
      timers.delete(handle);
      return originalClear.call(window, handle);
    };
    restore.push(() => {
      w[set] = original;
      w[clear] = originalClear;
    });
  }
  return { listeners, timers, undo: () => restore.reverse().forEach((f) => f()) };
}

/** When cycle i removes its element: mostly early (cheap), one in 50 each for the costly cases. */
function plan(i: number): string {
  const k = i % 50;
  if (k < 20) return 'before the first render';
  if (k < 35) return 'while the probes run';
  if (k < 46) return 'once ready';
  return ['after a camera check', 'mid camera check', 'mid token request', 'after an auto hand-off'][k - 46]!;
}

const describeLive = (items: Array<{ stack: string }>, label: (x: never) => string) =>
  items.map((x) => `${label(x as never)}\n${x.stack}`).join('\n---\n');

describe(`no leaks after ${CYCLES} elements (${engine})`, function () {
  this.timeout(600_000);

  it('leaves no live track, timer, window/document listener or open request', async () => {
    const id = `leaks-${engine}-${Date.now()}`;
    const gum = sinon.stub(navigator.mediaDevices, 'getUserMedia').callsFake((c) => realStream(c));
    const ledger = instrument();
    // Positive control: a registration made the way library code makes it is seen, and undone.
    const probe = () => {};
    EventTarget.prototype.addEventListener.call(document, 'visibilitychange', probe);
    expect(ledger.listeners.map((r) => `${r.target} ${r.type}`)).to.deep.equal(['document visibilitychange']);
    document.removeEventListener('visibilitychange', probe);
    expect(ledger.listeners).to.deep.equal([]);
    const stage = document.createElement('div');
    document.body.append(stage);
    const counts = { removedAt: {} as Record<string, number>, cameraChecks: 0, handoffs: 0 };
    try {
      for (let i = 0; i < CYCLES; i++) {
        const how = plan(i);
        const el = document.createElement('faceid-preflight') as FaceidPreflight;
        if (i % 3 === 0) el.lang = 'zh-CN';
        if (how === 'mid token request') el.tokenEndpoint = `/__token/slow?ms=5000&id=${id}`;
        if (how === 'after an auto hand-off') {
          el.autoHandoff = true;
          el.microphone = true;
          el.verificationUrl = GOOD_URL;
          el.navigate = () => counts.handoffs++;
        }
        const predicted = new Promise((resolve) => el.addEventListener('faceid-prediction', resolve, { once: true }));
        stage.append(el);
        counts.removedAt[how] = (counts.removedAt[how] ?? 0) + 1;

        if (how !== 'before the first render') await el.updateComplete;
        if (how !== 'before the first render' && how !== 'while the probes run') {
          await predicted;
          await el.updateComplete;
        }
        if (how === 'mid token request') {
          void el.handOff();
          await sleep(5);
          // (a positive control: the request's timeout timer is pending, and seen)
          expect(ledger.timers.size, 'the ledger saw the token timeout').to.be.greaterThan(0);
        }
        if (how === 'mid camera check' || how === 'after a camera check' || how === 'after an auto hand-off') {
          counts.cameraChecks++;
          const asked = gum.callCount;
          const done = el.checkCamera();
          if (how === 'mid camera check') {
            // Once getUserMedia is asked (the camera stage loads first; a tap removed before that is just dropped).
            await until('getUserMedia to be asked', () => gum.callCount > asked);
            el.remove();
          }
          await done;
        }
        el.remove();
      }
      await sleep(500); // late streams arrive and are stopped; aborted requests close

      expect(stage.childElementCount).to.equal(0);
      expect(gum.callCount, 'camera checks really ran').to.equal(counts.cameraChecks);
      expect(liveTracks(), 'camera tracks left live').to.deep.equal([]);
      expect(
        ledger.listeners,
        `listeners left on window/document:\n${describeLive(ledger.listeners, (r: Registration) => `${r.target} ${r.type}`)}`,
      ).to.deep.equal([]);
      const timers = [...ledger.timers.values()];
      expect(timers, `timers left pending:\n${describeLive(timers, (t: { kind: string }) => t.kind)}`).to.deep.equal([]);
      const stats = await (await fetch(`/__token/stats?id=${id}`)).json();
      expect(stats.requests, 'token requests made').to.be.greaterThan(0);
      expect(stats.inFlight, 'token requests still open').to.equal(0);
      expect(counts.handoffs, 'auto hand-offs').to.equal(counts.removedAt['after an auto hand-off']);
    } finally {
      ledger.undo();
      sinon.restore();
      stage.remove();
    }
  });
});
