// Where a minified bundle's bytes come from, by its source map: every generated segment (from one
// mapping to the next) is counted for the source file it maps to, and files are grouped as
// ua-parser-js, lit (lit, lit-html, lit-element, @lit/*), @shoelace-style/localize, or ours by
// folder (core/table, handoff, element, …). Unmapped bytes (glue rollup and terser add) are their
// own row. gzip: each group's own text gzipped alone (an upper bound of what it adds), and its
// share of the bundle's gzip by minified bytes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

/** The group a source path (relative to dist/, or anywhere under node_modules/) belongs to. */
export function groupOf(source) {
  const nm = source.lastIndexOf('node_modules/');
  if (nm !== -1) {
    const [scope, name] = source.slice(nm + 'node_modules/'.length).split('/');
    const pkg = scope.startsWith('@') ? `${scope}/${name}` : scope;
    if (pkg === 'lit' || pkg === 'lit-html' || pkg === 'lit-element' || pkg.startsWith('@lit/')) return 'lit';
    return pkg;
  }
  // Ours: tsc's output, by folder under dist/ (core/table/intl.js → core/table).
  const parts = source.split(/[\\/]/);
  if (parts.length === 1) return 'ours: entry files';
  if (parts[0] === 'core' && parts.length > 2) return `ours: core/${parts[1]}`;
  return `ours: ${parts[0]}`;
}

/** Groups a map's sources (relative to the bundle in dist/cdn/) as paths relative to dist/. */
const sourceGroup = (file) => {
  const dist = path.dirname(path.dirname(path.resolve(file)));
  return (source) => groupOf(path.relative(dist, path.resolve(path.dirname(path.resolve(file)), source)));
};

/**
 * A function that maps a position in the bundle (0-based line and column) to its group: the
 * source of the last mapping at or before it on that line (for a CPU profile's call frames).
 */
export function positionGrouper(file) {
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const decoded = decode(map.mappings);
  const groups = map.sources.map(sourceGroup(file));
  return (line, column) => {
    const segments = decoded[line] ?? [];
    let found;
    for (const seg of segments) {
      if (seg[0] > column) break;
      found = seg;
    }
    return found && found.length > 1 ? groups[found[1]] : 'unmapped';
  };
}

/** `{ total: { min, gzip }, groups: [{ group, min, gzipAlone, gzipShare }] }`, biggest first. */
export function attribute(file) {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const lines = code.split('\n');
  const decoded = decode(map.mappings);
  const sourceGroups = map.sources.map(sourceGroup(file));
  const text = new Map(); // group -> array of code pieces
  const add = (group, piece) => {
    if (!piece) return;
    if (!text.has(group)) text.set(group, []);
    text.get(group).push(piece);
  };
  lines.forEach((line, i) => {
    const segments = decoded[i] ?? [];
    if (!segments.length) return add('unmapped', line);
    add('unmapped', line.slice(0, segments[0][0]));
    segments.forEach((seg, k) => {
      const end = k + 1 < segments.length ? segments[k + 1][0] : line.length;
      add(seg.length > 1 ? sourceGroups[seg[1]] : 'unmapped', line.slice(seg[0], end));
    });
  });
  const total = { min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
  const groups = [...text].map(([group, pieces]) => {
    const joined = pieces.join('');
    const min = Buffer.byteLength(joined);
    return { group, min, gzipAlone: gzipSync(joined, { level: 9 }).length, gzipShare: Math.round((min / total.min) * total.gzip) };
  });
  groups.sort((a, b) => b.min - a.min);
  return { total, groups };
}
