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
    throw new UsageError(parseArgsMessage(error as Error & { code?: unknown }), help);
  }
}

/**
 * node:util parseArgs's complaints, in our words: its own ones explain its API ("argument is
 * ambiguous", a hint whose quote is never closed) rather than the command.
 */
function parseArgsMessage(error: Error & { code?: unknown }): string {
  const option = /'(?:-\w, )?(--?[\w-]+)/.exec(error.message)?.[1];
  if (option === undefined) return error.message;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return `unknown option ${option} (an argument that starts with "-" but is not an option goes after "--")`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(error.message)) return `${option} takes no value`;
    // (a short option's own hint names its long form: -n=-1 would give the value "=-1")
    const long = /use '(--[\w-]+)=/.exec(error.message)?.[1] ?? (option.startsWith('--') ? option : undefined);
    return `${option} needs a value${long === undefined ? '' : ` (one that starts with "-" is written ${long}=-…)`}`;
  }
  return error.message;
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
