// Runs inside test/csp/element.html, under the strict policy: loads the element (from src/, or the
// CDN bundle with ?bundle=cdn) and drives it through its states when the parent test calls
// `window.cspScenario.run(...)`. Returns what it saw; the parent asserts (hardening-csp.test.ts).
import type { FaceidPreflight } from '../../src/faceid-preflight.js';

export interface CspScenarioResult {
  /** Every `view` the element showed, previews and real. */
  views: string[];
  /** The URLs of the hand-offs that were intercepted with preventDefault(). */
  handoffs: string[];
  /** What the real camera check gave. */
  camera: string;
  /** Errors thrown by the scenario itself (none expected). */
  errors: string[];
  violations: unknown[];
  policies: string[];
  trustedTypes: boolean;
}

const GOOD_URL = 'https://sg.faceid.qq.com/reflect/?token=00000000-csp0-4000-8000-000000000000';
const params = new URL(location.href).searchParams;
const stage = document.getElementById('stage')!;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(10);
  }
}

const loaded =
  params.get('bundle') === 'cdn'
    ? import(/* the prebuilt single file customers use from a CDN */ '/dist/cdn/faceid-preflight.min.js' as string)
    : import('../../src/faceid-preflight.js');

function make(attributes: Record<string, string>, children = ''): FaceidPreflight {
  const el = document.createElement('faceid-preflight') as FaceidPreflight;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  // Light-DOM children through the DOM API, not a string sink: slots are part of what is rendered.
  if (children) {
    const p = document.createElement('p');
    p.slot = children;
    p.textContent = `slotted ${children}`;
    el.append(p);
  }
  stage.append(el);
  return el;
}

const button = (el: FaceidPreflight) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]');

async function run({ states, cameraErrors }: { states: readonly string[]; cameraErrors: readonly string[] }): Promise<CspScenarioResult> {
  const views = new Set<string>();
  const handoffs: string[] = [];
  const errors: string[] = [];
  let camera = 'not run';
  const intercept = (el: FaceidPreflight) =>
    el.addEventListener('faceid-handoff', (e) => {
      e.preventDefault();
      handoffs.push(e.detail.url);
    });
  try {
    await loaded;
    await customElements.whenDefined('faceid-preflight');

    // Every state as a preview, in two languages (zh-CN loads a chunk), with slots and string overrides.
    for (const lang of ['en', 'zh-CN']) {
      for (const state of states) {
        const el = make(
          { 'preview-state': state, lang, strings: '{"why":"Why (override)"}' },
          state === 'ready' ? 'state-ready' : 'actions',
        );
        await el.updateComplete;
        views.add(el.view);
        el.remove();
      }
    }
    for (const code of cameraErrors) {
      const el = make({ 'preview-state': 'camera-error', 'preview-error': code, lang: 'th' });
      await el.updateComplete;
      el.remove();
    }

    // The real thing: probes, a real camera check from a click, a hand-off intercepted.
    const el = make({ 'verification-url': GOOD_URL, lang: 'zh-TW' });
    intercept(el);
    await until('the prediction', () => el.view !== 'checking');
    views.add(el.view);
    const checked = new Promise<string>((resolve) => {
      el.addEventListener('faceid-camera-ready', () => resolve('ready'), { once: true });
      el.addEventListener('faceid-camera-error', (e) => resolve(`error ${e.detail.code} ${e.detail.name}`), { once: true });
      el.addEventListener('faceid-error', (e) => resolve(`faceid-error ${e.detail.reason}`), { once: true }); // e.g. the stage refused
    });
    button(el)!.click();
    await el.updateComplete;
    views.add(el.view);
    camera = await checked;
    await el.updateComplete;
    views.add(el.view);
    button(el)?.click(); // "Start verification"
    await until('the hand-off', () => handoffs.length === 1);
    el.remove();

    // The URL from a token endpoint (a fetch under connect-src 'self'), and a refused one.
    const fromEndpoint = make({ 'token-endpoint': `/__token/ok?id=csp-${params.get('id')}` });
    intercept(fromEndpoint);
    await fromEndpoint.handOff();
    const refused = make({ 'verification-url': 'javascript:alert(1)' });
    await refused.handOff();
    await refused.updateComplete;
    views.add(refused.view);
    fromEndpoint.remove();
    refused.remove();

    await wait(200); // late language chunks, late reports
  } catch (error) {
    errors.push(String((error as Error)?.stack ?? error));
  }
  const w = window as unknown as { cspViolations: unknown[]; trustedTypePolicies: string[]; trustedTypes?: unknown };
  return {
    views: [...views],
    handoffs,
    camera,
    errors,
    violations: [...w.cspViolations],
    policies: [...w.trustedTypePolicies],
    trustedTypes: w.trustedTypes !== undefined,
  };
}

(window as unknown as { cspScenario: { run: typeof run } }).cspScenario = { run };
