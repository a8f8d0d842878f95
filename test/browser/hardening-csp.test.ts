// <faceid-preflight> under a strict Content Security Policy with Trusted Types:
//
//   default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'
//
// (nothing added for Lit: its styles are adopted stylesheets, which style-src does not govern, and
// its templates go through a Trusted Types policy of its own). The test runner's page has inline
// scripts, so the element runs in an iframe on test/csp/element.html, which the csp plugin
// (test/harness/csp-plugin.mjs) serves with that header and a report-uri. Every state (as previews,
// in two languages), a real camera check from a click and two hand-offs intercepted with
// preventDefault() must cause no violation: none seen by the page's `securitypolicyviolation`
// listener, none reported to the server. A control page that breaks the policy on purpose proves
// both channels see a violation when there is one.
import { expect } from '@esm-bundle/chai';
import { documentedCameraErrors } from '../../src/camera/error-codes.js';
import { viewStates } from '../../src/element/view-state.js';
import type { CspScenarioResult } from '../csp/scenario.js';
import { engine, nextTick } from './engine.js';

interface Frame {
  id: string;
  win: Window & {
    cspScenario?: { run(o: object): Promise<CspScenarioResult> };
    cspViolations?: unknown[];
    cspControl?: Record<string, string>;
  };
  frame: HTMLIFrameElement;
}

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((f) => f.remove()));

async function open(page: string, query: Record<string, string> = {}): Promise<Frame> {
  const id = `${engine}-${page}-${crypto.randomUUID()}`;
  const frame = document.createElement('iframe');
  frame.allow = 'camera; microphone';
  frame.src = `/test/csp/${page}.html?${new URLSearchParams({ id, ...query })}`;
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return { id, frame, win: frame.contentWindow as Frame['win'] };
}

/** What the browser reported to report-uri for this page (reports are sent asynchronously). */
async function reports(id: string, atLeast = 0): Promise<Array<Record<string, unknown>>> {
  let got: Array<Record<string, unknown>> = [];
  for (let i = 0; i < 20; i++) {
    await nextTick(100);
    got = await (await fetch(`/__csp/reports?id=${encodeURIComponent(id)}`)).json();
    if (atLeast > 0 && got.length >= atLeast) break;
    if (atLeast === 0 && i >= 4) break; // half a second of silence is enough to call it none
  }
  return got;
}

const summary = (vs: unknown[]) => vs.map((v) => JSON.stringify(v)).join('\n');

describe(`strict CSP and Trusted Types (${engine})`, function () {
  this.timeout(60_000);

  it('control: a page that breaks the policy is caught by both the listener and report-uri', async () => {
    const { id, win } = await open('control');
    const violations = win.cspViolations!;
    // Where Trusted Types exist (all three engines here), eval is reported as one of their
    // violations too (a string into a script sink); elsewhere as script-src.
    const tt = 'trustedTypes' in win;
    const expected = tt ? ['require-trusted-types-for', 'style-src-elem'] : ['style-src-elem', 'script-src'];
    for (const directive of expected) {
      expect(
        violations.map((v) => (v as { directive: string }).directive),
        `${directive} seen by the listener in ${summary(violations)}`,
      ).to.include(directive);
    }
    expect(violations, 'three violations').to.have.length(3);
    const reported = await reports(id, 3);
    expect(reported.length, `reports received: ${summary(reported)}`).to.equal(3);
    if (tt) expect(win.cspControl!.innerHTML).to.match(/^blocked/);
  });

  const variants: Array<{ name: string; query: Record<string, string> }> = [
    { name: 'from src/', query: { bundle: 'src' } },
    { name: 'the CDN bundle', query: { bundle: 'cdn' } },
    { name: 'the CDN bundle, with `trusted-types lit-html` as the only policy allowed', query: { bundle: 'cdn', tt: 'lit-html' } },
  ];
  for (const { name, query } of variants) {
    it(`${name}: every state, a real camera check and intercepted hand-offs, with zero violations`, async function () {
      if (query.bundle === 'cdn' && !(await fetch('/dist/cdn/faceid-preflight.min.js', { method: 'HEAD' })).ok) {
        this.skip(); // not built: `npm run build` makes it (npm test always builds first)
      }
      const { id, win } = await open('element', query);
      for (let i = 0; i < 100 && !win.cspScenario; i++) await nextTick(50);
      expect(win.cspScenario, 'the scenario module did not load (blocked?)').to.not.equal(undefined);
      const result = await win.cspScenario!.run({ states: viewStates, cameraErrors: documentedCameraErrors });

      expect(result.errors, 'errors in the scenario').to.deep.equal([]);
      expect(result.violations, `violations seen by the page:\n${summary(result.violations)}`).to.deep.equal([]);
      const reported = await reports(id);
      expect(reported, `violations reported:\n${summary(reported)}`).to.deep.equal([]);

      for (const state of viewStates) expect(result.views, `state ${state} rendered`).to.include(state);
      expect(result.camera).to.equal('ready');
      expect(result.handoffs).to.have.length(2);
      expect(result.handoffs[0]).to.match(/^https:\/\/sg\.faceid\.qq\.com\/reflect\/\?token=/);
      if (engine === 'chromium') expect(result.trustedTypes, 'Trusted Types are available in Chromium').to.equal(true);
      if (result.trustedTypes) expect(result.policies, 'Trusted Types policies the element creates').to.deep.equal(['lit-html']);
    });
  }
});
