/**
 * The stand-in for FaceID's hosted verification page, plainly labelled as such. It shows what the
 * real page would do in this browser (this package's own prediction and probes, through a hidden
 * `<faceid-preflight>`), asks for the camera for real and releases it, and lets the person or a
 * test pick the outcome, which the result call then reports.
 */
import { outcomeFacts, standInOutcomes } from './outcomes.js';

export const STAND_IN_LABEL = 'Development stand-in — not Tencent FaceID';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · ${STAND_IN_LABEL}</title>
<link rel="stylesheet" href="/verify/stand-in.css">
</head>
<body>
<p class="banner" role="note" data-testid="stand-in-label"><strong>${STAND_IN_LABEL}.</strong>
This page imitates FaceID's hosted verification for development: nothing is verified, and no image leaves this page.</p>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The page for a live token. */
export function verificationPage(bizToken: string): string {
  const buttons = standInOutcomes
    .map(
      (outcome) =>
        `<button type="submit" name="outcome" value="${outcome}" data-outcome="${outcome}">${escapeHtml(outcomeFacts[outcome].label)}</button>`,
    )
    .join('\n    ');
  return layout(
    'Verification',
    `<h1>Face verification <small>(${STAND_IN_LABEL})</small></h1>
<section aria-labelledby="mode-title">
  <h2 id="mode-title">What the real page would do here</h2>
  <p id="prediction" data-state="pending" aria-live="polite">Checking this browser…</p>
  <ul id="reasons"></ul>
  <ul id="probes"></ul>
</section>
<section aria-labelledby="camera-title">
  <h2 id="camera-title">Camera</h2>
  <p>The real page asks for the camera here. So does this one, then releases it at once.</p>
  <button type="button" id="camera-button">Ask for the camera</button>
  <p id="camera" data-state="idle" aria-live="polite">Not asked yet.</p>
</section>
<section aria-labelledby="outcome-title">
  <h2 id="outcome-title">Pick the outcome</h2>
  <p>The result call (GetWebVerificationResultIntl) will report what you pick.</p>
  <form method="post" action="/verify/finish" id="outcome-form">
    <input type="hidden" name="token" value="${escapeHtml(bizToken)}">
    ${buttons}
  </form>
</section>
<faceid-preflight hidden></faceid-preflight>
<script type="module" src="/verify/stand-in.js"></script>`,
  );
}

/** The page for a token that cannot be used (unknown, expired, already finished). */
export function unusablePage(what: string): string {
  return layout(
    'Verification unavailable',
    `<h1>Verification unavailable <small>(${STAND_IN_LABEL})</small></h1>\n<p id="problem">${escapeHtml(what)}</p>`,
  );
}

/** The sandbox's front page (GET /). */
export function indexPage(endpoint: string): string {
  return layout(
    'FaceID sandbox',
    `<h1>FaceID sandbox <small>(${STAND_IN_LABEL})</small></h1>
<p>API endpoint: <code>${escapeHtml(endpoint)}</code> — ApplyWebVerificationBizTokenIntl and GetWebVerificationResultIntl,
signed with TC3-HMAC-SHA256, answered in Tencent Cloud's envelope. Verification pages are under <code>/verify/</code>.</p>`,
  );
}

export const standInCss = `body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1b1b1f; background: #fff; }
.banner { margin: 0; padding: .75rem 1rem; background: #ffe08a; border-bottom: 3px solid #b58100; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
h1 small { display: block; font-size: .55em; color: #8a5a00; }
section { margin: 1.5rem 0; }
button { font: inherit; margin: .25rem .25rem .25rem 0; padding: .5rem .9rem; }
[data-state="fail"] { color: #a00000; }
[data-state="ready"] { color: #006b2d; }
`;

/**
 * The page's script (served from /verify/stand-in.js; the page's CSP allows only same-origin
 * scripts). The element bundle is the package's CDN build, served from the same folder.
 */
export const standInScript: string = `const prediction = document.getElementById('prediction');
const reasons = document.getElementById('reasons');
const probes = document.getElementById('probes');
const camera = document.getElementById('camera');
const cameraButton = document.getElementById('camera-button');

function item(list, text) {
  const li = document.createElement('li');
  li.textContent = text;
  list.append(li);
}

document.addEventListener('faceid-prediction', (event) => {
  const p = event.detail;
  prediction.dataset.state = 'ready';
  prediction.dataset.mode = p.mode;
  prediction.textContent = 'faceid-preflight predicts ' + p.mode + ' mode (reflection likelihood ' + Math.round(p.likelihood * 100) + ' %, rule ' + p.rule + ').';
  reasons.replaceChildren();
  for (const reason of p.reasons) item(reasons, reason);
  probes.replaceChildren();
  for (const [name, result] of Object.entries(p.probes)) {
    if (result && typeof result === 'object' && 'status' in result) item(probes, name + ': ' + result.status + (result.detail ? ' (' + result.detail + ')' : ''));
  }
});

import('/verify/assets/faceid-preflight.min.js').catch((error) => {
  prediction.dataset.state = 'fail';
  prediction.textContent = 'The prediction is unavailable (the package is not built: npm run build). ' + error;
});

cameraButton.addEventListener('click', async () => {
  camera.dataset.state = 'pending';
  camera.textContent = 'Asking for the camera…';
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    const tracks = stream.getVideoTracks();
    const label = tracks[0] ? tracks[0].label || 'a camera' : 'no video track';
    for (const track of stream.getTracks()) track.stop();
    camera.dataset.state = 'ready';
    camera.dataset.tracks = String(tracks.length);
    camera.dataset.live = String(stream.getTracks().filter((t) => t.readyState === 'live').length);
    camera.textContent = 'The camera worked (' + label + ') and was released.';
  } catch (error) {
    camera.dataset.state = 'fail';
    camera.dataset.error = error && error.name ? error.name : 'Error';
    camera.textContent = 'The camera could not be opened: ' + camera.dataset.error + '.';
  }
});
`;
