/**
 * `faceid-preflight sandbox`: runs the local FaceID sandbox until stopped (Ctrl-C, SIGTERM). The
 * first line of standard output is the API endpoint; everything else goes to standard error.
 */
import { parseArgs } from 'node:util';
import { startSandbox } from '../sandbox/index.js';
import type { CliIO } from './io.js';
import { UsageError, withUsage } from './usage.js';

export const sandboxUsage = `Usage: faceid-preflight sandbox [options]

Runs a local stand-in for Tencent Cloud FaceID's international web verification, for development
and tests: ApplyWebVerificationBizTokenIntl and GetWebVerificationResultIntl, TC3-signed and
answered the way Tencent answers (errors included), and a stand-in verification page where you
pick the outcome. Point the server module (or Tencent's SDK) at the endpoint it prints first.
Runs until stopped (Ctrl-C).

Options:
      --port <n>          Port to listen on (default: 0, any free port)
      --host <address>    Address to bind (default: 127.0.0.1)
      --secret-id <id>    The SecretId it accepts (default: $TENCENTCLOUD_SECRET_ID)
      --secret-key <key>  The SecretKey it accepts (default: $TENCENTCLOUD_SECRET_KEY)
  -h, --help              Show this help
`;

export async function sandbox(argv: readonly string[], io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = withUsage(
    () =>
      parseArgs({
        args: [...argv],
        options: {
          port: { type: 'string', default: '0' },
          host: { type: 'string', default: '127.0.0.1' },
          'secret-id': { type: 'string' },
          'secret-key': { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
        allowPositionals: false,
      }),
    sandboxUsage,
  );
  if (values.help) {
    io.stdout.write(sandboxUsage);
    return 0;
  }
  const port = Number(values.port);
  if (!/^\d{1,5}$/.test(values.port) || port > 65535)
    throw new UsageError(`--port must be a port number, not "${values.port}"`, sandboxUsage);
  const secretId = values['secret-id'] ?? env['TENCENTCLOUD_SECRET_ID'];
  const secretKey = values['secret-key'] ?? env['TENCENTCLOUD_SECRET_KEY'];
  if (!secretId || !secretKey) {
    throw new UsageError(
      'the sandbox needs a key pair: --secret-id and --secret-key, or TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY',
      sandboxUsage,
    );
  }

  let running;
  try {
    running = await startSandbox({ secretId, secretKey, host: values.host, port, log: (line) => io.stderr.write(`sandbox: ${line}\n`) });
  } catch (error) {
    io.stderr.write(`faceid-preflight sandbox: cannot listen on ${values.host}:${port}: ${(error as Error).message}\n`);
    return 1;
  }
  io.stdout.write(`${running.endpoint}\n`);
  io.stderr.write(
    `FaceID sandbox (development stand-in, not Tencent) at ${running.endpoint}\n` +
      `  verification pages: ${running.endpoint}/verify/ — allow the hand-off with allowed-hosts="${running.origin}"\n` +
      '  stop with Ctrl-C\n',
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await running.close();
  return 0;
}
