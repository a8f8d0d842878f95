// `npm run lint`. Syntax-level rules only (the type check is `npm run typecheck`), so it stays fast.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['dist/', 'node_modules/', 'test-artifacts/', 'test/fixtures/', 'bench/peers/node_modules/', 'bench/peers/out/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed: deliberately unused (a parameter a signature needs).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  // Where code runs: the browser (the package's src/, the demo, browser tests), Node (tools, tests).
  { files: ['src/**/*.ts', 'demo/**/*.ts', 'test/browser/**', 'test/csp/**'], languageOptions: { globals: globals.browser } },
  { files: ['**/*.{js,mjs,cjs}', 'src/cli/**', 'src/core/**'], languageOptions: { globals: globals.node } },
  {
    // Node scripts that drive a browser: the functions they hand to page.evaluate() run in the page.
    files: [
      'bench/browser.mjs',
      'bench/first-prediction.mjs',
      'bench/memory.mjs',
      'bench/peers/bench.mjs',
      'docs/screenshot-states.mjs',
      'test/node/demo.test.mjs',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['test/browser/**'],
    languageOptions: { globals: globals.mocha },
    // chai's property assertions (`expect(x).to.be.true`) are expressions by design.
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // These modules exist to find control characters in untrusted text.
    files: ['src/handoff/url-check.ts', 'src/handoff/host-patterns.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // test/node/coverage.test.mjs: comma sequences in its small CSV reader (kept terse on purpose).
    files: ['test/node/coverage.test.mjs'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  // test/browser/hardening-leaks.test.ts: `let handle` is read by a closure made before it is assigned.
  { files: ['test/browser/hardening-leaks.test.ts'], rules: { 'prefer-const': 'off' } },
  // Lit templates and custom elements: the element, and the demo's own Lit components.
  { files: ['src/element/**/*.ts', 'demo/**/*.ts'], extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']] },
);
