/** A mistake in how the command was called: printed with the help text, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly help: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Runs an argument parse; its complaint (an unknown flag, a missing value) becomes a usage error. */
export function withUsage<T>(parse: () => T, help: string): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message, help);
  }
}

export const usage = {
  main: `Usage: faceid-preflight <command> [options]

Commands:
  classify [user-agent ...]   Predict FaceID's mode for each user agent (or one per line on stdin)
  coverage <file ... | ->     How the requests of access logs (or counted user agents) split between
                              the modes, and why; "coverage merge" combines the reports of shards
  sandbox                     A local FaceID API stand-in for development (prints its endpoint first)

Options:
  -h, --help                  Show help (also: faceid-preflight <command> --help)
  -v, --version               Show the version
`,
  classify: `Usage: faceid-preflight classify [options] [user-agent ...]

Predicts Tencent FaceID's web verification mode (reflection / video / undetermined) for each user
agent given as an argument, or for each line of standard input when there is none. Prints one JSON
object per line: {"userAgent","mode","likelihood","rule","reasons","environment"}. On standard input
every line gets exactly one output line, a blank one too; a line over 8 KB is not read and gets
{"userAgent":null,"mode":"undetermined",…,"tooLong":true}. A read error exits 1.

Options:
  -p, --profile <intl|mainland>   Which published compatibility table to follow (default: intl)
      --no-environment            Leave the parsed environment out of each line
  -h, --help                      Show this help
`,
} as const;
