// Prefs for Debian's firefox-esr in tests (driven by puppeteer-core over WebDriver BiDi):
// fake camera/mic, no permission prompt, and no background traffic to the (unreachable) internet.
export const firefoxPrefs = {
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  // Remote Settings (firefox.settings.services.mozilla.com was looked up at every start):
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  // Catch-all: every non-loopback HTTP(S) request goes to a closed loopback port, so Firefox
  // resolves no host name itself; 127.0.0.1/localhost are never proxied by default.
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.socks_remote_dns': true,
  'network.dns.disablePrefetch': true,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  // WebRTC: no mDNS (.local) host candidates (no multicast to 224.0.0.251). ice.loopback alone does
  // NOT make Firefox gather candidates in a lo-only namespace (it needs an interface with a default
  // route: see isolated.sh); it is harmless otherwise.
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  'media.peerconnection.ice.loopback': true,
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'extensions.update.enabled': false,
};

// The same, but the camera permission is denied for every site: getUserMedia({video}) rejects with
// a real NotAllowedError. (Leaving the permission at "prompt" is no substitute: a headless prompt
// never settles.) Used by the "camera-denied" launcher group for *.denied.test.ts files.
export const firefoxCameraDeniedPrefs = {
  ...firefoxPrefs,
  'media.navigator.permission.disabled': false,
  'permissions.default.camera': 2,
};

// Firefox release builds ignore 'services.settings.server' unless this variable is set; without it
// Firefox looks up firefox.settings.services.mozilla.com ~20 times per start.
export const firefoxEnv = { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' };
