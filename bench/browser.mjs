// Browser benchmarks in headless Chromium (the fake camera): the camera preflight against a bare
// getUserMedia + stop in the same page and run, and the cost of the full probe set.
import { startDevServer } from '@web/dev-server';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumFakeMediaArgs } from '../test/harness/chromium-flags.mjs';
import { planEngines } from '../test/harness/engines.mjs';

export async function run({ rounds = 31 } = {}) {
  const plan = planEngines({ ...process.env, BROWSERS: 'chromium' });
  if (!plan.run.chromium) return { skipped: 'no Chromium found (see npm test for where it looks)' };
  const server = await startDevServer({
    config: {
      rootDir: new URL('..', import.meta.url).pathname,
      hostname: '127.0.0.1',
      port: 0,
      nodeResolve: true,
      plugins: [fromRollup(rollupCommonjs)({ include: ['**/node_modules/ua-parser-js/**'], strictRequires: false })],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  const browser = await chromium.launch({
    executablePath: plan.run.chromium.executablePath,
    headless: true,
    args: [...chromiumArgs, ...chromiumFakeMediaArgs],
  });
  try {
    const page = await browser.newPage();
    const { port } = server.server.address();
    await page.goto(`http://127.0.0.1:${port}/bench/browser/preflight.html`);
    await page.waitForFunction(() => window.benchReady === true);
    return await page.evaluate((r) => window.runBench({ rounds: r }), rounds);
  } finally {
    await browser.close();
    await server.stop();
  }
}
