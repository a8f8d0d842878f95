// Every node of an ESTree tree (rollup's parseAst), depth first: for tests that look for syntax.
export function* astNodes(node) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) yield* astNodes(n);
    return;
  }
  if (typeof node.type === 'string') yield node;
  for (const key of Object.keys(node)) if (key !== 'type') yield* astNodes(node[key]);
}
