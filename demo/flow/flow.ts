/** The example customer page: the element, and its errors shown for the developer. */
import '../../src/faceid-preflight.js';

const errors = document.getElementById('errors') as HTMLPreElement;
document.addEventListener('faceid-error', (event) => {
  const { reason, detail, status } = (event as CustomEvent<{ reason: string; detail: string; status?: number }>).detail;
  errors.hidden = false;
  errors.textContent += `faceid-error: ${reason}${status ? ` (HTTP ${status})` : ''}: ${detail}\n`;
});
