export const coverageUsage = `Usage: faceid-preflight coverage [options] <file ... | ->

Reads logs and tells how their user agents split between FaceID's modes (reflection / video /
undetermined), by rule, OS and browser family, with the most frequent undetermined user agents.
Files may be gzipped (recognised by content). "-", or no file with piped input, reads standard input.

Input formats (detected from the first non-blank lines unless --format is given):
  ua        one user agent per line
  combined  nginx / Apache combined log format: the user agent is the last quoted field
  jsonl     one JSON object per line with a userAgent, ua, user_agent or http_user_agent string

Bad lines (not in the format, an empty user agent, over 8 KB) are counted and the first ones shown
with their line numbers; they never stop the run. Ctrl-C prints the result so far (exit 130).

Options:
  -p, --profile <intl|mainland>      Which published compatibility table to follow (default: intl)
  -f, --format <ua|combined|jsonl>   The input format, instead of detecting it
  -n, --top <N>                      How many undetermined user agents to list (default: 10, max 1000)
      --json                         Print the report as JSON
      --csv                          Print the report as CSV (section,key,count,share,…)
  -h, --help                         Show this help

Exit codes: 0 done, 1 an input could not be read, 2 usage error, 130 interrupted.
`;
