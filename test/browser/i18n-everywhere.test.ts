// No English sentence reaches a user who chose another language: every state (with every camera
// error, every piece of advice, every in-app hint) and every reason code under "Why?", rendered in
// zh-CN, zh-TW, th and id, is searched for any English sentence of the element's words.
import { expect } from '@esm-bundle/chai';
import { fixture, html, waitUntil } from '@open-wc/testing-helpers';
import '../../src/faceid-preflight.js';
import type { FaceidPreflight } from '../../src/faceid-preflight.js';
import { describeReason, reasonCodes, type Reason } from '../../src/core/reasons.js';
import { profiles } from '../../src/core/table/profiles.js';
import { noUserAgent } from '../../src/core/table/facts.js';
import { modeAsyncProbes, reflectionProbes } from '../../src/core/probe-report.js';
import { makers } from '../../src/core/environment/types.js';
import { makerBrowsers } from '../../src/core/environment/built-in-browsers.js';
import en from '../../src/i18n/en.js';
import { englishReasonWords } from '../../src/i18n/reasons/en.js';
import { adviceKeys } from '../../src/element/advice.js';
import { viewStates } from '../../src/element/states.js';
import { documentedCameraErrors } from '../../src/camera/error-codes.js';
import type { ProbeGlobals } from '../../src/probes/probes.js';
import zhCN from '../../src/i18n/zh-cn.js';
import zhTW from '../../src/i18n/zh-tw.js';
import th from '../../src/i18n/th.js';
import id from '../../src/i18n/id.js';

/** Every English sentence a user could read: the element's strings and the reasons' sentences. */
function englishSentences(): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') out.push(value);
    else if (typeof value === 'function')
      out.push(...String((value as (...a: string[]) => string)('\u0000', '\u0000', '\u0000')).split('\u0000'));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  const { reasonWords, $code, $name, $dir, ...strings } = en;
  void [reasonWords, $code, $name, $dir];
  walk(strings);
  walk(englishReasonWords.rules);
  walk(englishReasonWords.reasons);
  // A sentence is words, not a brand name: at least three words of Latin letters.
  return [...new Set(out.map((s) => s.trim()))].filter((s) => /[A-Za-z]+\W+[A-Za-z]+\W+[A-Za-z]+/.test(s));
}

/** One example of every reason the engine can give (each rule, each code with each value that has words). */
function everyReason(): Reason[] {
  const rules = new Set([noUserAgent.id, ...Object.values(profiles).flatMap((p) => p.rules.map((r) => r.id))]);
  const examples: Reason[] = [...rules].map((rule) => ({ code: 'rule', rule }) as Reason);
  examples.push(
    { code: 'below-minimum', field: 'osVersion', os: 'iOS', browser: 'safari', minimum: '14.3', actual: '13.2' },
    { code: 'below-minimum', field: 'browserVersion', os: 'iOS', browser: 'wechat', minimum: '6.5', actual: '6.1' },
    { code: 'version-hidden', field: 'osVersion', os: 'other', browser: 'safari', minimum: '7' },
    { code: 'frozen-ios-version', osVersion: '26.1' },
    { code: 'probes-settled' },
    { code: 'possible-ipad' },
    { code: 'ipados-by-touch' },
    { code: 'reduced-ua' },
    { code: 'client-hints' },
    { code: 'truncated-ua' },
    { code: 'disguised-browser' },
    ...reflectionProbes.map((probe) => ({ code: 'probe-failed', probe }) as const),
    ...modeAsyncProbes.map((probe) => ({ code: 'probe-unanswered', probe }) as const),
    ...reflectionProbes.map((probe) => ({ code: 'probe-unknown', probe }) as const),
    ...makerBrowsers.flatMap((browser) => [
      { code: 'maker-hidden-for-browser', browser } as const,
      ...makers.map((maker) => ({ code: 'not-makers-phone', browser, maker }) as const),
    ]),
  );
  return examples;
}

const packs = { 'zh-CN': zhCN, 'zh-TW': zhTW, th, id } as const;
const english = englishSentences();
const untranslated = (text: string) => english.filter((sentence) => text.includes(sentence));

const card = (el: FaceidPreflight) =>
  ['title', 'detail', 'button'].map((p) => el.shadowRoot!.querySelector(`[part~="${p}"]`)?.textContent?.trim() ?? '').join('\n');

describe('every word a user reads is in their language', function () {
  this.timeout(60_000);

  it('the examples cover every reason code', () => {
    expect(new Set(everyReason().map((r) => r.code))).to.deep.equal(new Set(reasonCodes));
    expect(english.length).to.be.greaterThan(50);
    expect(untranslated(describeReason({ code: 'truncated-ua' }))).to.have.length(1); // the search itself works
  });

  for (const [lang, pack] of Object.entries(packs)) {
    it(`${lang}: every reason code, rendered, has no English sentence`, () => {
      for (const reason of everyReason()) {
        const text = describeReason(reason, pack.reasonWords);
        expect(untranslated(text), `${lang} ${JSON.stringify(reason)}: ${text}`).to.deep.equal([]);
      }
    });

    it(`${lang}: every state, camera error and piece of advice has no English sentence`, async () => {
      const previews: Array<[string, string]> = [
        ...viewStates.map((s) => [s, 'camera-busy'] as [string, string]),
        ...documentedCameraErrors.map((code) => ['camera-error', code] as [string, string]),
      ];
      for (const [state, error] of previews) {
        const el = await fixture<FaceidPreflight>(
          html`<faceid-preflight lang=${lang} preview-state=${state} preview-error=${error}></faceid-preflight>`,
        );
        await waitUntil(() => untranslated(card(el)).length === 0, `${lang} ${state}/${error}: ${untranslated(card(el)).join(' | ')}`, {
          timeout: 5000,
        });
        el.remove();
      }
      for (const key of adviceKeys) expect(untranslated(pack[key]), `${lang} ${key}`).to.deep.equal([]);
    });

    it(`${lang}: the element's own "Why?" list is in that language`, async () => {
      // A real prediction for a reduced Chrome UA on Android: a rule and notes.
      const ua = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
      const globals: ProbeGlobals = { isSecureContext: true, navigator: { userAgent: ua, maxTouchPoints: 5 } };
      const el = await fixture<FaceidPreflight>(html`<faceid-preflight lang=${lang} .probeGlobals=${globals}></faceid-preflight>`);
      await waitUntil(
        () => el.finalPrediction !== null && el.shadowRoot!.querySelector('[part~="reasons"] li') !== null,
        'no reasons shown',
      );
      const why = () => el.shadowRoot!.querySelector('[part~="reasons"]')!.textContent ?? '';
      await waitUntil(() => untranslated(why()).length === 0, `${lang} Why?: ${untranslated(why()).join(' | ')}`, { timeout: 5000 });
      expect(el.finalPrediction!.reasonCodes.length).to.be.greaterThan(0);
    });
  }
});
