// Subresource Integrity over everything the CDN build loads (test/harness/sri-plugin.mjs serves it,
// one file tampered with per case, under the strict CSP): the page pins the entry file's SHA-384,
// and the entry pins each language file's and the second stage's. A tampered entry must not run; a tampered language must
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

async function open(which: string, lang: string, query = ''): Promise<FrameWindow> {
  const frame = document.createElement('iframe');
  frame.src = `/__sri/${which}/page.html?lang=${lang}${query}`;
  frame.allow = 'camera';
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

const STAGE = 'faceid-preflight-stage.min.js';

interface FramedElement extends HTMLElement {
  view: string;
}
const framed = (win: Window) => win.document.querySelector('faceid-preflight') as FramedElement | null;

/** Opens the page, waits for the first decision and for the stage it then loads, and taps the button. */
async function tapAfterDecision(win: FrameWindow, which: string): Promise<{ errors: string[] }> {
  await until('the first decision', () => !!framed(win) && framed(win)!.view !== 'checking');
  await until('the stage to be fetched after the decision', () => resources(win).some((p) => p.startsWith(`/__sri/${which}/${STAGE}`)));
  const errors: string[] = [];
  framed(win)!.addEventListener('faceid-error', (e) => errors.push((e as CustomEvent<{ reason: string }>).detail.reason));
  framed(win)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!.click();
  return { errors };
}

describe(`Subresource Integrity over the CDN build (${engine})`, function () {
  this.timeout(60_000);

  it('the stage is fetched only once a state offers a tap: a browser that cannot verify here never fetches it', async () => {
    // no-downgrade: where video is predicted (Firefox, WebKitGTK: no H.264 sender) the state is
    // cannot-verify, with no button; where reflection is (Chromium), ready.
    const win = await open('genuine', 'en', '&no-downgrade');
    await until('the first decision', () => !!framed(win) && framed(win)!.view !== 'checking');
    const view = framed(win)!.view;
    expect(view).to.equal(engine === 'chromium' ? 'ready' : 'cannot-verify');
    const fetchedStage = () => resources(win).some((p) => p.endsWith(`/${STAGE}`));
    if (view === 'ready') {
      await until('the stage to be fetched after the decision', fetchedStage);
      return;
    }
    await nextTick(1500);
    expect(fetchedStage(), 'no stage for a state without a button').to.equal(false);
    // The page allows the downgrade after all: the state offers a tap, and the stage comes before it.
    framed(win)!.removeAttribute('no-downgrade');
    await until('a state with a button', () => framed(win)!.view === 'ready');
    await until('the stage to be fetched once a tap is offered', fetchedStage);
  });

  it('the genuine entry runs; a tampered entry with the same integrity attribute does not', async () => {
    const genuine = await open('genuine', 'en');
    await until('the genuine entry to register the element', () => !!genuine.customElements.get('faceid-preflight'));
    await until('the element to render', () => shadowText(genuine).includes('verification') || shadowText(genuine).includes('browser'));

    const tampered = await open('entry', 'en');
    await nextTick(1500); // the module would have run long before this
    expect(tampered.customElements.get('faceid-preflight'), 'the tampered entry registered the element').to.equal(undefined);
    expect(tampered.__sriTamperedRan, 'the tampered entry ran').to.equal(undefined);
  });

  for (const preload of [true, false]) {
    const how = preload ? 'by <link rel="modulepreload" integrity>' : 'without modulepreload, by a fetch with integrity first';
    const query = preload ? '' : '&no-modulepreload';

    it(`the second stage loads after the first decision and runs a tap; a tampered one is refused (${how})`, async () => {
      const genuine = await open('genuine', 'en', query);
      await tapAfterDecision(genuine, 'genuine');
      await until('the tap to be carried out', () => !['ready', 'requesting', 'load-failed'].includes(framed(genuine)!.view));
      const stageLoads = resources(genuine).filter((p) => p.startsWith(`/__sri/genuine/${STAGE}`));
      // The preload and the checked fetch, and import() takes the preloaded module; without a preload,
      // the checked fetch and the import's own (this server says no-store; a CDN's cache would
      // answer). WebKit's import() does not take the preloaded module: all three.
      expect(stageLoads.length, stageLoads.join(', ')).to.equal(preload && engine === 'webkit' ? 3 : 2);

      const tampered = await open('stage', 'en', query);
      const { errors } = await tapAfterDecision(tampered, 'stage');
      await until('the load-failed state', () => framed(tampered)!.view === 'load-failed');
      expect(tampered.__sriTamperedRan, 'the tampered stage ran').to.equal(undefined);
      expect(errors).to.include('stage-load-failed');
      const retry = framed(tampered)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]');
      expect(retry?.getAttribute('aria-disabled'), 'a retry button, usable').to.equal(null);
      // The retry asks again (a new URL: the page remembers the failed one), and is refused again.
      const before = resources(tampered).filter((p) => p.startsWith(`/__sri/stage/${STAGE}`)).length;
      retry!.click();
      await until('a second attempt', () => resources(tampered).filter((p) => p.startsWith(`/__sri/stage/${STAGE}`)).length > before);
      await until('load-failed again', () => framed(tampered)!.view === 'load-failed');
      expect(tampered.__sriTamperedRan, 'the tampered stage ran on the retry').to.equal(undefined);
    });
  }

  for (const { lang, file } of languages) {
    it(`${lang}: the genuine file is used; a tampered one is refused and the element stays in English`, async () => {
      const words = Object.entries(await languageFile(file))
        .filter(([key, v]) => typeof v === 'string' && !key.startsWith('$') && !key.startsWith('app'))
        .map(([, v]) => v as string);

      const genuine = await open('genuine', lang);
      await until(`${lang} words in the element`, () => words.some((w) => shadowText(genuine).includes(w)));
      const loaded = resources(genuine);
      for (const p of loaded)
        expect(p, `only the entry, the ${lang} file and the second stage are loaded (${loaded.join(', ')})`).to.be.oneOf([
          '/__sri/genuine/faceid-preflight.min.js',
          `/__sri/genuine/i18n/${file}.json`,
          `/__sri/genuine/${STAGE}`,
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
