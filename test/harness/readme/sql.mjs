// SQL blocks are DuckDB's (the warehouse dialects are marked skipped: nothing here runs them). A
// block runs in embedded DuckDB in a scratch folder holding a small Parquet access log under
// logs/, and the file it writes must be one `faceid-preflight coverage` reads, request for request.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const ROWS = [
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    3,
  ],
  ['Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36', 2],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36, "quoted"', 1],
];

/** @returns {Promise<string[]>} problems */
export async function checkSql(block) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const dir = mkdtempSync(path.join(tmpdir(), 'faceid-readme-sql-'));
  const at = (file) => path.join(dir, file).replaceAll("'", "''");
  try {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const values = ROWS.flatMap(([ua, n]) =>
      Array.from({ length: n }, () => `('${ua.replaceAll("'", "''")}', TIMESTAMP '2025-10-02 10:00:00')`),
    );
    mkdirSync(path.join(dir, 'logs'));
    await c.run(
      `COPY (SELECT * FROM (VALUES ${values.join(', ')}) t(user_agent, ts)) TO '${at('logs/2025-10-01.parquet')}' (FORMAT parquet)`,
    );
    // The block as written, its relative paths taken in the scratch folder.
    const sql = block.code.replace(/'((?:logs\/|ua-counts)[^']*)'/g, (_, file) => `'${at(file)}'`);
    await c.run(sql);
    c.closeSync?.();
    const cli = spawnSync(
      process.execPath,
      [path.join(root, 'bin/faceid-preflight.js'), 'coverage', '--json', path.join(dir, 'ua-counts.csv')],
      { encoding: 'utf8' },
    );
    if (cli.status !== 0) return [`coverage could not read what the query wrote: ${cli.stderr.trim()}`];
    const report = JSON.parse(cli.stdout);
    const requests = ROWS.reduce((sum, [, n]) => sum + n, 0);
    const total = report.modes ? Object.values(report.modes).reduce((s, m) => s + (m.count ?? m), 0) : report.classified;
    return total === requests ? [] : [`coverage counted ${total} requests, the log has ${requests}`];
  } catch (error) {
    return [`DuckDB: ${String(error?.message ?? error)}`];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
