// The whole verification flow of `npm start`, end to end in real Chromium (Playwright): the
// example customer page's <faceid-preflight token-endpoint> → faceid-preflight/server → Tencent's
// official SDK → the local FaceID sandbox → its stand-in verification page (the camera asked for
// for real, the outcome picked) → the example return page → the result call → the outcome shown.
// One run per outcome the stand-in offers. Nothing is intercepted; no request leaves 127.0.0.1.
// Chromium only: Firefox and WebKitGTK are driven by @web/test-runner (inside its page), and this
// flow navigates the top-level page across origins, which a test page cannot survive.
// Skipped, with the reason, when there is no Chromium or BROWSERS leaves it out.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { planEngines } from '../harness/engines.mjs';
import { chromiumArgs, chromiumFakeMediaArgs } from '../harness/chromium-flags.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let plan;
let skip = false;
try {
  plan = planEngines();
  if (!plan.run.chromium) skip = `no Chromium to drive the flow: ${plan.skipped.find((s) => s.engine === 'chromium')?.why}`;
} catch (e) {
  skip = `no Chromium to drive the flow: ${e.message}`;
}

const outcomes = {
  success: ['success', '0'],
  'reflection-liveness-failed': ['liveness-failed', '1401'],
  'comparison-failed': ['comparison-failed', '2016'],
  'user-exited': ['user-exited', '1410'],
  'timed-out': ['timed-out', '1409'],
};

describe('the whole verification flow (npm start → /demo/flow/index.html)', { skip }, () => {
  let server;
  let browser;
  let base;
  const output = [];
  const saved = console.log;

  before(async () => {
    const { startDevServer } = await import('@web/dev-server');
    const { chromium } = await import('playwright');
    const { default: config } = await import(path.join(root, 'demo/wds.config.mjs'));
    console.log = (...args) => output.push(args.join(' ')); // the sandbox's log lines, checked below
    server = await startDevServer({
      config: { ...config, rootDir: root, hostname: '127.0.0.1', port: 0, http2: false, open: false, watch: false },
      readCliArgs: false,
      readFileConfig: false,
      autoExitProcess: false,
      logStartMessage: false,
    });
    base = `http://127.0.0.1:${server.server.address().port}`;
    browser = await chromium.launch({ executablePath: plan.run.chromium.executablePath, args: [...chromiumArgs, ...chromiumFakeMediaArgs] });
  });

  after(async () => {
    console.log = saved;
    await browser?.close();
    await server?.stop();
  });

  async function openFlow() {
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!['blob:', 'data:'].includes(url.protocol) && url.hostname !== '127.0.0.1') problems.push(`request off the machine: ${r.url()}`);
    });
    await page.goto(`${base}/demo/flow/index.html`);
    return { context, page, problems };
  }

  /** The element: check the camera (fake device), then continue to the verification page. */
  async function handOff(page) {
    const element = page.locator('faceid-preflight');
    const state = () => element.locator('[part=base]').getAttribute('data-state');
    await element.locator('[part=base][data-state=ready]').waitFor();
    await element.locator('[part=button]').click();
    await element.locator('[part=base][data-state=camera-ready]').waitFor();
    assert.equal(await state(), 'camera-ready');
    await Promise.all([page.waitForURL(/\/verify\/\?token=/), element.locator('[part=button]').click()]);
  }

  for (const [picked, [outcome, code]] of Object.entries(outcomes)) {
    it(`${picked}: element → server → SDK → sandbox → stand-in page → return page shows "${outcome}" (${code})`, async () => {
      const { context, page, problems } = await openFlow();
      try {
        const allowed = await page.locator('faceid-preflight').getAttribute('allowed-hosts');
        assert.match(allowed, /^\*\.faceid\.qq\.com http:\/\/127\.0\.0\.1:\d+$/, 'the sandbox origin was written into allowed-hosts');
        await handOff(page);

        // The stand-in page: labelled, with this package's prediction for this browser.
        const standIn = new URL(page.url());
        assert.equal(standIn.origin, allowed.split(' ')[1]);
        assert.match(await page.locator('[data-testid=stand-in-label]').textContent(), /Development stand-in — not Tencent FaceID/);
        assert.match(await page.title(), /Development stand-in/);
        await page.locator('#prediction[data-state=ready]').waitFor();
        assert.match(await page.locator('#prediction').getAttribute('data-mode'), /^(reflection|video)$/);
        assert.ok((await page.locator('#probes li').count()) >= 5, 'the probes are listed');

        // The camera, asked for for real: free (the element released it), opened, and released again.
        await page.locator('#camera-button').click();
        await page.locator('#camera[data-state=ready]').waitFor();
        assert.equal(await page.locator('#camera').getAttribute('data-tracks'), '1');
        assert.equal(await page.locator('#camera').getAttribute('data-live'), '0');

        // The outcome, then FaceID's redirect: RedirectURL?token=<BizToken>.
        const token = standIn.searchParams.get('token');
        await Promise.all([page.waitForURL(/\/demo\/flow\/return\.html\?token=/), page.locator(`button[data-outcome="${picked}"]`).click()]);
        assert.equal(new URL(page.url()).searchParams.get('token'), token);
        await page.locator(`#outcome[data-outcome="${outcome}"]`).waitFor();
        assert.equal(await page.locator('#error-code').textContent(), code);
        assert.deepEqual(problems, []);

        // The result is this session's only: another browser context (no session cookie) is refused.
        const other = await browser.newContext();
        const refused = await other.request.get(`${base}/api/faceid/result?token=${token}`);
        assert.equal(refused.status(), 403);
        await other.close();
      } finally {
        await context.close();
      }
    });
  }

  it('an unusable token on the return page gets a clear message, and nothing was logged with a token', async () => {
    const { context, page } = await openFlow();
    try {
      await page.goto(`${base}/demo/flow/return.html`);
      await page.locator('#outcome[data-outcome=no-token]').waitFor();
      await page.goto(`${base}/demo/flow/return.html?token=CE661F1A-0F1E-45BD-BE13-34C05CEA7681`);
      await page.locator('#outcome[data-outcome=error]').waitFor();
      assert.match(await page.locator('#outcome').textContent(), /403/);
    } finally {
      await context.close();
    }
    assert.ok(output.some((line) => /ApplyWebVerificationBizTokenIntl → ok/.test(line)), 'the sandbox logged its calls');
    for (const line of output) assert.doesNotMatch(line, /[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-/i, line);
  });
});
