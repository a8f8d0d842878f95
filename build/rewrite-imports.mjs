// What the CDN build's verified-import plugins share: finding a module's `import()` expressions
// and replacing some of them with a call of a loader that checks what it loads.
import path from 'node:path';
import { astNodes } from './ast-nodes.mjs';

/**
 * A rollup `transform` result: each `import('<literal>')` in `code` whose resolved target
 * `replace(targetId)` answers with text is replaced by that text, and an import of `exportName`
 * from `loader` (as `localName`) is prepended on the first line, so later lines keep their
 * positions for the source map. `null` when nothing was replaced.
 */
export async function rewriteImports(context, code, id, { replace, loader, exportName, localName }) {
  if (!code.includes('import(')) return null;
  const edits = [];
  for (const node of astNodes(context.parse(code))) {
    if (node.type !== 'ImportExpression' || node.source.type !== 'Literal' || typeof node.source.value !== 'string') continue;
    const resolved = await context.resolve(node.source.value, id);
    const text = resolved ? await replace(resolved.id) : null;
    if (text) edits.push({ start: node.start, end: node.end, text });
  }
  if (!edits.length) return null;
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { code: `import { ${exportName} as ${localName} } from ${JSON.stringify(path.resolve(loader))};${out}`, map: null };
}
