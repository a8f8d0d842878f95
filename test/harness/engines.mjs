// Finds the browser engines the browser tests can run in, without downloading anything.
//
//   chromium  CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
//             Playwright's own download (`npx playwright install chromium`) if it is on disk.
//   firefox   FIREFOX_PATH, else Debian's /usr/bin/firefox-esr. (Driven over WebDriver BiDi by
//             puppeteer-core; Playwright's Firefox cannot drive a stock Firefox build.)
//   webkit    WebKitGTK's WebKitWebDriver (WEBKIT_WEBDRIVER_PATH, else on PATH, else
//             /usr/bin/WebKitWebDriver) + MiniBrowser (WEBKIT_MINIBROWSER_PATH, else the Debian
//             path) + an X display: Xvfb (XVFB_PATH, else on PATH), or $DISPLAY if there is no Xvfb.
//
// BROWSERS=chromium,firefox selects engines (default: all three). Used by
// web-test-runner.config.mjs (what to launch) and test/run.mjs (what was skipped, and why).
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const ALL_ENGINES = ['chromium', 'firefox', 'webkit'];

const DEBIAN_MULTIARCH = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' }[process.arch] ?? `${process.arch}-linux-gnu`;

function isExecutable(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    if (isExecutable(file)) return file;
  }
  return undefined;
}

/**
 * Tries candidates in order. Each is [label, file|undefined]. An env var that is set but does not
 * point at an executable is an error (no silent fallback to another browser).
 */
function pick(envVar, candidates) {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    return isExecutable(fromEnv) ? { file: fromEnv, source: `$${envVar}` } : { why: `$${envVar}=${fromEnv} is not an executable file` };
  }
  const tried = [];
  for (const [label, file] of candidates) {
    if (file && isExecutable(file)) return { file, source: label };
    tried.push(file ? file : label);
  }
  return { why: `not found (set ${envVar}; tried ${tried.join(', ')})` };
}

function playwrightChromium() {
  try {
    // @web/test-runner-playwright depends on `playwright`; resolve it from there so that the
    // project need not depend on it directly.
    const require = createRequire(import.meta.url);
    const launcherEntry = require.resolve('@web/test-runner-playwright');
    const { chromium } = createRequire(launcherEntry)('playwright');
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

function findChromium() {
  const r = pick('CHROMIUM_PATH', [
    // (Not Ubuntu's /usr/bin/chromium-browser: a wrapper that starts the snap, which an automation
    // tool cannot drive. Point CHROMIUM_PATH at a real binary instead.)
    ['Debian package', '/usr/bin/chromium'],
    ["Playwright's download", playwrightChromium() ?? "Playwright's chromium (not installed)"],
  ]);
  return r.file ? { found: true, executablePath: r.file, source: r.source } : { found: false, why: `Chromium ${r.why}` };
}

function findFirefox() {
  const r = pick('FIREFOX_PATH', [['Debian package', '/usr/bin/firefox-esr']]);
  return r.file ? { found: true, executablePath: r.file, source: r.source } : { found: false, why: `Firefox ${r.why}` };
}

function findWebKit() {
  const driver = pick('WEBKIT_WEBDRIVER_PATH', [
    ['PATH', onPath('WebKitWebDriver')],
    ['Debian package', '/usr/bin/WebKitWebDriver'],
  ]);
  if (!driver.file) return { found: false, why: `WebKitWebDriver ${driver.why} (Debian: apt-get install webkit2gtk-driver)` };
  const miniBrowser = pick('WEBKIT_MINIBROWSER_PATH', [
    ['Debian package', `/usr/lib/${DEBIAN_MULTIARCH}/webkit2gtk-4.1/MiniBrowser`],
    ['Debian package (4.0 API)', `/usr/lib/${DEBIAN_MULTIARCH}/webkit2gtk-4.0/MiniBrowser`],
    ['Debian package (6.0 API)', `/usr/lib/${DEBIAN_MULTIARCH}/webkitgtk-6.0/MiniBrowser`],
    ['Fedora package', '/usr/libexec/webkit2gtk-4.1/MiniBrowser'],
  ]);
  if (!miniBrowser.file)
    return { found: false, why: `WebKitGTK MiniBrowser ${miniBrowser.why} (Debian: apt-get install webkit2gtk-driver)` };
  const xvfb = pick('XVFB_PATH', [
    ['PATH', onPath('Xvfb')],
    ['Debian package', '/usr/bin/Xvfb'],
  ]);
  if (!xvfb.file && !process.env.DISPLAY) {
    return {
      found: false,
      why: `WebKitGTK needs an X display: Xvfb ${xvfb.why} and $DISPLAY is not set (Debian: apt-get install xvfb xauth)`,
    };
  }
  return {
    found: true,
    webDriverPath: driver.file,
    miniBrowserPath: miniBrowser.file,
    // undefined: use the existing $DISPLAY
    xvfbPath: xvfb.file,
    source: `${driver.source}, ${miniBrowser.source}, ${xvfb.file ? `Xvfb from ${xvfb.source}` : `DISPLAY=${process.env.DISPLAY}`}`,
  };
}

/** The engines named in $BROWSERS (default: all). Throws on an unknown name. */
export function selectedEngines(env = process.env) {
  const raw = (env.BROWSERS ?? '').trim();
  if (!raw) return [...ALL_ENGINES];
  const names = raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((n) => !ALL_ENGINES.includes(n));
  if (unknown.length) {
    throw new Error(`BROWSERS: unknown engine(s) ${unknown.join(', ')}; use a comma list of ${ALL_ENGINES.join(', ')}`);
  }
  return ALL_ENGINES.filter((n) => names.includes(n));
}

/**
 * Per engine: { found: true, executablePath | webDriverPath+miniBrowserPath+xvfbPath, source }
 * or { found: false, why }.
 */
export function discoverEngines() {
  return { chromium: findChromium(), firefox: findFirefox(), webkit: findWebKit() };
}

/**
 * What a run will do: `run` = selected and found (with their discovery results), `skipped` =
 * [{ engine, why, missing }] where `missing` is true when the engine was wanted but not found
 * (a failure under REQUIRE_ALL_ENGINES=1) and false when $BROWSERS left it out.
 */
export function planEngines(env = process.env) {
  const selected = selectedEngines(env);
  const found = discoverEngines();
  const run = {};
  const skipped = [];
  for (const engine of ALL_ENGINES) {
    if (!selected.includes(engine)) {
      skipped.push({ engine, why: `not selected (BROWSERS=${env.BROWSERS})`, missing: false });
    } else if (!found[engine].found) {
      skipped.push({ engine, why: found[engine].why, missing: true });
    } else {
      run[engine] = found[engine];
    }
  }
  return { run, skipped };
}

export function describePlan({ run, skipped }) {
  const lines = [];
  for (const [engine, info] of Object.entries(run)) {
    const where = info.executablePath ?? `${info.webDriverPath} + ${info.miniBrowserPath}`;
    lines.push(`  run   ${engine.padEnd(8)} ${where} (${info.source})`);
  }
  for (const { engine, why } of skipped) lines.push(`  skip  ${engine.padEnd(8)} ${why}`);
  return lines.join('\n');
}
