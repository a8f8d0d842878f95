export const coverageUsage = `Usage: faceid-preflight coverage [options] <file ... | ->
       faceid-preflight coverage merge [options] <report.json ...>

Reads logs and tells how their requests split between FaceID's modes (reflection / video /
undetermined), by rule, OS and browser family, with the most frequent undetermined user agents.
Files may be gzipped (recognised by content). "-", or no file with piped input, reads standard input.
"merge" combines the --json reports of shards into the report of them all (see merge --help).

Input formats (detected from the first non-blank lines unless --format is given):
  ua        one user agent per line
  combined  nginx / Apache combined log format: the user agent is the last quoted field
  jsonl     one JSON object per line with a userAgent, ua, user_agent or http_user_agent string;
            counted when the lines carry a count (count, requests, hits, f0_, count(), count_star(), …)
  csv       RFC 4180 CSV whose header names a user_agent column; counted when it names a count column
  tsv       counted: ua<TAB>count or count<TAB>ua, with or without a header
  counts    counted input in whichever of tsv, csv and jsonl it is (a count on every line)

Counted input (a GROUP BY user agent from a warehouse) weighs each line by its count: every figure
is of requests. Bad lines (not in the format, an empty user agent, a count that is not a whole number
from 0 to 2^53 - 1, a header naming no user-agent column, over 8 KB) are counted and the first ones
shown with their line numbers; they never stop the run. Ctrl-C prints the result so far (exit 130).

Options:
  -p, --profile <intl|mainland>      Which published compatibility table to follow (default: intl)
  -f, --format <format>              ua, combined, jsonl, csv, tsv or counts, instead of detecting it
  -n, --top <N>                      How many undetermined user agents to list (default: 10, max 1000)
      --threads <auto|N>             Threads that predict (default auto: one per core, on a large
                                     or counted input; 0 or 1: this thread only). Same output.
      --json                         Print the report as JSON (what merge reads)
      --csv                          Print the report as CSV (section,key,count,share,…)
  -h, --help                         Show this help

Exit codes: 0 done, 1 an input could not be read or classified nothing and had bad lines, or the
report could not be written, 2 usage error, 130 interrupted.
`;
