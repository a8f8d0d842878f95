// The host to give @web/dev-server and @web/test-runner (the same core) so that they listen on the
// loopback interface only. Told `127.0.0.1` or `localhost`, @web/dev-server-core calls listen() with
// no host at all (DevServer.start, "some browsers connect to it via local network"): every interface,
// and the LAN could read the whole checkout, .git included. `127.1` is 127.0.0.1 written short:
// listen() resolves it to 127.0.0.1 and @web passes it through, and URL parsers read it as 127.0.0.1
// (WHATWG URL's IPv4 shorthand), so every page's origin is still http://127.0.0.1:PORT.
export const LOOPBACK_ONLY = '127.1';

/** The address to show people for a dev server's `hostname` (127.1 reads as a typo). */
export const shownHost = (hostname) => (hostname === LOOPBACK_ONLY ? '127.0.0.1' : hostname);
