// The demo page (`npm start`) in headless Chromium: the dev server started here with the demo's
// own config (port 0), the page driven with Playwright section by section — this device's real
// camera check (fake camera) with the hand-off intercepted, the coverage filters and paste box,
// the error simulator in every language, the JSON report and its short link — a screenshot of
// each section in test-artifacts/, and no console error, no page error, no request off 127.0.0.1.
// Skipped, with the reason, when there is no Chromium or BROWSERS leaves it out (test/harness/engines.mjs).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { planEngines } from '../harness/engines.mjs';
import { chromiumArgs, chromiumFakeMediaArgs } from '../harness/chromium-flags.mjs';
import { LOOPBACK_ONLY } from '../../demo/loopback.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const artifacts = path.join(root, 'test-artifacts');
const readJson = (file) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

let plan;
let skip = false;
try {
  plan = planEngines(); // honours CHROMIUM_PATH, and BROWSERS (a run without chromium skips this)
  if (!plan.run.chromium) skip = `no Chromium to drive the demo: ${plan.skipped.find((s) => s.engine === 'chromium')?.why}`;
} catch (e) {
  skip = `no Chromium to drive the demo: ${e.message}`;
}

const huaweiChrome =
  'Mozilla/5.0 (Linux; Android 10; ELS-NX9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.5735.196 Mobile Safari/537.36';
const iphoneSafari =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.5 Mobile/15E148 Safari/604.1';
// Hides the sticky header while a section is photographed (it would cover the section's top).
const screenshotStyle = '.top { position: static !important; }';

describe('demo page', { skip }, () => {
  let server;
  let browser;
  let base;
  const problems = []; // console errors, page errors, requests that left 127.0.0.1
  const contexts = [];

  /** A page in a fresh context, watched for errors and for requests off this machine. */
  async function openPage(options = {}, initScript) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    contexts.push(context);
    if (initScript) await context.addInitScript(initScript);
    // Generous: the machine may be running other test suites (a 2-CPU box at load 20 and more).
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!['blob:', 'data:'].includes(url.protocol) && url.hostname !== '127.0.0.1') problems.push(`request off the machine: ${r.url()}`);
    });
    return page;
  }

  async function loadDemo(page) {
    await page.goto(base);
    await page.locator('#device-findings .verdict').first().waitFor();
    await page.locator('#corpus-table').waitFor();
  }

  const shoot = (page, selector, name) =>
    page.locator(selector).screenshot({ path: path.join(artifacts, `demo-${name}.png`), style: screenshotStyle });

  /** What the coverage table shows: one entry per user-agent row. */
  const rows = (page) =>
    page.$$eval('#corpus-table tr.ua-row', (trs) =>
      trs.map((tr) => ({ ...tr.dataset, ua: tr.querySelector('code.ua')?.textContent ?? '', text: tr.textContent ?? '' })),
    );
  const modeCount = async (page, mode) => Number(await page.locator(`.mode-count[data-mode="${mode}"] strong`).textContent());

  let page; // this device, 1280 px, light: shared by the tests below, in order

  before(async () => {
    mkdirSync(artifacts, { recursive: true });
    const { startDevServer } = await import('@web/dev-server');
    const { chromium } = await import('playwright');
    const { default: config } = await import(path.join(root, 'demo/wds.config.mjs'));
    server = await startDevServer({
      config: { ...config, rootDir: root, hostname: LOOPBACK_ONLY, port: 0, http2: false, open: false, watch: false },
      readCliArgs: false,
      readFileConfig: false,
      autoExitProcess: false,
      logStartMessage: false,
    });
    // On the loopback interface only: told 127.0.0.1, @web/dev-server listens on every one (demo/loopback.mjs).
    assert.equal(server.server.address().address, '127.0.0.1', 'the demo server listens on 127.0.0.1 only');
    base = `http://127.0.0.1:${server.server.address().port}/demo/`;
    browser = await chromium.launch({
      executablePath: plan.run.chromium.executablePath,
      args: [...chromiumArgs, ...chromiumFakeMediaArgs],
    });
    page = await openPage();
    await loadDemo(page);
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('this device: environment, hints, every probe, both predictions; a real camera check; the hand-off intercepted', async () => {
    const probes = await page.$$eval('#device-findings table.probes tr[data-probe]', (trs) =>
      trs.map((tr) => [tr.dataset.probe, tr.dataset.status]),
    );
    assert.deepEqual(
      probes.map(([name]) => name),
      ['secureContext', 'getUserMedia', 'cameraPolicy', 'peerConnection', 'h264', 'mediaRecorder', 'cameraPermission', 'maxTouchPoints'],
    );
    assert.equal(probes.find(([name]) => name === 'secureContext')[1], 'pass', 'the demo is served from a secure context (127.0.0.1)');
    const verdicts = await page.$$eval('#device-findings .verdict', (els) =>
      els.map((e) => ({ mode: e.dataset.mode, rule: e.dataset.rule })),
    );
    assert.equal(verdicts.length, 2, 'final mode and user-agent prediction');
    assert.ok(['reflection', 'video'].includes(verdicts[0].mode), `final mode ${verdicts[0].mode}`);
    assert.match(await page.locator('#device-findings .environment').textContent(), /Linux/);
    assert.match(await page.locator('#device-findings .hints').textContent(), /Chromium/, 'Client Hints read (Chromium, secure page)');

    const element = page.locator('#device faceid-preflight');
    await element.getByRole('button', { name: 'Check my camera' }).click();
    await page.locator('.event-log li[data-type="faceid-camera-ready"]').waitFor();
    const before = page.url();
    await element.getByRole('button', { name: 'Start verification' }).click();
    await page.locator('.would-navigate').waitFor();
    assert.match(
      await page.locator('.would-navigate').textContent(),
      /would navigate to https:\/\/sg\.faceid\.qq\.com\/reflect\/\?token=DEMO/,
    );
    assert.equal(page.url(), before, 'the page did not navigate');
    assert.equal(await page.locator('.event-log li[data-type="faceid-handoff"]').count(), 1);

    // The profile switch reaches the element (a new prediction) and the compatibility table.
    await page.selectOption('#profile', 'mainland');
    await page.locator('.event-log li[data-type="faceid-prediction"]').nth(1).waitFor();
    const ruleIds = await page.$$eval('#rules-table tr[data-rule]', (trs) => trs.map((tr) => tr.dataset.rule));
    assert.ok(ruleIds.some((id) => id.startsWith('mainland/')) && !ruleIds.some((id) => id.startsWith('intl/')), ruleIds.join());
    await page.selectOption('#profile', 'intl');
    await page.locator('.event-log li[data-type="faceid-prediction"]').nth(2).waitFor();
    await shoot(page, '#device', 'this-device');
  });

  it('coverage: every fixture user agent, classified as in Node; counts, filters, search, rule links, paste box', async () => {
    const { predictFromUserAgent } = await import('faceid-preflight/core');
    const fixtures = [...readJson('test/fixtures/user-agents.json'), ...readJson('test/fixtures/extra-user-agents.json')];
    const distinct = new Set(fixtures.map((f) => JSON.stringify([f.ua, f.clientHints ?? null, f.maxTouchPoints ?? null])));

    const all = await rows(page);
    assert.equal(all.length, distinct.size, 'one row per distinct fixture user agent');
    assert.equal(await page.locator('#corpus-shown').textContent(), `${all.length} of ${all.length} user agents shown`);
    for (const row of all) {
      const p = predictFromUserAgent(row.ua, {
        profile: 'intl',
        ...(row.clientHints ? { clientHints: JSON.parse(row.clientHints) } : {}),
        ...(row.maxTouchPoints ? { maxTouchPoints: Number(row.maxTouchPoints) } : {}),
      });
      assert.deepEqual([row.mode, row.rule], [p.mode, p.rule], `same outcome in the page and in Node for ${row.ua}`);
    }
    const counts = {
      reflection: await modeCount(page, 'reflection'),
      video: await modeCount(page, 'video'),
      undetermined: await modeCount(page, 'undetermined'),
    };
    assert.equal(counts.reflection + counts.video + counts.undetermined, all.length);

    await page.click('.mode-count[data-mode="video"]');
    const video = await rows(page);
    assert.equal(video.length, counts.video);
    assert.ok(video.every((r) => r.mode === 'video'));

    await page.click('#filter-reset');
    await page.selectOption('#filter-os', 'iOS');
    await page.selectOption('#filter-browser', 'safari');
    const safari = await rows(page);
    assert.ok(safari.length > 0 && safari.every((r) => r.os === 'iOS' && r.browser === 'safari'), 'OS and browser filters');

    await page.click('#filter-reset');
    await page.fill('#corpus-search', 'huawei');
    const huawei = await rows(page);
    assert.ok(huawei.length > 0 && huawei.length < all.length);
    assert.ok(
      huawei.every((r) => /huawei/i.test(r.text + r.ua)),
      'every match mentions Huawei',
    );
    await page.fill('#corpus-search', 'no such device anywhere');
    await page.locator('#corpus-empty').waitFor();

    // A rule of the compatibility table → the user agents it decides.
    await page.click('#filter-reset');
    const rule = 'intl/android-vendor-browser';
    const button = page.locator(`#rules-table button.show-rule[data-rule="${rule}"]`);
    const decided = Number((await button.textContent()).trim().split(' ')[0]);
    await button.click();
    assert.equal(await page.locator('#filter-rule').inputValue(), rule);
    const ruled = await rows(page);
    assert.equal(ruled.length, decided);
    assert.ok(decided > 0 && ruled.every((r) => r.rule === rule));
    await shoot(page, '#coverage', 'coverage');

    await page.fill('#paste-ua', huaweiChrome);
    const pasted = page.locator('#paste-result .verdict');
    assert.deepEqual([await pasted.getAttribute('data-mode'), await pasted.getAttribute('data-rule')], ['video', 'fact/huawei-chromium']);
    assert.match(await pasted.locator('.reasons').textContent(), /Huawei/);
    await page.fill('#paste-ua', iphoneSafari);
    assert.deepEqual([await pasted.getAttribute('data-mode'), await pasted.getAttribute('data-rule')], ['reflection', 'intl/ios-safari']);
    await page.click('#filter-reset');
  });

  it("error simulator: every state, Tencent's three messages first, in every language", async () => {
    const { viewStates } = await import(path.join(root, 'dist/element/view-state.js'));
    const packs = {
      en: (await import(path.join(root, 'dist/i18n/en.js'))).default,
      'zh-CN': (await import(path.join(root, 'dist/i18n/zh-cn.js'))).default,
      'zh-TW': (await import(path.join(root, 'dist/i18n/zh-tw.js'))).default,
      th: (await import(path.join(root, 'dist/i18n/th.js'))).default,
      id: (await import(path.join(root, 'dist/i18n/id.js'))).default,
    };
    const previews = () => page.$$eval('#simulator figure.preview', (fs) => fs.map((f) => `${f.dataset.preview}@${f.dataset.lang}`));
    const expected = viewStates.length - 1 + 3 + 1; // camera-error ×3 (documented), ready ×2 (reflection, video)
    const en = await previews();
    assert.equal(en.length, expected);
    assert.deepEqual(en.slice(0, 3), [
      'camera-error:camera-busy@en',
      'camera-error:camera-denied@en',
      'camera-error:camera-unavailable@en',
    ]);
    for (const state of viewStates)
      assert.ok(
        en.some((id) => id.startsWith(state)),
        `${state} is previewed`,
      );

    const detail = (id) => page.locator(`#simulator figure[data-preview="${id}"] [part="detail"]`).first();
    const title = (id) => page.locator(`#simulator figure[data-preview="${id}"] [part="title"]`).first();
    for (const [lang, pack] of Object.entries(packs)) {
      await page.selectOption('#sim-lang', lang);
      await assert.doesNotReject(title('camera-error:camera-busy').filter({ hasText: pack.cameraProblem }).waitFor(), lang);
      assert.equal(await detail('camera-error:camera-busy').textContent(), pack.cameraBusy);
      assert.equal(await detail('camera-error:camera-denied').textContent(), pack.cameraDenied);
      assert.equal(await detail('camera-error:camera-unavailable').textContent(), pack.cameraUnavailable);
      assert.equal(await title('ready:video').textContent(), pack.readyVideo);
      assert.equal(await detail('in-app').textContent(), pack.openInBrowserMenu(pack.appWeChat), 'the in-app line names WeChat');
      if (lang === 'zh-CN') await shoot(page, '#simulator', 'simulator-zh-CN');
    }
    await page.selectOption('#sim-lang', 'all');
    const everything = await previews();
    assert.equal(everything.length, expected * Object.keys(packs).length);
    for (const lang of Object.keys(packs)) assert.equal(everything.filter((id) => id.endsWith(`@${lang}`)).length, expected);
    await page.selectOption('#sim-lang', 'en');
    await shoot(page, '#simulator', 'simulator');
  });

  it('report: the JSON download (camera outcome, element version) and the short link with its QR code', async () => {
    const { encode } = await import('uqr');
    const downloaded = page.waitForEvent('download');
    await page.click('#report-download');
    const download = await downloaded;
    assert.match(download.suggestedFilename(), /^faceid-preflight-report-.*\.json$/);
    const report = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(report.schema, 'faceid-preflight-demo-report/1');
    assert.equal(report.elementVersion, readJson('package.json').version);
    assert.equal(report.userAgent, await page.evaluate(() => navigator.userAgent));
    assert.equal(report.profile, 'intl');
    assert.equal(report.environment.os, 'Linux');
    assert.ok(report.clientHints?.platform);
    for (const probe of ['secureContext', 'getUserMedia', 'cameraPolicy', 'peerConnection', 'h264', 'mediaRecorder', 'cameraPermission']) {
      assert.ok(['pass', 'fail', 'unknown'].includes(report.probes[probe].status), probe);
    }
    assert.ok(['reflection', 'video'].includes(report.prediction.mode));
    assert.equal(report.prediction.rule, report.uaPrediction.rule);
    assert.equal(report.camera.status, 'ready', 'the fake camera opened in the first test');
    const events = report.events.map((e) => e.type);
    for (const type of ['faceid-prediction', 'faceid-camera-ready', 'faceid-handoff']) assert.ok(events.includes(type), type);

    const link = await page.locator('#report-link').inputValue();
    assert.ok(link.startsWith(`${base}#report?`), link);
    const qr = page.locator('#report svg.qr');
    const expected = encode(link, { ecc: 'L', border: 4 });
    assert.equal(Number(await qr.getAttribute('data-size')), expected.size, 'the QR code holds this link');
    const modules = ((await qr.locator('path').getAttribute('d')).match(/M/g) ?? []).length;
    assert.equal(modules, expected.data.flat().filter(Boolean).length);
    await shoot(page, '#report', 'report');

    const phone = await openPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(link);
    await phone.locator('#shared-report').waitFor();
    assert.equal(await phone.locator('#shared-reported').textContent(), `${report.prediction.mode} (${report.prediction.rule})`);
    assert.equal(await phone.locator('#shared-ua').textContent(), report.userAgent);
    assert.equal(await phone.locator('#shared-report [role="alert"]').count(), 0, 'recomputed from the link, the same outcome');
    assert.equal(await phone.locator('#shared-camera').textContent(), 'works');
    await shoot(phone, '#shared-report', 'shared-report');
  });

  it('report: a camera error reaches the report with its DOMException name and message', async () => {
    // This camera is busy: getUserMedia rejects as Chromium does when another app holds it.
    const busy = await openPage({}, () => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Could not start video source', 'NotReadableError'));
    });
    await loadDemo(busy);
    await busy.locator('#device faceid-preflight').getByRole('button', { name: 'Check my camera' }).click();
    await busy.locator('.event-log li[data-type="faceid-camera-error"]').waitFor();
    const { default: en } = await import(path.join(root, 'dist/i18n/en.js'));
    assert.equal(
      await busy.locator('#device faceid-preflight [part="detail"]').textContent(),
      en.cameraBusy,
      "Tencent's message for a busy camera",
    );

    const downloaded = busy.waitForEvent('download');
    await busy.click('#report-download');
    const report = JSON.parse(readFileSync(await (await downloaded).path(), 'utf8'));
    assert.deepEqual(report.camera, {
      status: 'error',
      code: 'camera-busy',
      name: 'NotReadableError',
      message: 'Could not start video source',
    });

    // The same page, following its own link: only the fragment changes (no reload).
    await busy.goto(await busy.locator('#report-link').inputValue());
    assert.equal(await busy.locator('#shared-camera').textContent(), 'camera-busy: NotReadableError — Could not start video source');
  });

  it('360 px wide, dark mode: nothing overflows sideways, and the page is dark', async () => {
    const narrow = page; // after everything above: the most content the page can show
    await narrow.setViewportSize({ width: 360, height: 780 });
    await narrow.emulateMedia({ colorScheme: 'dark' });
    const overflow = () => narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(await overflow(), 0, 'no horizontal overflow at 360 px');
    await narrow.fill('#paste-ua', huaweiChrome);
    await narrow.selectOption('#sim-lang', 'all');
    await narrow.locator('#simulator figure.preview[data-lang="th"]').first().waitFor();
    assert.equal(await overflow(), 0, 'still none with the paste result and every language in the simulator');

    const { background, color } = await narrow.evaluate(() => {
      const s = getComputedStyle(document.documentElement);
      return { background: s.backgroundColor, color: s.color };
    });
    const luminance = (rgb) => {
      const [r, g, b] = rgb.match(/\d+/g).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    assert.ok(luminance(background) < 0.2 && luminance(color) > 0.7, `dark mode: ${color} on ${background}`);
    await narrow.evaluate(() => scrollTo(0, 0));
    await narrow.screenshot({ path: path.join(artifacts, 'demo-360-dark.png') });
  });

  it('raised no console error, no page error, and sent no request off 127.0.0.1', () => {
    assert.deepEqual(problems, []);
  });
});
