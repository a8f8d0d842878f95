// The whole verification flow of `npm start`, end to end in real browsers: the example customer
// page's <faceid-preflight token-endpoint> → faceid-preflight/server → Tencent's official SDK →
// the local FaceID sandbox → its stand-in verification page (the camera asked for for real, the
// outcome picked) → the example return page → the result call → the outcome shown. One run per
// outcome the stand-in offers, in each engine. Nothing is intercepted; no request leaves 127.0.0.1.
//
// Chromium through Playwright, Firefox ESR through puppeteer-core over WebDriver BiDi (as
// web-test-runner.config.mjs drives it). Not WebKitGTK: it is driven only through WebKitWebDriver
// inside @web/test-runner's page, and this flow navigates the top-level page across origins,
// which a test page cannot survive. Each engine is skipped, with the reason, when this machine
// has none or BROWSERS leaves it out.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOOPBACK_ONLY } from '../../demo/loopback.mjs';
import { planEngines } from '../harness/engines.mjs';
import { chromiumArgs, chromiumFakeMediaArgs } from '../harness/chromium-flags.mjs';
import { firefoxEnv, firefoxPrefs } from '../harness/firefox-prefs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let plan;
let planError;
try {
  plan = planEngines();
} catch (e) {
  planError = e.message;
}
const skipFor = (engine) =>
  planError
    ? `no ${engine}: ${planError}`
    : plan.run[engine]
      ? false
      : `no ${engine} to drive the flow: ${plan.skipped.find((s) => s.engine === engine)?.why}`;

const outcomes = {
  success: ['success', '0'],
  'reflection-liveness-failed': ['liveness-failed', '1401'],
  'comparison-failed': ['comparison-failed', '2016'],
  'user-exited': ['user-exited', '1410'],
  'timed-out': ['timed-out', '1409'],
};

/**
 * The little the test needs from a browser, over Playwright or puppeteer. `inside` selectors go
 * through the element's shadow root.
 */
async function chromiumDriver() {
  const { chromium } = await import('playwright');
  const browser = await chromium.launch({
    executablePath: plan.run.chromium.executablePath,
    args: [...chromiumArgs, ...chromiumFakeMediaArgs],
  });
  return {
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
      context.setDefaultTimeout(60_000);
      const page = await context.newPage();
      const problems = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => offMachine(r.url()) && problems.push(`request off the machine: ${r.url()}`));
      return {
        problems,
        goto: (url) => page.goto(url),
        url: () => page.url(),
        title: () => page.title(),
        waitFor: (selector) => page.locator(selector).first().waitFor(),
        inside: (host, selector) => `${host} ${selector}`,
        attr: (selector, name) => page.locator(selector).first().getAttribute(name),
        text: (selector) => page.locator(selector).first().textContent(),
        count: (selector) => page.locator(selector).count(),
        click: (selector) => page.locator(selector).first().click(),
        clickAndWaitForUrl: (selector, pattern) => Promise.all([page.waitForURL(pattern), page.locator(selector).first().click()]),
        /** A request from a browser without this page's cookies. */
        fetchElsewhere: async (url) => {
          const other = await browser.newContext();
          try {
            return (await other.request.get(url)).status();
          } finally {
            await other.close();
          }
        },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

async function firefoxDriver() {
  const puppeteer = (await import('puppeteer-core')).default;
  const launch = () =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath: plan.run.firefox.executablePath,
      headless: true,
      extraPrefsFirefox: firefoxPrefs,
      env: firefoxEnv,
    });
  const browser = await launch();
  return {
    async newPage() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.setDefaultTimeout(Number(process.env.FLOW_TIMEOUT ?? 60_000));
      const problems = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => offMachine(r.url()) && problems.push(`request off the machine: ${r.url()}`));
      // Polled: waitForSelector's mutation observer does not see changes inside a shadow root.
      const settle = async (selector) => {
        const until = Date.now() + Number(process.env.FLOW_TIMEOUT ?? 60_000);
        for (;;) {
          const handle = await page.$(selector).catch(() => null);
          if (handle) return handle;
          if (Date.now() > until) assert.fail(`no ${selector} within the timeout`);
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      return {
        problems,
        goto: (url) => page.goto(url),
        url: () => page.url(),
        title: () => page.title(),
        waitFor: (selector) => settle(selector),
        inside: (host, selector) => `${host} >>> ${selector}`,
        attr: async (selector, name) => (await settle(selector)).evaluate((e, n) => e.getAttribute(n), name),
        text: async (selector) => (await settle(selector)).evaluate((e) => e.textContent),
        count: async (selector) => (await page.$$(selector)).length,
        click: async (selector) => (await settle(selector)).click(),
        clickAndWaitForUrl: async (selector, pattern) => {
          const element = await settle(selector);
          await Promise.all([page.waitForNavigation(), element.click()]);
          assert.match(page.url(), pattern);
        },
        fetchElsewhere: async (url) => (await fetch(url)).status,
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

function offMachine(href) {
  const url = new URL(href);
  return !['blob:', 'data:', 'about:'].includes(url.protocol) && url.hostname !== '127.0.0.1';
}

let server;
let base;
const output = [];
const savedLog = console.log;

before(async () => {
  if (planError || (!plan.run.chromium && !plan.run.firefox)) return;
  const { startDevServer } = await import('@web/dev-server');
  const { default: config } = await import(path.join(root, 'demo/wds.config.mjs'));
  console.log = (...args) => output.push(args.join(' ')); // the sandbox's log lines, checked below
  server = await startDevServer({
    config: { ...config, rootDir: root, hostname: LOOPBACK_ONLY, port: 0, http2: false, open: false, watch: false },
    readCliArgs: false,
    readFileConfig: false,
    autoExitProcess: false,
    logStartMessage: false,
  });
  assert.equal(server.server.address().address, '127.0.0.1', 'the flow demo listens on 127.0.0.1 only');
  base = `http://127.0.0.1:${server.server.address().port}`;
});

after(async () => {
  console.log = savedLog;
  await server?.stop();
});

for (const [engine, makeDriver] of [
  ['chromium', chromiumDriver],
  ['firefox', firefoxDriver],
]) {
  describe(`the whole verification flow in ${engine} (npm start → /demo/flow/index.html)`, { skip: skipFor(engine) }, () => {
    let driver;
    before(async () => {
      driver = await makeDriver();
    });
    after(() => driver?.close());

    /** The element: check the camera (fake device), then continue to the verification page. */
    async function handOff(page) {
      await page.waitFor(page.inside('faceid-preflight', '[part=base][data-state=ready]'));
      await page.click(page.inside('faceid-preflight', '[part=button]'));
      await page.waitFor(page.inside('faceid-preflight', '[part=base][data-state=camera-ready]'));
      await page.clickAndWaitForUrl(page.inside('faceid-preflight', '[part=button]'), /\/verify\/\?token=/);
    }

    for (const [picked, [outcome, code]] of Object.entries(outcomes)) {
      it(`${picked}: element → server → SDK → sandbox → stand-in page → return page shows "${outcome}" (${code})`, async () => {
        const page = await driver.newPage();
        try {
          await page.goto(`${base}/demo/flow/index.html`);
          const allowed = await page.attr('faceid-preflight', 'allowed-hosts');
          assert.match(allowed, /^\*\.faceid\.qq\.com http:\/\/127\.0\.0\.1:\d+$/, 'the sandbox origin was written into allowed-hosts');
          await handOff(page);

          // The stand-in page: labelled, with this package's prediction for this browser.
          const standIn = new URL(page.url());
          assert.equal(standIn.origin, allowed.split(' ')[1]);
          assert.match(await page.text('[data-testid=stand-in-label]'), /Development stand-in — not Tencent FaceID/);
          assert.match(await page.title(), /Development stand-in/);
          await page.waitFor('#prediction[data-state=ready]');
          assert.match(await page.attr('#prediction', 'data-mode'), /^(reflection|video)$/);
          assert.ok((await page.count('#probes li')) >= 5, 'the probes are listed');

          // The camera, asked for for real: free (the element released it), opened, released again.
          await page.click('#camera-button');
          await page.waitFor('#camera[data-state=ready]');
          assert.equal(await page.attr('#camera', 'data-tracks'), '1');
          assert.equal(await page.attr('#camera', 'data-live'), '0');

          // The outcome, then FaceID's redirect: RedirectURL?token=<BizToken>.
          const token = standIn.searchParams.get('token');
          await page.clickAndWaitForUrl(`button[data-outcome="${picked}"]`, /\/demo\/flow\/return\.html\?token=/);
          assert.equal(new URL(page.url()).searchParams.get('token'), token);
          await page.waitFor(`#outcome[data-outcome="${outcome}"]`);
          assert.equal(await page.text('#error-code'), code);
          assert.deepEqual(page.problems, []);

          // The result is this session's only: a request without its cookie is refused.
          assert.equal(await page.fetchElsewhere(`${base}/api/faceid/result?token=${token}`), 403);
        } finally {
          await page.close();
        }
      });
    }

    it('the return page without a usable token says so, and no log line carried a token', async () => {
      const page = await driver.newPage();
      try {
        await page.goto(`${base}/demo/flow/return.html`);
        await page.waitFor('#outcome[data-outcome=no-token]');
        await page.goto(`${base}/demo/flow/return.html?token=CE661F1A-0F1E-45BD-BE13-34C05CEA7681`);
        await page.waitFor('#outcome[data-outcome=error]');
        assert.match(await page.text('#outcome'), /403/);
      } finally {
        await page.close();
      }
      assert.ok(
        output.some((line) => /ApplyWebVerificationBizTokenIntl → ok/.test(line)),
        'the sandbox logged its calls',
      );
      for (const line of output) assert.doesNotMatch(line, /[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-/i, line);
    });
  });
}
