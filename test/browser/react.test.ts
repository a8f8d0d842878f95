// The React wrapper (faceid-preflight/react, built on @lit/react) in a real React 19 root:
// properties arrive as properties, and the element's events reach the on… props.
import { expect } from '@esm-bundle/chai';
import { waitUntil } from '@open-wc/testing-helpers';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { FaceidPreflight } from '../../src/react/index.js';
import type { FaceidPreflight as Element } from '../../src/faceid-preflight.js';
import { engine } from './engine.js';

describe(`React wrapper in ${engine}`, () => {
  it('renders <faceid-preflight>, passes properties, and calls onPrediction / onHandoff', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const predictions: string[] = [];
    const handoffs: string[] = [];
    const provider = async () => 'https://sg.faceid.qq.com/reflect/?token=react-test-token';
    try {
      flushSync(() =>
        root.render(
          createElement(FaceidPreflight, {
            profile: 'mainland',
            noDowngrade: false,
            urlProvider: provider,
            strings: { checkCamera: 'Go' },
            onPrediction: (e: CustomEvent<{ mode: string }>) => predictions.push(e.detail.mode),
            onHandoff: (e: CustomEvent<{ url: string }>) => {
              e.preventDefault(); // never navigate in a test
              handoffs.push(e.detail.url);
            },
          }),
        ),
      );
      const el = host.querySelector('faceid-preflight') as Element;
      expect(el).to.not.equal(null);
      expect(el.profile).to.equal('mainland');
      expect(el.urlProvider).to.equal(provider); // a function: only a property can carry it
      await waitUntil(() => predictions.length === 1, 'onPrediction never called', { timeout: 10_000 });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="button"]')!.textContent).to.equal('Go');
      await el.handOff();
      expect(handoffs).to.deep.equal(['https://sg.faceid.qq.com/reflect/?token=react-test-token']);
    } finally {
      root.unmount();
      host.remove();
    }
  });
});
