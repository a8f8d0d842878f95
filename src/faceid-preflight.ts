import { FaceidPreflight } from './element/faceid-preflight.component.js';
import type { FaceidPreflightEventMap } from './element/events.js';

/** Registers `<faceid-preflight>` once, however many copies of this module a page loads. */
if (!customElements.get('faceid-preflight')) customElements.define('faceid-preflight', FaceidPreflight);

export { FaceidPreflight };

declare global {
  interface HTMLElementTagNameMap {
    'faceid-preflight': FaceidPreflight;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends FaceidPreflightEventMap {}
}
