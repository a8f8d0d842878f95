import { LitElement } from 'lit';

/**
 * The page's sections render into the light DOM: the page stylesheet styles them, and the
 * browser test finds their content with plain selectors. Only <faceid-preflight> has a shadow root.
 */
export class LightElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
