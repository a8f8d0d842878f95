// The published declarations, as an app with `exactOptionalPropertyTypes` sees them: every option a
// caller passes may be an explicit `undefined` (a header that is absent, a setting not made), which
// `?: T` alone refuses there. Compiled by the real tsc against dist/*.d.ts; a second file that
// breaks the rule on purpose shows the check bites.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = (file) => path.join(root, 'dist', file);

function compile(source) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faceid-exact-optional-'));
  try {
    const file = path.join(dir, 'app.ts');
    writeFileSync(file, source);
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    const args = ['--noEmit', '--strict', '--exactOptionalPropertyTypes', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
    return spawnSync(process.execPath, [tsc, ...args, '--lib', 'es2022,dom', '--types', 'node', file], { encoding: 'utf8', cwd: root });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const header = `
import { predictFromUserAgent, type ClientHints, type PredictOptions } from '${dist('core/index.js')}';
import { predictHere } from '${dist('probes/predict-here.js')}';
import type { ProbeGlobals } from '${dist('probes/probes.js')}';
declare const maybe: <T>() => T | undefined;
`;

test('every input option takes an explicit undefined under exactOptionalPropertyTypes', () => {
  const r = compile(`${header}
const hints: ClientHints = { platformVersion: maybe<string>(), model: maybe<string>(), platform: maybe<string>(), mobile: maybe<boolean>(), fullVersionList: maybe<Array<{ brand: string; version: string }>>() };
const options: PredictOptions = { profile: maybe<'intl' | 'mainland'>(), clientHints: maybe<ClientHints>(), maxTouchPoints: maybe<number>() };
predictFromUserAgent('ua', options);
predictFromUserAgent('ua', { clientHints: hints });
const globals: ProbeGlobals = { isSecureContext: maybe<boolean>(), navigator: maybe<Navigator>(), document: maybe<Document>(), RTCPeerConnection: maybe<typeof RTCPeerConnection>(), RTCRtpSender: maybe<typeof RTCRtpSender>(), MediaRecorder: maybe<typeof MediaRecorder>() };
void predictHere(globals, { profile: maybe<'intl'>(), signal: maybe<AbortSignal>(), deadlineMs: maybe<number>() });
`);
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('the check bites: a field typed without undefined is refused', () => {
  const r = compile(`${header}
interface Strict { profile?: 'intl' }
const strict: Strict = { profile: maybe<'intl'>() };
void strict;
`);
  assert.notEqual(r.status, 0);
  assert.match(r.stdout, /TS2375/);
});
