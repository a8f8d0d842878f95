// Shell and console blocks: every command exists — npm scripts in package.json, the CLI's
// subcommands and flags in its --help, other programs on PATH.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pkg, root } from './package.mjs';

/** Shell words and operators of one command line: quotes and backslashes, `#` comments. */
export function shellWords(line) {
  const out = [];
  let word = null;
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else if (/\s/.test(c)) {
      if (word !== null) out.push(word);
      word = null;
    } else if (c === '#' && word === null) {
      break;
    } else if ('|&;'.includes(c)) {
      if (word !== null) out.push(word);
      word = null;
      const two = line.slice(i, i + 2);
      if (two === '&&' || two === '||') {
        out.push({ op: two });
        i++;
      } else out.push({ op: c });
    } else {
      word = (word ?? '') + c;
    }
  }
  if (quote) throw new Error(`unbalanced ${quote} in: ${line}`);
  if (word !== null) out.push(word);
  return out;
}

/** Commands of a shell block: one array of words per simple command (env and redirections removed). */
export function shellCommands(code, { prompts = false } = {}) {
  const logical = [];
  let pending = null;
  for (const raw of code.split('\n')) {
    let line = raw;
    if (pending === null) {
      if (prompts) {
        if (!line.startsWith('$ ')) continue;
        line = line.slice(2);
      }
    } else if (prompts && line.startsWith('> ')) line = line.slice(2);
    const cont = /\\$/.test(line);
    pending = (pending ?? '') + (cont ? line.slice(0, -1) : line);
    if (!cont) {
      logical.push(pending);
      pending = null;
    }
  }
  if (pending !== null) logical.push(pending);
  const commands = [];
  for (const line of logical) {
    let current = [];
    for (const w of [...shellWords(line), { op: ';' }]) {
      if (typeof w === 'object') {
        if (current.length) commands.push(current);
        current = [];
        continue;
      }
      current.push(w);
    }
  }
  return commands.map(stripRedirectionsAndEnv).filter((c) => c.length);
}

function stripRedirectionsAndEnv(words) {
  const out = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (/^\d*(>>?|<)(&\d+)?$/.test(w)) {
      if (!/&\d+$/.test(w)) i++; // the target is the next word
      continue;
    }
    if (/^\d*(>>?|<)\S/.test(w)) continue; // >file, 2>&1
    if (out.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) continue;
    if (out.length === 0 && w === 'sudo') continue;
    out.push(w);
  }
  return out;
}

const helpCache = new Map();
function cliHelp(sub) {
  if (!helpCache.has(sub)) {
    const args = [path.join(root, 'bin/faceid-preflight.js'), ...(sub ? [sub] : []), '--help'];
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 20_000 });
    helpCache.set(sub, r);
  }
  return helpCache.get(sub);
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The CLI: the subcommand answers --help, and every flag given is one its help lists. */
export function checkCli(args) {
  const sub = args.find((a) => !a.startsWith('-')) ?? null;
  const help = cliHelp(sub);
  if (help.status !== 0)
    return [`faceid-preflight ${sub ?? ''} --help exits ${help.status}: ${(help.stderr || help.stdout).trim().split('\n')[0]}`];
  const problems = [];
  for (const a of args) {
    if (!a.startsWith('-') || a === '-') continue;
    const flag = a.split('=')[0];
    if (!new RegExp(`(^|[\\s,])${escapeRe(flag)}(?=[\\s,=<]|$)`, 'm').test(help.stdout))
      problems.push(`faceid-preflight ${sub}: ${flag} is not in its --help`);
  }
  return problems;
}

const declaredPackages = new Set([pkg.name, ...Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.devDependencies })]);
const onPath = (cmd) => spawnSync('sh', ['-c', 'command -v "$1"', 'sh', cmd], { stdio: 'ignore' }).status === 0;
const npmBuiltins = new Set(['pack', 'publish', 'exec', 'init', 'ls', 'explain', 'ci', 'version']);

function checkCommand(words) {
  const [cmd, ...args] = words;
  if (cmd === 'npm') {
    const [sub, ...rest] = args;
    if (['install', 'i', 'add', 'ci'].includes(sub)) {
      const unknown = rest
        .filter((a) => !a.startsWith('-'))
        .map((a) => a.replace(/(.)@.*$/, '$1'))
        .filter((name) => !declaredPackages.has(name));
      return unknown.map((name) => `npm install ${name}: not this package nor one it declares`);
    }
    if (['start', 'test', 'stop', 'restart'].includes(sub)) return pkg.scripts[sub] ? [] : [`npm ${sub}: no "${sub}" script`];
    if (sub === 'run' || sub === 'run-script') return pkg.scripts[rest[0]] ? [] : [`npm run ${rest[0]}: no such script in package.json`];
    return npmBuiltins.has(sub) ? [] : [`npm ${sub}: not a command this README should need`];
  }
  if (cmd === 'npx') {
    const [bin, ...rest] = args.filter((a, i) => !(i === 0 && a.startsWith('-')));
    const name = bin.replace(/(.)@.*$/, '$1');
    if (name === pkg.name || name in (pkg.bin ?? {})) return checkCli(rest);
    return existsSync(path.join(root, 'node_modules/.bin', name)) ? [] : [`npx ${name}: not installed by this package`];
  }
  if (cmd in (pkg.bin ?? {})) return checkCli(args);
  if (cmd === 'node') {
    const file = args.find((a) => !a.startsWith('-'));
    return file && !existsSync(path.join(root, file)) ? [`node ${file}: no such file`] : [];
  }
  if (['cd', 'export', 'echo', 'cat', 'true'].includes(cmd)) return [];
  return onPath(cmd) ? [] : [`${cmd}: not a command on this machine`];
}

export function checkShell(block, prompts) {
  const commands = shellCommands(block.code, { prompts });
  if (commands.length === 0) return ['no command in this block'];
  return commands.flatMap(checkCommand);
}
