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

export const usage = {
  main: `Usage: faceid-preflight <command> [options]

Commands:
  classify [user-agent ...]   Predict FaceID's mode for each user agent (or one per line on stdin)
  coverage <file ... | ->     How the user agents of access logs split between the modes, and why

Options:
  -h, --help                  Show help (also: faceid-preflight <command> --help)
  -v, --version               Show the version
`,
  classify: `Usage: faceid-preflight classify [options] [user-agent ...]

Predicts Tencent FaceID's web verification mode (reflection / video / undetermined) for each user
agent given as an argument, or for each line of standard input when there is none. Prints one JSON
object per line: {"userAgent","mode","likelihood","rule","reasons","environment"}.

Options:
  -p, --profile <intl|mainland>   Which published compatibility table to follow (default: intl)
      --no-environment            Leave the parsed environment out of each line
  -h, --help                      Show this help
`,
} as const;
