// The README's code blocks, and how each kind is checked (test/node/readme.test.mjs runs them).
//
//   ts, js, jsx, tsx, cjs, cts, mts  type-checked against the built package, as an app that installed it
//   vue                              type-checked by vue-tsc (template included)
//   html                             parsed (HTML parse errors fail); inline module scripts type-checked;
//                                    <faceid-preflight> attributes must be in the element's manifest;
//                                    CDN URLs of this package pinned to this version, to a shipped file,
//                                    with the integrity of the built file
//   sh, console                      every command exists: npm scripts in package.json, the CLI's
//                                    subcommands and flags in its --help, other programs on PATH
//   json / jsonc                     parses (jsonc: comments and "…" elisions removed first)
//   csv                              every row has as many fields as the first
//   sql                              DuckDB's dialect: run in embedded DuckDB over a small Parquet log, and
//                                    what it writes read by `coverage` (test/harness/readme/sql.mjs)
//
// A block nothing here can check is marked on the line before it (blank lines may come between):
//   <!-- readme-check: skip (why) -->
// A language with no checker and no mark fails. To check a new language, add it to `checkers`
// (e.g. `sql: checkSql` run by DuckDB) — the test picks it up.
//
// The fence's info string may name the file a block is checked as: ```js file=server.cjs
import { typeCheckedExtension } from './blocks.mjs';
import { checkCsv, checkJson } from './data.mjs';
import { checkHtml } from './html.mjs';
import { checkShell } from './shell.mjs';
import { checkSql } from './sql.mjs';

/**
 * What checks each language outside the type check: block → problems (strings). The type-checked
 * languages return [] here; their diagnostics come from the one tsc / vue-tsc run.
 */
export const checkers = {
  sh: (b) => checkShell(b, false),
  console: (b) => checkShell(b, true),
  html: checkHtml,
  json: (b) => checkJson(b, false),
  jsonc: (b) => checkJson(b, true),
  csv: checkCsv,
  sql: checkSql, // async
  ...Object.fromEntries(Object.keys(typeCheckedExtension).map((lang) => [lang, () => []])),
};
