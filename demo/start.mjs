// `npm start`: the demo's dev server (demo/wds.config.mjs), with a start message that names the
// address it really listens on (@web/dev-server's own adds a "Network" address whatever the host),
// and a port already in use is one line and exit 1 (@web/dev-server prints the stack and exits 0).
import { startDevServer } from '@web/dev-server';
import config from './wds.config.mjs';
import { shownHost } from './loopback.mjs';

// A listen() that fails is an 'error' event nobody handles: an uncaught exception, which
// @web/dev-server only logs. Until the server is up, one ends the start (later ones it logs, as before).
const startFailed = (error) => {
  const busy = error?.code === 'EADDRINUSE';
  console.error(busy ? `faceid-preflight demo: port ${config.port} is in use; PORT=8001 npm start takes another` : error);
  process.exit(1);
};
process.on('uncaughtException', startFailed);
const server = await startDevServer({ config, readCliArgs: false, readFileConfig: false, logStartMessage: false });
process.off('uncaughtException', startFailed);
const { address, port } = server.server.address();
const scheme = config.http2 ? 'https' : 'http';
console.log(`Demo: ${scheme}://${shownHost(config.hostname)}:${port}/demo/ (listening on ${address})`);
