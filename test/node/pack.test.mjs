// What `npm pack` puts in the tarball (after `npm run build`): the built JavaScript, its types, the
// manifest, the CLI, README and LICENSE — no sources, no source maps, nothing a shipped file needs is
// missing, and nothing it imports is undeclared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { init, parse } from 'es-module-lexer';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

// --ignore-scripts: `prepack` would rebuild dist/ under the other tests' feet (npm test builds first).
const [report] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }),
);
const packed = new Set(report.files.map((f) => f.path));
const read = (file) => readFileSync(path.join(root, file), 'utf8');
const norm = (p) => path.posix.normalize(p.replace(/^\.\//, ''));

/** Every file path a package.json field points at (exports leaves, main, bin, …). */
function targets() {
  const out = [];
  const walk = (v) => (typeof v === 'string' ? out.push(v) : Object.values(v).forEach(walk));
  walk(pkg.exports);
  walk(pkg.bin);
  for (const field of ['main', 'module', 'types', 'unpkg', 'jsdelivr', 'customElements']) if (pkg[field]) out.push(pkg[field]);
  return out.map(norm);
}

/** The package a bare specifier names: `lit/decorators.js` → `lit`, `@lit/task` → `@lit/task`. */
const packageOf = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');
const isBuiltin = (spec) => spec.startsWith('node:') || builtinModules.includes(spec);

test('the tarball holds the build, the CLI, README and LICENSE — and no sources or source maps', () => {
  for (const file of ['package.json', 'README.md', 'LICENSE', 'dist/custom-elements.json'])
    assert.ok(packed.has(file), `${file} is packed`);
  const unwanted = [...packed].filter((f) => /\.map$/.test(f) || /^(src|test|bench|demo|docs|node_modules|\.ci)\//.test(f));
  assert.deepEqual(unwanted, []);
  // Built only for `npm run bench` (rollup.config.mjs says: not published).
  assert.ok(!packed.has('dist/cdn/core.min.js'));
  // The only top-level entries are the ones above: a new folder in the tarball is a decision.
  const top = [...new Set([...packed].map((f) => f.split('/')[0]))].sort();
  assert.deepEqual(top, ['LICENSE', 'README.md', 'bin', 'dist', 'package.json']);
  assert.equal(read('LICENSE').split('\n')[0], `${pkg.license} License`);
});

test('every file package.json points at is in the tarball', () => {
  const all = targets();
  assert.ok(all.length >= 10, 'exports, bin, main, types, unpkg, …');
  assert.deepEqual(
    all.filter((t) => !packed.has(t)),
    [],
  );
});

test('every import of a shipped module resolves inside the tarball or to a declared dependency', async () => {
  await init;
  const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
  const problems = [];
  const js = [...packed].filter((f) => /\.(m?js)$/.test(f));
  const dts = [...packed].filter((f) => f.endsWith('.d.ts'));
  assert.ok(js.length > 20 && dts.length > 20);
  const check = (file, spec, relative) => {
    if (spec.startsWith('.')) {
      const target = norm(path.posix.join(path.posix.dirname(file), relative(spec)));
      if (!packed.has(target)) problems.push(`${file}: ${spec} → ${target} is not packed`);
    } else if (!isBuiltin(spec) && !declared.has(packageOf(spec))) {
      problems.push(`${file}: imports ${spec}, which is not a dependency or peer dependency`);
    }
  };
  for (const file of js) {
    const [imports] = parse(read(file), file);
    for (const i of imports) if (i.n) check(file, i.n, (s) => s);
  }
  // Declaration files: `from './x.js'` means ./x.d.ts.
  for (const file of dts) {
    for (const [, spec] of read(file).matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
      check(file, spec, (s) => s.replace(/\.js$/, '.d.ts'));
    }
  }
  assert.deepEqual(problems, []);
});

test('the CDN folder ships the CDN entry and the files it loads, nothing else', async () => {
  await init;
  const entry = norm(pkg.unpkg);
  const reachable = new Set();
  const visit = (file) => {
    if (reachable.has(file) || !packed.has(file)) return;
    reachable.add(file);
    const [imports] = parse(read(file), file);
    for (const i of imports) if (i.n?.startsWith('.')) visit(norm(path.posix.join(path.posix.dirname(file), i.n)));
    // Languages are data the entry fetches by a pinned hash (build/verified-languages.mjs).
    for (const [, pinned] of read(file).matchAll(/\{file:"([^"]+)",integrity:"sha384-/g))
      reachable.add(norm(path.posix.join(path.posix.dirname(file), pinned)));
  };
  visit(entry);
  assert.ok(reachable.size > 1, 'the entry and at least one language file');
  assert.deepEqual(
    [...reachable].filter((f) => !packed.has(f)).sort(),
    [],
    'every file the entry loads (the stage, each language) is in the tarball',
  );
  const shipped = [...packed].filter((f) => f.startsWith(path.posix.dirname(entry) + '/'));
  assert.deepEqual(shipped.filter((f) => !reachable.has(f)).sort(), []);
});

test('a shipped file refers only to source maps that are shipped', () => {
  // The CDN files included: a comment naming a map the CDN does not have costs every DevTools user a warning.
  const dangling = [];
  for (const file of packed) {
    if (!/\.(js|d\.ts)$/.test(file)) continue;
    const m = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(read(file));
    if (m && !packed.has(norm(path.posix.join(path.posix.dirname(file), m[1])))) dangling.push(`${file} → ${m[1]}`);
  }
  assert.deepEqual(dangling, []);
});

test('installing the package installs no peer it does not need (no @types/react in a non-React app)', () => {
  // npm installs a dependency's non-optional peers: each runtime dependency must have none, or
  // only peers that are our own runtime dependencies.
  const found = [];
  for (const dep of Object.keys(pkg.dependencies)) {
    const dp = JSON.parse(read(`node_modules/${dep}/package.json`));
    for (const peer of Object.keys(dp.peerDependencies ?? {})) {
      if (!dp.peerDependenciesMeta?.[peer]?.optional && !(peer in pkg.dependencies)) found.push(`${dep} → ${peer}`);
    }
  }
  assert.deepEqual(found, []);
  // React and @lit/react are for faceid-preflight/react only: optional peers.
  for (const peer of ['react', '@lit/react']) {
    assert.ok(pkg.peerDependencies[peer] && pkg.peerDependenciesMeta[peer]?.optional, `${peer} is an optional peer`);
    assert.ok(!(peer in pkg.dependencies));
  }
});

test('no install script: the build runs on prepack, not on every install', () => {
  for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) assert.equal(pkg.scripts[script], undefined, script);
  assert.match(pkg.scripts.prepack, /npm run build/);
  assert.match(pkg.scripts.prebuild, /npm run clean/); // a file whose source is gone is not shipped
  // What needs dist/ builds it first.
  for (const script of ['start', 'test:node', 'test:browser']) assert.match(pkg.scripts[`pre${script}`] ?? '', /npm run build/, script);
  for (const script of ['test', 'bench', 'bench:peers']) assert.match(pkg.scripts[script], /^npm run build && /, script);
});

test('ESM only, and CommonJS can still require() it on the Node versions in engines', () => {
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.engines.node, '^20.19.0 || >=22.12.0'); // require(esm) without a flag
  const require = createRequire(path.join(root, 'package.json'));
  const core = require('faceid-preflight/core');
  assert.equal(
    core.predictFromUserAgent(
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    ).mode,
    'reflection',
  );
});

test('repository, bugs and homepage name the same GitHub repository', () => {
  const repo = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
  assert.match(repo, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
  assert.equal(pkg.bugs.url, `${repo}/issues`);
  assert.ok(pkg.homepage.startsWith(repo));
});
