// Every node of an ESTree tree (rollup's parse / parseAst), depth first: for the build's plugins
// that rewrite syntax and for the tests that look for it.
export function* astNodes(node) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) yield* astNodes(n);
    return;
  }
  if (typeof node.type === 'string') yield node;
  for (const key of Object.keys(node)) if (key !== 'type') yield* astNodes(node[key]);
}
