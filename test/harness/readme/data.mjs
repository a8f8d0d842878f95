// Data blocks: JSON parses (JSONC once its comments and "…" elisions are gone); CSV rows agree on
// their number of fields.

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

export function checkJson(block, jsonc) {
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

export function checkCsv(block) {
  const rows = block.code.split('\n').filter((l) => l !== '');
  try {
    const widths = rows.map((r) => csvFields(r).length);
    return widths.every((w) => w === widths[0]) ? [] : [`rows have ${[...new Set(widths)].join(' / ')} fields`];
  } catch (e) {
    return [e.message];
  }
}
