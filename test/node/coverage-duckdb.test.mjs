// The warehouse path through a real engine: embedded DuckDB (@duckdb/node-api) writes a generated
// access log of 1,000,000 requests as CSV and Parquet; the GROUP BY user agent query's output, read
// by `coverage` as counted input, gives exactly the report `coverage` gives reading the log line by
// line. The query is the README's DuckDB one; the counts files are in DuckDB's default column names.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const bin = fileURLToPath(new URL('../../bin/faceid-preflight.js', import.meta.url));
const coverage = (args) => {
  const r = spawnSync(process.execPath, [bin, 'coverage', '--json', '--top', '1000', ...args], {
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 1 << 26,
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
};

const REQUESTS = 1_000_000;
const dir = mkdtempSync(path.join(os.tmpdir(), 'faceid-coverage-duckdb-'));
const at = (name) => path.join(dir, name);
/** SQL string literal. */
const literal = (text) => `'${text.replaceAll("'", "''")}'`;
let db;
let connection;

before(async () => {
  // ~2,500 distinct user agents: the fixtures, and variants with their last number bumped (builds).
  const base = [
    ...new Set(
      ['user-agents.json', 'extra-user-agents.json'].flatMap((name) =>
        JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')).map((f) => f.ua),
      ),
    ),
  ];
  const userAgents = Array.from({ length: 2500 }, (_, i) => {
    const ua = base[i % base.length];
    return i < base.length ? ua : ua.replace(/(\d+)(\D*)$/, (_, d, t) => `${Number(d) + Math.floor(i / base.length)}${t}`);
  });
  writeFileSync(at('user-agents.json'), JSON.stringify(userAgents.map((ua, id) => ({ id, ua }))));
  // No download, no extension fetched at run time: everything stays on this machine.
  db = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  connection = await db.connect();
  // Request i gets user agent ⌊N·u³⌋ for a fixed pseudo-random u: a few very frequent, a long tail.
  await connection.run(`
    CREATE TABLE uas AS SELECT * FROM read_json(${literal(at('user-agents.json'))});
    CREATE TABLE access AS
      SELECT TIMESTAMP '2025-10-10 00:00:00' + INTERVAL (i) SECOND AS ts,
             '10.0.' || (i % 250) || '.' || (i % 7) AS ip,
             CASE WHEN i % 13 = 0 THEN 404 ELSE 200 END AS status,
             uas.ua AS user_agent
      FROM range(${REQUESTS}) t(i)
      JOIN uas ON uas.id = CAST(floor(pow(((i * 2654435761) % 1000003) / 1000003.0, 3) * 2500) AS BIGINT);
    COPY access TO ${literal(at('access.csv'))} (HEADER);
    COPY access TO ${literal(at('access.parquet'))} (FORMAT parquet);
  `);
});

after(() => {
  connection?.closeSync();
  db?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

/** What must be the same however the requests were read. */
const figures = (r) => ({
  classified: r.classified,
  modes: r.modes,
  rules: r.rules,
  os: r.os,
  browsers: r.browsers,
  top: r.top,
  topUndetermined: r.topUndetermined,
  unlistedUndeterminedAtMost: r.unlistedUndeterminedAtMost,
  badLines: r.badLines,
});

test('DuckDB GROUP BY → coverage --format counts: exactly the line-by-line report of the same 1,000,000 requests', async () => {
  const lineByLine = coverage([at('access.csv')]);
  assert.equal(lineByLine.classified, REQUESTS);
  assert.deepEqual([lineByLine.inputs[0].format, lineByLine.inputs[0].counted, lineByLine.lines], ['csv', false, REQUESTS + 1]);
  // Fewer distinct user agents than the Space-Saving counter's 10,000 slots: its counts are exact.
  assert.equal(lineByLine.topUndetermined.length, 1000);
  assert.ok(lineByLine.topUndetermined.every((u) => u.overcount === 0));

  // The README's query, as DuckDB writes it: CSV with a header, and JSON lines, from CSV and Parquet.
  await connection.run(`
    COPY (SELECT user_agent, count(*) FROM read_csv(${literal(at('access.csv'))}) GROUP BY user_agent)
      TO ${literal(at('counts.csv'))} (HEADER);
    COPY (SELECT user_agent, count(*) FROM read_parquet(${literal(at('access.parquet'))}) GROUP BY user_agent)
      TO ${literal(at('counts.jsonl'))} (FORMAT json);
  `);
  assert.match(readFileSync(at('counts.csv'), 'utf8').split('\n', 1)[0], /^user_agent,"?count_star\(\)"?$/);
  for (const [file, format] of [
    [at('counts.csv'), 'csv'],
    [at('counts.jsonl'), 'jsonl'],
  ]) {
    const counted = coverage(['--format', 'counts', file]);
    assert.deepEqual([counted.inputs[0].format, counted.inputs[0].counted], [format, true]);
    assert.ok(counted.lines < 3000, `${counted.lines} lines: one per distinct user agent`);
    assert.deepEqual(figures(counted), figures(lineByLine), file);
    // Detected without --format, too.
    assert.deepEqual(figures(coverage([file])), figures(lineByLine), `${file}, detected`);
  }
  assert.ok(statSync(at('access.csv')).size > 100 * statSync(at('counts.csv')).size);
});
