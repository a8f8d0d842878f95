// Command-line flags for the Chromium that runs the browser tests (Debian's /usr/bin/chromium,
// or Playwright's own download), made for a machine that may be run as root and has no internet.
// The tests must stay on this machine: nothing here may let Chromium phone home at start-up.
export const chromiumArgs = [
  // Chromium refuses to start as root with its sandbox on (Playwright passes this by default too).
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // Background traffic: variations/field trials, component updater, sync, QUIC probes.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  // Resolve no host name at all (update.googleapis.com, accounts.google.com were still looked
  // up without this); tests use http://127.0.0.1:<port>, which needs no lookup.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
  // WebRTC: no mDNS (.local) host candidates -> no multicast to 224.0.0.251, and allow
  // candidates on the loopback interface (needed when the run has only `lo`, e.g. under unshare -n).
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--allow-loopback-in-peer-connection',
];

// A fake camera and microphone, granted without a prompt (getUserMedia resolves with a live
// synthetic track). Without --use-fake-device-for-media-stream getUserMedia rejects with
// NotFoundError (no camera); without --use-fake-ui-for-media-stream and no permission grant it
// rejects with NotAllowedError.
export const chromiumFakeMediaArgs = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];
