// The fenced code blocks of a Markdown text, their language, and the skip marks before them.
import { htmlModuleScripts } from './html.mjs';

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
