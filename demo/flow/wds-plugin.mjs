// A @web/dev-server plugin that runs the whole-flow demo's backend (backend.mjs) beside the demo:
// /api/faceid/* answered by the server module, the sandbox started and stopped with the server, and
// the sandbox's origin written into the example page's allowed-hosts (it listens on a free port).
import { shownHost } from '../loopback.mjs';
import { startFlowBackend } from './backend.mjs';

export function flowPlugin() {
  let backend;
  return {
    name: 'faceid-whole-flow',
    async serverStart({ server, config }) {
      backend = await startFlowBackend({ log: (line) => console.log(`[sandbox] ${line}`) });
      // A front door ahead of the dev server's koa app (which composes its middleware once, at creation).
      const devServer = server.listeners('request');
      server.removeAllListeners('request');
      server.on('request', (req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        const route = backend.routes[path];
        if (route) return route(req, res);
        if (path.startsWith('/demo/flow/')) for (const [name, value] of Object.entries(backend.pageHeaders)) res.setHeader(name, value);
        for (const listener of devServer) listener.call(server, req, res);
      });
      if (config.port)
        console.log(
          `Whole verification flow: http${config.http2 ? 's' : ''}://${shownHost(config.hostname)}:${config.port}/demo/flow/index.html (FaceID sandbox at ${backend.sandbox.endpoint})`,
        );
    },
    async serverStop() {
      await backend?.close();
    },
    transform(context) {
      if (backend && context.path.startsWith('/demo/flow/') && context.response.is('html')) {
        return { body: context.body.replaceAll('%SANDBOX_ORIGIN%', backend.sandbox.origin) };
      }
    },
  };
}
