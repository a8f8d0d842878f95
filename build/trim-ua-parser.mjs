// A rollup plugin for the browser builds: ua-parser-js 1.x keeps one list of regexes per getter
// (browser, cpu, device, engine, os) and builds them all when it loads; the engine calls only
// getOS() and getDevice(). The lists no getter of the bundle reads are emptied, and the build
// fails if any module of the bundle calls a getter whose list was emptied (so a new call can
// never silently get an empty answer). ua-parser-js itself is not otherwise changed.
//
// test/node/ua-parser-trim.test.mjs proves that getOS()/getDevice() give the same answers, over
// every fixture user agent, with and without the trim.

/** The getters that read each list (getResult reads them all). */
export const gettersOf = { browser: ['getBrowser'], cpu: ['getCPU'], device: ['getDevice'], engine: ['getEngine'], os: ['getOS'] };

/**
 * ua-parser-js's source with the `regexes` lists not in `keep` replaced by `[]`.
 * @param {(code: string) => import('estree').Program} parse
 */
export function trimUaParserSource(code, keep, parse) {
  let map;
  (function find(node) {
    if (map || !node || typeof node !== 'object') return;
    if (node.type === 'VariableDeclarator' && node.id?.name === 'regexes' && node.init?.type === 'ObjectExpression') {
      map = node.init;
      return;
    }
    for (const key of Object.keys(node)) if (typeof node[key] === 'object') find(node[key]);
  })(parse(code));
  if (!map) throw new Error('ua-parser-js: no `var regexes = { … }` found (a new version? check build/trim-ua-parser.mjs)');
  const lists = map.properties.filter((p) => p.type === 'Property' && p.value.type === 'ArrayExpression');
  const names = lists.map((p) => p.key.name ?? p.key.value);
  for (const name of keep) if (!names.includes(name)) throw new Error(`ua-parser-js: no regexes.${name} list`);
  let out = code;
  for (const p of lists.filter((q) => !keep.includes(q.key.name ?? q.key.value)).sort((a, b) => b.value.start - a.value.start)) {
    out = `${out.slice(0, p.value.start)}[]${out.slice(p.value.end)}`;
  }
  return out;
}

/** @param {{ keep: Array<keyof typeof gettersOf> }} options  the lists the bundle's code reads */
export function trimUaParser({ keep }) {
  const emptied = Object.keys(gettersOf).filter((k) => !keep.includes(k));
  const forbidden = new RegExp(`\\.(?:${[...emptied.flatMap((k) => gettersOf[k]), 'getResult'].join('|')})\\s*\\(`);
  const isUaParser = (id) => /node_modules[\\/]ua-parser-js[\\/]/.test(id);
  return {
    name: 'trim-ua-parser',
    transform(code, id) {
      if (!isUaParser(id) || !/[\\/]ua-parser(\.min)?\.js$/.test(id)) return null;
      return { code: trimUaParserSource(code, keep, (c) => this.parse(c)), map: null };
    },
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of Object.keys(chunk.modules)) {
          if (isUaParser(id)) continue;
          const hit = this.getModuleInfo(id)?.code?.match(forbidden);
          if (hit)
            this.error(
              `${id} calls ua-parser-js's ${hit[0].slice(1, -1).trim()}(), whose regexes this build empties: add its list to trimUaParser({ keep }) in rollup.config.mjs`,
            );
        }
      }
    },
  };
}
