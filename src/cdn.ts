/**
 * The CDN entry (`<script type="module" src="…/faceid-preflight.min.js">`): registers the element
 * and exposes what a page without a build step needs. The full API is the npm package's.
 */
export { FaceidPreflight } from './faceid-preflight.js';
export { predictFromUserAgent } from './core/predict.js';
export { readReturnToken } from './handoff/return-page.js';
export { loadLanguage } from './i18n/register.js';
