// One page of this checkout in headless Chromium, served by @web/dev-server on 127.0.0.1 (bare
// imports resolved, ua-parser-js converted from CommonJS), with the project's no-network flags.
// For scripts outside the test runner: benchmarks, screenshots.
import { startDevServer } from '@web/dev-server';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromium } from 'playwright';
import { chromiumArgs } from './chromium-flags.mjs';
import { planEngines } from './engines.mjs';
import { LOOPBACK_ONLY } from '../../demo/loopback.mjs';

const root = new URL('../..', import.meta.url).pathname;

/** Chromium's executable, or null when this machine has none (see engines.mjs for where it looks). */
export function findChromium() {
  return planEngines({ ...process.env, BROWSERS: 'chromium' }).run.chromium?.executablePath ?? null;
}

/**
 * Serves the checkout, opens `path` in a fresh Chromium page and resolves with `use(page)`'s
 * result; the browser and the server are closed on every path.
 */
export async function withChromiumPage(path, use, { args = [], viewport } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found (set CHROMIUM_PATH)');
  const server = await startDevServer({
    config: {
      rootDir: root,
      hostname: LOOPBACK_ONLY, // 127.0.0.1 only (demo/loopback.mjs)
      port: 0,
      nodeResolve: true,
      plugins: [fromRollup(rollupCommonjs)({ include: ['**/node_modules/ua-parser-js/**'], strictRequires: false })],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  const browser = await chromium.launch({ executablePath, headless: true, args: [...chromiumArgs, ...args] });
  try {
    const page = await browser.newPage(viewport ? { viewport } : {});
    await page.goto(`http://127.0.0.1:${server.server.address().port}${path}`);
    return await use(page);
  } finally {
    await browser.close();
    await server.stop();
  }
}
