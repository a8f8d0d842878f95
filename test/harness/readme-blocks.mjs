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
//
// A block nothing here can check is marked on the line before it (blank lines may come between):
//   <!-- readme-check: skip (why) -->
// A language with no checker and no mark fails. To check a new language, add it to `checkers`
// (e.g. `sql: checkSql` run by DuckDB) — the test picks it up.
//
// The fence's info string may name the file a block is checked as: ```js file=server.cjs
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

const SKIP = /^<!--\s*readme-check:\s*skip\s*\((.+)\)\s*-->$/;

const languageAliases = {
  sh: 'sh',
  bash: 'sh',
  shell: 'sh',
  zsh: 'sh',
  console: 'console',
  js: 'js',
  javascript: 'js',
  mjs: 'js',
  cjs: 'cjs',
  jsx: 'jsx',
  ts: 'ts',
  typescript: 'ts',
  mts: 'ts',
  cts: 'cts',
  tsx: 'tsx',
  vue: 'vue',
  html: 'html',
  json: 'json',
  jsonc: 'jsonc',
  json5: 'jsonc',
  csv: 'csv',
};

/** Fenced code blocks of a Markdown text, with the README line each starts on (1-based). */
export function extractBlocks(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*([^`]*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    const body = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).exec(lines[j]);
      if (close) break;
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j]);
    }
    const [tag = '', ...rest] = info.trim().split(/\s+/);
    const attrs = Object.fromEntries(rest.map((a) => a.split('=')).filter((kv) => kv.length === 2));
    let k = i - 1;
    while (k >= 0 && lines[k].trim() === '') k--;
    const skip = k >= 0 ? (SKIP.exec(lines[k].trim())?.[1] ?? null) : null;
    blocks.push({
      index: blocks.length + 1,
      line: i + 1,
      tag,
      lang: languageAliases[tag.toLowerCase()] ?? (tag.toLowerCase() || 'none'),
      attrs,
      code: body.join('\n'),
      skip,
    });
    i = j;
  }
  return blocks;
}

/** Skip marks that stand before no code block (a block was removed, the mark stayed). */
export function strayMarks(markdown) {
  const lines = markdown.split('\n');
  const stray = [];
  lines.forEach((line, i) => {
    if (!SKIP.test(line.trim())) return;
    let k = i + 1;
    while (k < lines.length && lines[k].trim() === '') k++;
    if (!/^ {0,3}(`{3,}|~{3,})/.test(lines[k] ?? '')) stray.push(i + 1);
  });
  return stray;
}

// ---------------------------------------------------------------------------------------------
// Type-checked languages: each block becomes one file of a throwaway app (see readme.test.mjs).

export const typeCheckedExtension = { js: 'js', cjs: 'cjs', jsx: 'jsx', ts: 'ts', cts: 'cts', tsx: 'tsx', vue: 'vue' };

/** The files a block contributes to the app: [{ name, text, readmeLine }] (readmeLine = line 1 of text). */
export function sourceFiles(block) {
  const ext = typeCheckedExtension[block.lang];
  if (ext) return [{ name: block.attrs.file ?? `block-${block.index}.${ext}`, text: block.code, readmeLine: block.line + 1 }];
  if (block.lang === 'html') {
    return htmlModuleScripts(block).map((s, k) => ({
      name: `block-${block.index}-script-${k + 1}.js`,
      text: s.text,
      readmeLine: block.line + 1 + s.line - 1,
    }));
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// HTML

let parse5;
export async function loadHtmlParser() {
  parse5 ??= await import('parse5');
}

function parseHtml(code) {
  const errors = [];
  const options = { onParseError: (e) => errors.push(e), sourceCodeLocationInfo: true };
  const tree = /^\s*<!doctype/i.test(code) ? parse5.parse(code, options) : parse5.parseFragment(code, options);
  const elements = [];
  const walk = (node) => {
    if (node.tagName) elements.push(node);
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(tree);
  return { errors, elements };
}

const attr = (el, name) => el.attrs.find((a) => a.name === name)?.value;

function htmlModuleScripts(block) {
  return parseHtml(block.code)
    .elements.filter((el) => el.tagName === 'script' && attr(el, 'type') === 'module' && !attr(el, 'src'))
    .map((el) => ({ text: el.childNodes.map((c) => c.value ?? '').join(''), line: el.sourceCodeLocation.startTag.endLine }));
}

const globalAttributes = new Set(['id', 'class', 'style', 'slot', 'hidden', 'title', 'dir', 'lang', 'tabindex', 'part', 'role', 'inert']);

function manifestAttributes(tagName) {
  const manifest = JSON.parse(readFileSync(path.join(root, 'dist/custom-elements.json'), 'utf8'));
  for (const mod of manifest.modules) {
    for (const decl of mod.declarations ?? []) {
      if (decl.tagName === tagName) return new Set((decl.attributes ?? []).map((a) => a.name));
    }
  }
  return null;
}

/** `https://cdn.jsdelivr.net/npm/faceid-preflight@1.2.3/dist/x.js` → { version, file } (also unpkg). */
export function cdnReference(url) {
  const m = /^https:\/\/(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/([^@/]+|@[^@/]+\/[^@/]+)(?:@([^/]+))?(\/.*)?$/.exec(url);
  if (!m || m[1] !== pkg.name) return null;
  return { version: m[2] ?? null, file: (m[3] ?? '').replace(/^\//, '') };
}

export const sri = (file) =>
  `sha384-${createHash('sha384')
    .update(readFileSync(path.join(root, file)))
    .digest('base64')}`;

/** Problems with one URL of this package on a CDN (and its integrity attribute, when given). */
export function checkCdnUrl(url, integrity) {
  const ref = cdnReference(url);
  if (!ref) return [];
  const problems = [];
  if (ref.version !== pkg.version) problems.push(`${url}: pin the version (faceid-preflight@${pkg.version}), not ${ref.version ?? 'none'}`);
  if (!ref.file) return [...problems, `${url}: name the file (a bare package URL is whatever the CDN guesses)`];
  const full = path.join(root, ref.file);
  if (!existsSync(full) || !statSync(full).isFile()) return [...problems, `${url}: ${ref.file} is not in the build`];
  if (integrity !== undefined && integrity !== sri(ref.file)) {
    problems.push(`${url}: integrity is not the built file's (run \`npm run readme:cdn\` after \`npm run build\`)`);
  }
  return problems;
}

function checkHtml(block) {
  const { errors, elements } = parseHtml(block.code);
  const problems = errors.map((e) => `HTML parse error ${e.code} at block line ${e.startLine}`);
  for (const el of elements) {
    if (el.tagName === 'script') {
      const src = attr(el, 'src');
      if (src) {
        problems.push(...checkCdnUrl(src, attr(el, 'integrity')));
        if (attr(el, 'integrity') && attr(el, 'crossorigin') === undefined) problems.push(`${src}: integrity needs crossorigin`);
        if (cdnReference(src) && attr(el, 'integrity') === undefined) problems.push(`${src}: show its integrity`);
      }
      if (attr(el, 'type') === 'importmap') {
        const text = el.childNodes.map((c) => c.value ?? '').join('');
        try {
          const map = JSON.parse(text);
          for (const url of Object.values(map.imports ?? {})) problems.push(...checkCdnUrl(url, map.integrity?.[url]));
        } catch (e) {
          problems.push(`import map: ${e.message}`);
        }
      }
    }
    if (el.tagName.startsWith('faceid-')) {
      const known = manifestAttributes(el.tagName);
      if (!known) {
        problems.push(`<${el.tagName}> is not in dist/custom-elements.json`);
        continue;
      }
      for (const { name } of el.attrs) {
        if (!known.has(name) && !globalAttributes.has(name) && !/^(data|aria)-/.test(name))
          problems.push(`<${el.tagName} ${name}>: no such attribute in the manifest`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Shell

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
const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
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

function checkShell(block, prompts) {
  const commands = shellCommands(block.code, { prompts });
  if (commands.length === 0) return ['no command in this block'];
  return commands.flatMap(checkCommand);
}

// ---------------------------------------------------------------------------------------------
// Data

/** JSON with // comments (outside strings) and "…" elisions removed. */
export function stripJsonc(text) {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else out += c;
  }
  return out
    .replace(/,\s*…/g, '')
    .replace(/\{\s*…\s*\}/g, '{}')
    .replace(/\[\s*…\s*\]/g, '[]');
}

function checkJson(block, jsonc) {
  try {
    JSON.parse(jsonc ? stripJsonc(block.code) : block.code);
    return [];
  } catch (e) {
    return [`does not parse: ${e.message}`];
  }
}

/** RFC 4180 fields of one CSV line (no line breaks inside fields in README examples). */
export function csvFields(line) {
  const fields = [];
  const field = /("(?:[^"]|"")*"|[^,"]*)(,|$)/y;
  let m;
  while ((m = field.exec(line))) {
    fields.push(m[1].startsWith('"') ? m[1].slice(1, -1).replaceAll('""', '"') : m[1]);
    if (m[2] === '') return fields;
  }
  throw new Error(`not a CSV line: ${line}`);
}

function checkCsv(block) {
  const rows = block.code.split('\n').filter((l) => l !== '');
  try {
    const widths = rows.map((r) => csvFields(r).length);
    return widths.every((w) => w === widths[0]) ? [] : [`rows have ${[...new Set(widths)].join(' / ')} fields`];
  } catch (e) {
    return [e.message];
  }
}

// ---------------------------------------------------------------------------------------------

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
  ...Object.fromEntries(Object.keys(typeCheckedExtension).map((lang) => [lang, () => []])),
};
