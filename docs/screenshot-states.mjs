// Regenerates docs/states.png, the README's picture of the main states: `node docs/screenshot-states.mjs`
// (after `npm run build`). Headless Chromium with the project's no-network flags.
import { startDevServer } from '@web/dev-server';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromium } from 'playwright';
import { chromiumArgs } from '../test/harness/chromium-flags.mjs';
import { planEngines } from '../test/harness/engines.mjs';

const plan = planEngines({ ...process.env, BROWSERS: 'chromium' });
if (!plan.run.chromium) throw new Error('No Chromium found');
const root = new URL('..', import.meta.url).pathname;
const server = await startDevServer({
  config: {
    rootDir: root,
    hostname: '127.0.0.1',
    port: 0,
    nodeResolve: true,
    plugins: [fromRollup(rollupCommonjs)({ include: ['**/node_modules/ua-parser-js/**'], strictRequires: false })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const browser = await chromium.launch({ executablePath: plan.run.chromium.executablePath, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1080, height: 600 }, deviceScaleFactor: 1 });
  await page.goto(`http://127.0.0.1:${server.server.address().port}/docs/states.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('faceid-preflight')].every((el) => el.shadowRoot?.querySelector('[part=title]')?.textContent));
  await page.waitForTimeout(300); // language chunks
  await page.locator('.grid').screenshot({ path: new URL('states.png', import.meta.url).pathname });
} finally {
  await browser.close();
  await server.stop();
}
