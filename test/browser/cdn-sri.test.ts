// Subresource Integrity over everything the CDN build loads (test/harness/sri-plugin.mjs serves it,
// one file tampered with per case, under the strict CSP): the page pins the entry file's SHA-384,
// and the entry pins each language file's. A tampered entry must not run; a tampered language must
// be refused, the element staying in English. The genuine build, same pages, is the control: the
// element registers and shows each language's own words, and loads nothing but the entry and that
// language's file.
import { expect } from '@esm-bundle/chai';
import { engine, nextTick } from './engine.js';

interface FrameWindow extends Window {
  __sriTamperedRan?: boolean;
}

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((f) => f.remove()));

async function open(which: string, lang: string): Promise<FrameWindow> {
  const frame = document.createElement('iframe');
  frame.src = `/__sri/${which}/page.html?lang=${lang}`;
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as FrameWindow;
}

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await nextTick(25);
  }
}

const shadowText = (win: Window) => win.document.querySelector('faceid-preflight')?.shadowRoot?.textContent ?? '';
/** What the page fetched from the build (the dev server adds a socket script of its own: not ours). */
const resources = (win: Window) =>
  win.performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.startsWith('/__sri/'));

/** The built language files (as JSON data), read from the genuine build. */
async function languageFile(code: string): Promise<Record<string, unknown>> {
  const res = await fetch(`/dist/cdn/i18n/${code}.json`);
  expect(res.ok, `dist/cdn/i18n/${code}.json exists (npm run build)`).to.equal(true);
  return res.json();
}

const languages = [
  { lang: 'zh-CN', file: 'zh-cn' },
  { lang: 'zh-TW', file: 'zh-tw' },
  { lang: 'th', file: 'th' },
  { lang: 'id', file: 'id' },
];

describe(`Subresource Integrity over the CDN build (${engine})`, function () {
  this.timeout(60_000);

  it('the genuine entry runs; a tampered entry with the same integrity attribute does not', async () => {
    const genuine = await open('genuine', 'en');
    await until('the genuine entry to register the element', () => !!genuine.customElements.get('faceid-preflight'));
    await until('the element to render', () => shadowText(genuine).includes('verification') || shadowText(genuine).includes('browser'));

    const tampered = await open('entry', 'en');
    await nextTick(1500); // the module would have run long before this
    expect(tampered.customElements.get('faceid-preflight'), 'the tampered entry registered the element').to.equal(undefined);
    expect(tampered.__sriTamperedRan, 'the tampered entry ran').to.equal(undefined);
  });

  for (const { lang, file } of languages) {
    it(`${lang}: the genuine file is used; a tampered one is refused and the element stays in English`, async () => {
      const words = Object.entries(await languageFile(file))
        .filter(([key, v]) => typeof v === 'string' && !key.startsWith('$') && !key.startsWith('app'))
        .map(([, v]) => v as string);

      const genuine = await open('genuine', lang);
      await until(`${lang} words in the element`, () => words.some((w) => shadowText(genuine).includes(w)));
      const loaded = resources(genuine);
      for (const p of loaded)
        expect(p, `only the entry and the ${lang} file are loaded (${loaded.join(', ')})`).to.be.oneOf([
          '/__sri/genuine/faceid-preflight.min.js',
          `/__sri/genuine/i18n/${file}.json`,
        ]);
      expect(loaded).to.include(`/__sri/genuine/i18n/${file}.json`);

      const tampered = await open(`lang-${file}`, lang);
      await until('the tampered file to be fetched', () => resources(tampered).includes(`/__sri/lang-${file}/i18n/${file}.json`));
      await until('the element to render', () => shadowText(tampered).trim() !== '');
      await nextTick(500); // a registered translation re-renders the element at once
      expect(shadowText(tampered), 'tampered words shown').to.not.include('TAMPERED');
      expect(
        words.some((w) => shadowText(tampered).includes(w)),
        'genuine words cannot be there either',
      ).to.equal(false);
      expect(shadowText(tampered), 'English instead').to.match(/verification|browser/i);
    });
  }
});
