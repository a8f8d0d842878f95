// A @web/test-runner plugin that serves the pages under /test/csp/ with a strict Content Security
// Policy and collects the browser's violation reports, so a test can prove the element runs under
// that policy (test/browser/hardening-csp.test.ts). The test runner's own page has inline scripts,
// so the policy cannot go on it: a test loads these pages in an iframe instead.
//
//   GET  /test/csp/<page>.html?id=X[&tt=<policy names>]
//        the page, with
//          Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self';
//            require-trusted-types-for 'script'[; trusted-types <names>];
//            report-uri /__csp/report?id=X
//        (`tt` adds a trusted-types allow-list: `tt=lit-html` proves that one policy name suffices)
//   POST /__csp/report?id=X   where the browser reports a violation (report-uri)
//   GET  /__csp/reports?id=X  the reports received for X, as a JSON array
//
// The reports are a second channel beside the page's own `securitypolicyviolation` listener: they
// arrive even for a violation that happens before any script of the page runs.
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

const TRUSTED_TYPES_NAME = /^[\w-]+$/;

export function policyFor(id, trustedTypes) {
  const names = (trustedTypes ?? '').split(/[\s,]+/).filter((n) => TRUSTED_TYPES_NAME.test(n));
  const tt = names.length ? `; trusted-types ${names.join(' ')}` : '';
  return `${STRICT_CSP}${tt}; report-uri /__csp/report?id=${encodeURIComponent(id)}`;
}

async function readBody(req) {
  const chunks = [];
  try {
    for await (const chunk of req) chunks.push(chunk);
  } catch {
    // a report cut short is still reported, as far as it got
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function cspPlugin() {
  const reports = new Map(); // id → reports received
  return {
    name: 'csp',
    async serve(context) {
      if (context.path === '/__csp/report') {
        const id = context.URL.searchParams.get('id') ?? '';
        const body = await readBody(context.req);
        let report;
        try {
          report = JSON.parse(body)['csp-report'] ?? JSON.parse(body);
        } catch {
          report = { unparsed: body.slice(0, 2000) };
        }
        if (!reports.has(id)) reports.set(id, []);
        reports.get(id).push(report);
        return { body: '', type: 'text/plain', headers: { 'cache-control': 'no-store' } };
      }
      if (context.path === '/__csp/reports') {
        const id = context.URL.searchParams.get('id') ?? '';
        return { body: JSON.stringify(reports.get(id) ?? []), type: 'application/json', headers: { 'cache-control': 'no-store' } };
      }
      return undefined;
    },
    transform(context) {
      if (!context.path.startsWith('/test/csp/') || !context.path.endsWith('.html')) return undefined;
      const id = context.URL.searchParams.get('id') ?? '';
      return {
        headers: { 'content-security-policy': policyFor(id, context.URL.searchParams.get('tt')), 'cache-control': 'no-store' },
        transformCache: false,
      };
    },
  };
}
