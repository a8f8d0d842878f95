import { readFileSync } from 'node:fs';
import { classify } from './classify.js';
import { coverage } from './coverage/command.js';
import type { CliIO } from './io.js';
import { sandbox } from './sandbox.js';
import { UsageError, usage } from './usage.js';

export type { CliIO } from './io.js';

/** Entry point of the `faceid-preflight` command. Resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'classify':
        return await classify(rest, io);
      case 'coverage':
        return await coverage(rest, io);
      case 'sandbox':
        return await sandbox(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(usage.main);
        return command === undefined ? 2 : 0;
      case '--version':
      case '-v':
        io.stdout.write(`${io.version}\n`);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"`, usage.main);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`faceid-preflight: ${error.message}\n\n${error.help}`);
      return 2;
    }
    throw error;
  }
}

function processIO(): CliIO {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, version: packageVersion() };
}

function packageVersion(): string {
  // dist/cli/main.js → package.json: the version of the code that is actually running.
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}
