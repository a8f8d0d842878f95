// Browser tests (test/browser/**/*.test.ts) in every engine found on this machine:
//   Chromium     @web/test-runner-playwright, driving Debian's chromium (or Playwright's own)
//   Firefox ESR  @web/test-runner-chrome + puppeteer-core over WebDriver BiDi
//   WebKitGTK    @web/test-runner-webdriver -> WebKitWebDriver -> MiniBrowser under Xvfb
// each with a fake camera, and none of them allowed to reach the internet (see test/harness/).
//
// Files named *.denied.test.ts run only in the "camera-denied" group: Firefox with the camera
// permission denied (permissions.default.camera=2), and Chromium without the fake prompt UI (so a
// permission blocked through CDP — see the permissions plugin's deny-camera — really blocks):
// a real NotAllowedError in both.
//
// Env: BROWSERS=chromium,firefox,webkit (default all), FILES=glob[,glob...] (default
// test/browser/**/*.test.ts), CHROMIUM_PATH / FIREFOX_PATH / WEBKIT_WEBDRIVER_PATH /
// WEBKIT_MINIBROWSER_PATH / XVFB_PATH (see test/harness/engines.mjs).
// Run through `npm test` (test/run.mjs), or alone: `npx wtr --config web-test-runner.config.mjs`.
import { createRequire } from 'node:module';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import * as puppeteerCore from 'puppeteer-core';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromiumArgs, chromiumFakeMediaArgs } from './test/harness/chromium-flags.mjs';
import { firefoxPrefs, firefoxCameraDeniedPrefs, firefoxEnv } from './test/harness/firefox-prefs.mjs';
import { webkitGtkLauncher } from './test/harness/webkit-services.mjs';
import { permissionsPlugin } from './test/harness/permissions-plugin.mjs';
import { tokenEndpointPlugin } from './test/harness/token-endpoint-plugin.mjs';
import { reactPlugin } from './test/harness/react-plugin.mjs';
import { countReporter } from './test/harness/count-reporter.mjs';
import { planEngines, describePlan } from './test/harness/engines.mjs';
import { LOOPBACK_ONLY } from './demo/loopback.mjs';

const commonjs = fromRollup(rollupCommonjs);
const puppeteer = puppeteerCore.default ?? puppeteerCore;

const plan = planEngines();
console.log(`Browser engines:\n${describePlan(plan)}`);
const { chromium, firefox, webkit } = plan.run;

// One Firefox launcher (a browser process) per group; the report names them apart.
function firefoxLauncher(prefs, name) {
  const launcher = chromeLauncher({
    puppeteer,
    launchOptions: {
      browser: 'firefox',
      executablePath: firefox.executablePath,
      headless: true,
      extraPrefsFirefox: prefs,
      env: firefoxEnv,
    },
  });
  launcher.name = name;
  return launcher;
}

// --use-fake-ui-for-media-stream accepts every prompt, even for a blocked site: the denied group
// keeps the fake camera but drops the fake UI.
function chromiumLauncher(mediaArgs, name) {
  const launcher = playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath: chromium.executablePath, headless: true, args: [...chromiumArgs, ...mediaArgs] },
  });
  if (name) launcher.name = name;
  return launcher;
}

const browsers = [];
if (chromium) browsers.push(chromiumLauncher(chromiumFakeMediaArgs));
if (firefox) browsers.push(firefoxLauncher(firefoxPrefs, 'Firefox'));
if (webkit) browsers.push(webkitGtkLauncher(webkit));

// Test files, expanded with the same globby (and the same options) @web/test-runner uses, so that
// the default group and the denied group split the files exactly and neither is ever empty
// (@web/test-runner aborts the whole run on a group without files).
const requireFromWtr = createRequire(createRequire(import.meta.url).resolve('@web/test-runner'));
const globby = requireFromWtr('globby');
const patterns = (process.env.FILES || 'test/browser/**/*.test.ts')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const files = globby.sync(patterns, { cwd: process.cwd() });
const isDenied = (f) => f.endsWith('.denied.test.ts');
const normalFiles = files.filter((f) => !isDenied(f));
const deniedFiles = files.filter(isDenied);

if (browsers.length === 0) {
  // (With no browsers, @web/test-runner would quietly fall back to its own Chrome launcher.)
  throw new Error('No browser engine to run the browser tests in (see above).');
}
if (files.length === 0) throw new Error(`No browser test files match ${patterns.join(', ')}`);
const deniedBrowsers = [];
if (firefox) deniedBrowsers.push(firefoxLauncher(firefoxCameraDeniedPrefs, 'Firefox (camera denied)'));
if (chromium)
  deniedBrowsers.push(
    chromiumLauncher(
      chromiumFakeMediaArgs.filter((a) => a !== '--use-fake-ui-for-media-stream'),
      'Chromium (camera denied)',
    ),
  );
if (normalFiles.length === 0 && deniedBrowsers.length === 0) {
  throw new Error(
    `Only *.denied.test.ts files were selected (${patterns.join(', ')}), and they run only in Firefox and Chromium, which are skipped.`,
  );
}

const groups = [];
if (deniedFiles.length) {
  if (deniedBrowsers.length) {
    groups.push({ name: 'camera-denied', files: deniedFiles, browsers: deniedBrowsers });
  } else {
    console.log(`  skip  ${deniedFiles.length} *.denied.test.ts file(s): they run only in Firefox and Chromium`);
  }
}

export default {
  // undefined = no default group (only *.denied.test.ts files were selected)
  files: normalFiles.length ? normalFiles : undefined,
  groups,
  browsers,
  nodeResolve: true,
  hostname: LOOPBACK_ONLY, // 127.0.0.1 only: told 127.0.0.1, @web listens on every interface (demo/loopback.mjs)
  concurrency: 1,
  concurrentBrowsers: 2, // (the default) measured: 1 or 4 is no faster on a 2-CPU machine
  // Start-up of a cold Firefox / MiniBrowser can take a few seconds on a busy CI machine.
  browserStartTimeout: 60_000,
  testsStartTimeout: 30_000,
  testsFinishTimeout: 120_000,
  testFramework: { config: { timeout: 20_000 } },
  reporters: [defaultReporter(), summaryReporter({ reportTestLogs: false, reportTestErrors: false }), countReporter()],
  plugins: [
    reactPlugin(), // React as an ES module, for the @lit/react wrapper's test (first: it resolves 'react')
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // ua-parser-js 1.x is CommonJS/UMD: only its *default* import works in the browser.
    commonjs({ include: ['**/node_modules/ua-parser-js/**'], strictRequires: false }),
    permissionsPlugin(),
    tokenEndpointPlugin(),
    (await import('./test/harness/csp-plugin.mjs')).cspPlugin(), // /test/csp/*.html under a strict CSP (hardening-csp.test.ts)
    (await import('./test/harness/sri-plugin.mjs')).sriPlugin(), // /__sri/: the CDN build, one file tampered with (cdn-sri.test.ts)
  ],
};
