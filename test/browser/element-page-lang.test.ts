// The page's language changing under the element, in a page of its own: no other test has loaded
// a language file here yet, so the element must fetch the one the page switches to.
import { fixture, html, waitUntil } from '@open-wc/testing-helpers';
import '../../src/faceid-preflight.js';
import type { FaceidPreflight } from '../../src/faceid-preflight.js';
import { engine } from './engine.js';

const text = (el: FaceidPreflight, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`)?.textContent?.trim() ?? '';

describe(`<faceid-preflight> and <html lang> in ${engine}`, () => {
  it("follows the page's language when <html lang> changes after load, words and language file alike", async () => {
    const root = document.documentElement;
    const before = root.lang;
    root.lang = 'id';
    try {
      const el = await fixture<FaceidPreflight>(html`<faceid-preflight preview-state="ready"></faceid-preflight>`);
      await waitUntil(() => text(el, 'button') === 'Periksa kamera saya', `still "${text(el, 'button')}"`, { timeout: 5000 });
      root.lang = 'zh-TW'; // a single-page app's i18n library switching the page
      await waitUntil(() => text(el, 'button') === '檢查相機', `still "${text(el, 'button')}"`, { timeout: 5000 });
    } finally {
      root.lang = before;
    }
  });
});
