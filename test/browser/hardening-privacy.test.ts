// Privacy: during a whole flow — probes, a real camera check from a click, the verification URL
// from a real token endpoint (the test server's /__token/ok, which answers with a BizToken), the
// hand-off — the element
//   - makes no network request but the one POST to the configured token endpoint (and the hand-off
//     navigation itself, which is intercepted here): watched through Resource Timing, and through
//     wrapped fetch, XMLHttpRequest, sendBeacon, WebSocket, EventSource and
//     RTCPeerConnection.setLocalDescription (ICE gathering would reach STUN servers / leak addresses);
//   - never logs, stores or shows the BizToken: no console call at all, localStorage,
//     sessionStorage, cookies, IndexedDB databases, Cache Storage, history, the window's globals,
//     performance entries, the DOM (light and shadow) and every event but faceid-handoff are left
//     without it. The only places it appears are the hand-off URL: the cancelable faceid-handoff
//     event (the integrator's hook) and the navigation.
// A second flow checks the failure path: a URL the allow-list refuses leaves the token out of the
// faceid-error detail (which integrators send to their analytics) and out of the DOM.
import { expect } from '@esm-bundle/chai';
import sinon from 'sinon';
import '../../src/faceid-preflight.js';
import type { FaceidPreflight } from '../../src/faceid-preflight.js';
import { engine, liveTracks, nextTick, realStream, until } from './engine.js';

// What test/harness/token-endpoint-plugin.mjs answers with.
const BIZ_TOKEN = 'CE661F1A-0F1E-45BD-BE13-34C05CEA7681';
const EVENTS = ['faceid-prediction', 'faceid-camera-ready', 'faceid-camera-error', 'faceid-handoff', 'faceid-error'] as const;
const CONSOLE = [
  'log',
  'info',
  'warn',
  'error',
  'debug',
  'trace',
  'dir',
  'dirxml',
  'table',
  'group',
  'groupCollapsed',
  'assert',
  'count',
  'time',
  'timeLog',
] as const;

const text = (value: unknown): string => {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
};

/** Everything the page keeps that a token could be written to. */
async function snapshotStorage() {
  const dump = (s: Storage) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => [s.key(i)!, s.getItem(s.key(i)!)]));
  const idb = indexedDB as IDBFactory & { databases?: () => Promise<Array<{ name?: string }>> };
  return {
    localStorage: dump(localStorage),
    sessionStorage: dump(sessionStorage),
    cookie: document.cookie,
    indexedDB: typeof idb.databases === 'function' ? (await idb.databases()).map((d) => d.name).sort() : 'n/a',
    caches: typeof caches === 'undefined' ? 'n/a' : (await caches.keys()).sort(),
    location: location.href,
    historyState: text(history.state),
    historyLength: history.length,
    title: document.title,
    name: window.name,
  };
}

/** Watches everything the page could send or print, from now until stop(). */
function watch() {
  const requests: string[] = [];
  const sent: Array<{ via: string; url: string; method?: string; body?: string }> = [];
  const printed: string[] = [];
  let peerDescriptions = 0;

  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => requests.push(e.name)));
  observer.observe({ type: 'resource' });

  const fetchStub = sinon.stub(window, 'fetch').callsFake(function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const url = input instanceof Request ? input.url : String(input);
    sent.push({ via: 'fetch', url: new URL(url, location.href).href, method: init?.method ?? 'GET', body: text(init?.body ?? '') });
    return fetchStub.wrappedMethod.call(window, input, init);
  });
  const xhrOpen = sinon.stub(XMLHttpRequest.prototype, 'open').callsFake(function (
    this: XMLHttpRequest,
    method: string,
    url: string | URL,
    ...rest: unknown[]
  ) {
    sent.push({ via: 'xhr', url: String(url), method });
    return (xhrOpen.wrappedMethod as (...a: unknown[]) => void).call(this, method, url, ...rest);
  });
  const beacon = sinon.stub(navigator, 'sendBeacon').callsFake((url: string | URL, data?: BodyInit | null) => {
    sent.push({ via: 'sendBeacon', url: String(url), body: text(data) });
    return true; // never really sent
  });
  const constructors: Array<[string, () => void]> = [];
  for (const name of ['WebSocket', 'EventSource'] as const) {
    const Original = window[name] as unknown as new (...a: unknown[]) => object;
    if (typeof Original !== 'function') continue;
    (window as unknown as Record<string, unknown>)[name] = new Proxy(Original, {
      construct(target, args) {
        sent.push({ via: name, url: String(args[0]) });
        return Reflect.construct(target, args);
      },
    });
    constructors.push([name, () => ((window as unknown as Record<string, unknown>)[name] = Original)]);
  }
  if (typeof RTCPeerConnection === 'function') {
    sinon.stub(RTCPeerConnection.prototype, 'setLocalDescription').callsFake(function (this: RTCPeerConnection) {
      peerDescriptions++;
      return Promise.reject(new DOMException('not in this test', 'InvalidStateError'));
    });
  }
  for (const method of CONSOLE) {
    if (typeof console[method] !== 'function') continue;
    sinon.stub(console, method).callsFake((...args: unknown[]) => {
      if (method === 'assert' && args[0]) return; // a passing assertion prints nothing (Lit's dev build makes many)
      printed.push(`console.${method}(${args.map(text).join(', ')})`);
    });
  }

  return {
    sent,
    printed,
    get peerDescriptions() {
      return peerDescriptions;
    },
    /** Stops watching; the resource entries delivered late are collected first. */
    async stop() {
      await nextTick(300);
      observer.takeRecords().forEach((e) => requests.push(e.name));
      observer.disconnect();
      constructors.forEach(([, undo]) => undo());
      beacon.restore();
      return requests;
    },
  };
}

/** Every faceid-* event the element fires, with its detail as text. */
function recordEvents(el: HTMLElement) {
  const events: Array<{ type: string; detail: string }> = [];
  for (const type of EVENTS) el.addEventListener(type, (e) => events.push({ type, detail: text((e as CustomEvent).detail) }));
  return events;
}

const shadowText = (el: FaceidPreflight) => el.shadowRoot!.innerHTML + el.shadowRoot!.textContent;
const button = (el: FaceidPreflight) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!;

describe(`privacy of the BizToken and the network (${engine})`, function () {
  this.timeout(30_000);
  afterEach(() => {
    sinon.restore();
    document.querySelectorAll('faceid-preflight').forEach((el) => el.remove());
  });

  it('a full flow: one request, to the token endpoint; the token only in the hand-off URL', async () => {
    const endpoint = `/__token/ok?id=privacy-${engine}-${Date.now()}`;
    const before = await snapshotStorage();
    const globalsBefore = new Set(Object.keys(window));
    sinon.stub(navigator.mediaDevices, 'getUserMedia').callsFake((c) => realStream(c));
    // The element's own second stage (camera check, hand-off) is code it loads after its first
    // decision; loaded here first, so what is watched is what the flow itself sends.
    await import('../../src/element/stage.js');
    const watching = watch();

    const el = document.createElement('faceid-preflight') as FaceidPreflight;
    el.lang = 'en'; // English ships with the element: no language chunk is loaded
    el.tokenEndpoint = endpoint;
    const navigate = sinon.spy();
    el.navigate = navigate;
    const events = recordEvents(el);
    document.body.append(el);

    await until('the prediction', () => el.view === 'ready');
    button(el).click(); // "Check my camera"
    await until('the camera', () => el.view === 'camera-ready');
    button(el).click(); // "Start verification"
    await until('the hand-off', () => navigate.called);
    const requests = await watching.stop();

    // The hand-off: once, to the URL the endpoint gave, carrying the token.
    expect(navigate.callCount).to.equal(1);
    const handoffUrl = navigate.firstCall.args[0] as string;
    expect(handoffUrl).to.equal(`https://sg.faceid.qq.com/reflect/?token=${BIZ_TOKEN}`);

    // The network: one POST to the configured endpoint, with the prediction and the language only.
    const endpointUrl = new URL(endpoint, location.href).href;
    expect(watching.sent.map((s) => `${s.via} ${s.method} ${s.url}`)).to.deep.equal([`fetch POST ${endpointUrl}`]);
    expect(JSON.parse(watching.sent[0]!.body!)).to.have.all.keys('language', 'prediction');
    expect(JSON.parse(watching.sent[0]!.body!).language).to.equal('en'); // for the hosted page's Config.Language
    expect(Object.keys(JSON.parse(watching.sent[0]!.body!).prediction).sort()).to.deep.equal(['likelihood', 'mode', 'rule']);
    expect(requests, 'Resource Timing: every request the page made during the flow').to.deep.equal([endpointUrl]);
    expect(watching.peerDescriptions, 'RTCPeerConnection.setLocalDescription (ICE gathering)').to.equal(0);

    // Nothing printed; nothing stored or shown.
    expect(watching.printed, 'console output during the flow').to.deep.equal([]);
    expect(await snapshotStorage(), 'storage, cookies, history, title').to.deep.equal(before);
    const newGlobals = Object.keys(window).filter((k) => !globalsBefore.has(k));
    expect(
      newGlobals.filter((k) => text((window as unknown as Record<string, unknown>)[k]).includes(BIZ_TOKEN)),
      'new globals holding the token',
    ).to.deep.equal([]);
    expect(
      performance
        .getEntries()
        .filter((e) => e.name.includes(BIZ_TOKEN))
        .map((e) => e.name),
      'performance entries',
    ).to.deep.equal([]);
    expect(document.documentElement.outerHTML.includes(BIZ_TOKEN), 'the token in the light DOM').to.equal(false);
    expect(shadowText(el).includes(BIZ_TOKEN), 'the token in the shadow DOM').to.equal(false);
    for (const attribute of el.getAttributeNames()) expect(el.getAttribute(attribute)).to.not.include(BIZ_TOKEN);

    // Events: only the hand-off carries it.
    expect(events.map((e) => e.type)).to.deep.equal(['faceid-prediction', 'faceid-camera-ready', 'faceid-handoff']);
    for (const { type, detail } of events) expect(detail.includes(BIZ_TOKEN), `${type} detail`).to.equal(type === 'faceid-handoff');
    expect(liveTracks(), 'camera tracks left live').to.deep.equal([]);
  });

  it('a refused URL: the token stays out of faceid-error, the console and the DOM', async () => {
    const watching = watch();
    const el = document.createElement('faceid-preflight') as FaceidPreflight;
    el.lang = 'en';
    el.tokenEndpoint = `/__token/ok?id=privacy-refused-${engine}-${Date.now()}`;
    el.allowedHosts = '*.example.com'; // the endpoint's sg.faceid.qq.com is not on it
    const navigate = sinon.spy();
    el.navigate = navigate;
    const events = recordEvents(el);
    document.body.append(el);
    await until('the prediction', () => el.view === 'ready');
    await el.handOff();
    await el.updateComplete;
    await watching.stop();

    expect(el.view).to.equal('handoff-failed');
    expect(navigate.called).to.equal(false);
    const error = events.find((e) => e.type === 'faceid-error');
    expect(error?.detail, 'the faceid-error detail').to.include('url-host-not-allowed');
    for (const { type, detail } of events) expect(detail.includes(BIZ_TOKEN), `${type} detail`).to.equal(false);
    expect(watching.printed).to.deep.equal([]);
    expect(shadowText(el).includes(BIZ_TOKEN)).to.equal(false);
  });
});
