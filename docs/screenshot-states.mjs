// Regenerates docs/states.png, the README's picture of the main states: `node docs/screenshot-states.mjs`
// (after `npm run build`). Headless Chromium with the project's no-network flags; Thai needs a
// Thai font on the machine (Debian: fonts-thai-tlwg-ttf).
import { withChromiumPage } from '../test/harness/chromium-page.mjs';

await withChromiumPage(
  '/docs/states.html',
  async (page) => {
    await page.waitForFunction(() =>
      [...document.querySelectorAll('faceid-preflight')].every((el) => el.shadowRoot?.querySelector('[part=title]')?.textContent),
    );
    await page.waitForTimeout(300); // language chunks
    await page.locator('.grid').screenshot({ path: new URL('states.png', import.meta.url).pathname });
  },
  { viewport: { width: 1080, height: 600 } },
);
