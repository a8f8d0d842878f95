import { html, nothing, type TemplateResult } from 'lit';
import { stateSlot, type Tone, type ViewState } from './states.js';

/** Everything one render shows, already in the user's language. */
export interface Card {
  view: ViewState;
  title: string;
  detail: string;
  tone: Tone;
  busy: boolean;
  /**
   * `disabled`: shown, not usable — as `aria-disabled`, not the `disabled` attribute, so the button
   * keeps the keyboard focus through "Opening your camera…" to the next state's button (a disabled
   * button drops it to the page's body); its `onClick` then does nothing.
   */
  button: { label: string; disabled: boolean; onClick: () => void } | null;
  whyLabel: string;
  /** The prediction's reasons, most important first; none while checking. */
  reasons: string[];
  /**
   * The first moments of a check: the card, its actions row and its live region, busy and empty —
   * no spinner, no words — so a check that answers fast shows its answer as its first words (and
   * the page is not laid out and painted for a spinner in between, which delays the answer on a
   * slow phone). The same template either way: the live region is one element, and the answer is
   * a change of its content, which screen readers announce.
   */
  quiet?: boolean;
}

/**
 * The card. The element's light-DOM children without a slot are its fallback, shown by the
 * browser only where the element never runs (no JavaScript, a browser older than the build):
 * the shadow tree has no default slot, so they disappear once it does.
 */
export function renderCard({ view, title, detail, tone, busy, button, whyLabel, reasons, quiet = false }: Card): TemplateResult {
  return html`
    <div part="base" data-state=${view}>
      <slot name="intro"></slot>
      <div part="message" role="status" aria-live="polite" aria-atomic="true" aria-busy=${busy ? 'true' : 'false'} data-tone=${tone}>
        ${
          quiet
            ? nothing
            : html`${busy ? html`<span part="spinner" aria-hidden="true"></span>` : nothing}
                <slot name=${stateSlot(view)}>
                  <div>
                    <p part="title">${title}</p>
                    ${detail ? html`<p part="detail">${detail}</p>` : nothing}
                  </div>
                </slot>`
        }
      </div>
      <div part="actions">
        ${button ? renderButton(button) : nothing}
        <slot name="actions"></slot>
      </div>
      ${
        reasons.length
          ? html`<details part="reasons">
            <summary>${whyLabel}</summary>
            <ul>
              ${reasons.map((r) => html`<li>${r}</li>`)}
            </ul>
          </details>`
          : nothing
      }
    </div>
  `;
}

const renderButton = ({ label, disabled, onClick }: NonNullable<Card['button']>): TemplateResult =>
  html`<button part=${disabled ? 'button button-busy' : 'button'} type="button" aria-disabled=${disabled ? 'true' : nothing} @click=${onClick}>${label}</button>`;
