// What the coverage tests share: the built command, run as a real process or in this one (where a
// test can read and set the worker pool's knobs), and a scratch folder for the inputs they write.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/faceid-preflight.js', import.meta.url));

/** `faceid-preflight coverage …args` with `input` on stdin; `runJson` asserts exit 0 and parses `--json`. */
export function coverageCommand({ timeout = 60_000 } = {}) {
  const run = (args, input) =>
    spawnSync(process.execPath, [bin, 'coverage', ...args], { input, encoding: 'utf8', timeout, maxBuffer: 1 << 26 });
  /** The report printed, after the exit code expected (1: input that gave nothing but bad lines). */
  const runJson = (args, input, status = 0) => {
    const r = run(['--json', ...args], input);
    assert.equal(r.status, status, r.stderr);
    return JSON.parse(r.stdout);
  };
  return { bin, run, runJson };
}

/** `coverage …args` in this process, with `input` on stdin: its exit code, stdout and stderr. */
export async function coverageInProcess(args, input) {
  const { main } = await import(new URL('../../dist/cli/main.js', import.meta.url).href);
  let stdout = '';
  let stderr = '';
  const out = new PassThrough();
  const err = new PassThrough();
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const stdin = new PassThrough();
  stdin.end(input);
  const code = await main(['coverage', ...args], { stdin, stdout: out, stderr: err, version: 'test' });
  return { code, stdout, stderr };
}

/** A folder removed after the test file; `file(name, content)` writes text, bytes, or an object as JSON. */
export function scratch(prefix) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name, content) => {
    const p = path.join(dir, name);
    writeFileSync(p, typeof content === 'string' || ArrayBuffer.isView(content) ? content : JSON.stringify(content));
    return p;
  };
  return { dir, file };
}
