/**
 * A QR code drawn here, from uqr's module matrix (MIT, no dependencies): no image service sees the
 * link. Always dark on white with a quiet zone, whatever the page's colour scheme — phone cameras
 * read inverted codes badly.
 */
import { html, svg, type TemplateResult } from 'lit';
import { encode } from 'uqr';

/** One SVG path for all dark modules: small enough for a link of a few hundred characters. */
export function qrCode(text: string, label: string): TemplateResult {
  const { data, size, version } = encode(text, { ecc: 'L', border: 4 });
  let d = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  return html`<svg class="qr" role="img" aria-label=${label} viewBox=${`0 0 ${size} ${size}`} data-size=${size} data-version=${version}
    shape-rendering="crispEdges">
    ${svg`<rect width=${size} height=${size} fill="#fff"></rect><path d=${d} fill="#000"></path>`}
  </svg>`;
}
