/** The parsed environment (what the table reads) as a compact definition list. */
import { html, type TemplateResult } from 'lit';
import type { ClientHints, Environment } from '../../src/core/index.js';

const show = (value: unknown): string => (value === null || value === undefined || value === '' ? '—' : String(value));

export function environmentView(env: Environment): TemplateResult {
  const flags = Object.entries(env.flags)
    .filter(([, on]) => on)
    .map(([name]) => name);
  const rows: Array<[string, string]> = [
    ['OS', `${env.os} ${show(env.osVersion)}${env.osVersionFloor && !env.osVersion ? ` (at least ${env.osVersionFloor})` : ''}`],
    ['Device', env.device],
    ['Browser', `${env.browser} ${show(env.browserVersion)}`],
    ['In-app host', show(env.app)],
    ['Kernel', env.kernel],
    ['Maker', show(env.vendor)],
    ['Model', show(env.model)],
    ['Flags', flags.length ? flags.join(', ') : 'none'],
  ];
  return html`<dl class="facts environment">
    ${rows.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}
  </dl>`;
}

export function clientHintsView(hints: ClientHints | null): TemplateResult {
  if (!hints) return html`<p class="muted">None: this browser has no UA Client Hints (Chromium on secure pages only).</p>`;
  const brands = hints.fullVersionList?.map((b) => `${b.brand} ${b.version}`).join(', ');
  const rows: Array<[string, string]> = [
    ['platform', show(hints.platform)],
    ['platformVersion', show(hints.platformVersion)],
    ['model', show(hints.model)],
    ['mobile', show(hints.mobile)],
    ['fullVersionList', show(brands)],
  ];
  return html`<dl class="facts hints">
    ${rows.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}
  </dl>`;
}
