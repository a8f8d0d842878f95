import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { predictFromUserAgent } from '../core/predict.js';
import { checkedProfile, commonOptions } from './options.js';
import type { CliIO } from './main.js';
import { withUsage } from './main.js';
import { UsageError, usage } from './usage.js';

/** `faceid-preflight classify`: one JSON line per user agent. */
export async function classify(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = withUsage(
    () =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          ...commonOptions,
          'no-environment': { type: 'boolean', default: false },
        },
      }),
    usage.classify,
  );
  if (values.help) {
    io.stdout.write(usage.classify);
    return 0;
  }
  const profile = checkedProfile(values.profile, usage.classify);
  if (positionals.length === 0 && io.stdin.isTTY) {
    throw new UsageError('give user agents as arguments, or pipe them in one per line', usage.classify);
  }

  const print = async (userAgent: string) => {
    const { mode, likelihood, rule, reasons, environment } = predictFromUserAgent(userAgent, { profile });
    const line = values['no-environment']
      ? { userAgent, mode, likelihood, rule, reasons }
      : { userAgent, mode, likelihood, rule, reasons, environment };
    // Respect back-pressure: a slow consumer must not make us buffer the whole input.
    if (!io.stdout.write(`${JSON.stringify(line)}\n`)) await once(io.stdout, 'drain');
  };

  if (positionals.length > 0) {
    for (const userAgent of positionals) await print(userAgent);
    return 0;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() !== '') await print(line);
  }
  return 0;
}
