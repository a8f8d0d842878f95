// Chinese is written in two scripts, and a language tag may name the script without a region
// (`zh-Hant`), the region without the script (`zh-HK`), or both (`zh-Hans-HK`). Each must show
// the words of its script, whichever Chinese pack was loaded first.
import { expect } from '@esm-bundle/chai';
import { fixture, html, waitUntil } from '@open-wc/testing-helpers';
import '../../src/faceid-preflight.js';
import type { FaceidPreflight } from '../../src/faceid-preflight.js';
import { loadLanguage } from '../../src/i18n/register.js';
import zhCN from '../../src/i18n/zh-cn.js';
import zhTW from '../../src/i18n/zh-tw.js';
import { engine } from './engine.js';

const text = (el: FaceidPreflight, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`)?.textContent?.trim() ?? '';
const words = { Traditional: zhTW, Simplified: zhCN } as const;

const tags: Array<[string, keyof typeof words]> = [
  ['zh-Hant', 'Traditional'],
  ['zh-Hant-HK', 'Traditional'],
  ['zh-hant-tw', 'Traditional'],
  ['zh-Hant-CN', 'Traditional'],
  ['zh-HK', 'Traditional'],
  ['zh-MO', 'Traditional'],
  ['zh-TW', 'Traditional'],
  ['zh_TW', 'Traditional'],
  ['zh-Hans', 'Simplified'],
  ['zh-Hans-HK', 'Simplified'],
  ['zh-Hans-TW', 'Simplified'],
  ['zh-CN', 'Simplified'],
  ['zh-SG', 'Simplified'],
  ['zh', 'Simplified'],
  ['zh-CN-u-nu-hant', 'Simplified'],
];

/** Waits for the element to show `script`'s words (a language loads asynchronously). */
async function shows(el: FaceidPreflight, script: keyof typeof words, label: string): Promise<void> {
  const pack = words[script];
  await waitUntil(() => text(el, 'button') === pack.checkCamera, `${label}: button "${text(el, 'button')}"`, { timeout: 5000 });
  expect(text(el, 'title'), label).to.be.oneOf([pack.readyReflection, pack.readyVideo]);
}

describe(`Chinese scripts by language tag in ${engine}`, () => {
  for (const [tag, script] of tags) {
    it(`lang="${tag}" shows the ${script} words`, async () => {
      const el = await fixture<FaceidPreflight>(html`<faceid-preflight lang=${tag} preview-state="ready"></faceid-preflight>`);
      await shows(el, script, tag);
      // Once both Chinese packs are registered the tag must still pick its own script.
      await Promise.all([loadLanguage('zh-CN'), loadLanguage('zh-TW')]);
      await el.updateComplete;
      await shows(el, script, `${tag}, both packs loaded`);
      el.remove();
    });
  }

  it("without its own lang, follows the page's <html lang>", async () => {
    const html_ = document.documentElement;
    const before = html_.getAttribute('lang');
    try {
      html_.lang = 'zh-Hant';
      const el = await fixture<FaceidPreflight>(html`<faceid-preflight preview-state="ready"></faceid-preflight>`);
      await shows(el, 'Traditional', '<html lang="zh-Hant">');
      html_.lang = 'zh-Hans-HK';
      await shows(el, 'Simplified', '<html lang="zh-Hans-HK">');
      el.remove();
    } finally {
      if (before === null) html_.removeAttribute('lang');
      else html_.setAttribute('lang', before);
    }
  });
});
