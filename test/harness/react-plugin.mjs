// Serves React and ReactDOM to browser tests as one ES module with named exports. Both packages are
// CommonJS whose entry picks a build from process.env.NODE_ENV at run time, which the dev server's
// CommonJS conversion cannot turn into named exports; esbuild bundles them once, in memory.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const PATH = '/__react/react-all.js';
const SPECIFIERS = new Set(['react', 'react-dom', 'react-dom/client']);

async function bundle() {
  // Their export names, read in a child process (loading React inside the test runner's own
  // process would run it against the runner's patched console).
  const listed = spawnSync(
    process.execPath,
    ['-e', "console.log(JSON.stringify(['react', 'react-dom', 'react-dom/client'].flatMap((m) => Object.keys(require(m)))))"],
    { cwd: process.cwd(), encoding: 'utf8' },
  );
  if (listed.status !== 0) throw new Error(`react-plugin: cannot load React: ${listed.stderr}`);
  const names = new Set(JSON.parse(listed.stdout));
  names.delete('default');
  const contents = [
    "import * as React from 'react';",
    "import * as ReactDOM from 'react-dom';",
    "import * as ReactDOMClient from 'react-dom/client';",
    'const all = { ...React, ...ReactDOM, ...ReactDOMClient };',
    'export default all;',
    ...[...names].filter((n) => /^[A-Za-z_$][\w$]*$/.test(n)).map((n) => `export const ${n} = all[${JSON.stringify(n)}];`),
  ].join('\n');
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'esm',
    write: false,
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

export function reactPlugin() {
  let code;
  return {
    name: 'react-as-esm',
    resolveImport({ source }) {
      if (SPECIFIERS.has(source)) return PATH;
      return undefined;
    },
    async serve(context) {
      if (context.path !== PATH) return undefined;
      code ??= bundle();
      return { body: await code, type: 'js' };
    },
  };
}
