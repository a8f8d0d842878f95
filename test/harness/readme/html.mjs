// HTML blocks: parse errors, inline module scripts (type-checked with the other sources),
// <faceid-*> attributes against the element manifest, CDN script URLs and their integrity.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkCdnUrl, cdnReference } from './cdn.mjs';
import { root } from './package.mjs';

let parse5;
export async function loadHtmlParser() {
  parse5 ??= await import('parse5');
}

function parseHtml(code) {
  const errors = [];
  const options = { onParseError: (e) => errors.push(e), sourceCodeLocationInfo: true };
  const tree = /^\s*<!doctype/i.test(code) ? parse5.parse(code, options) : parse5.parseFragment(code, options);
  const elements = [];
  const walk = (node) => {
    if (node.tagName) elements.push(node);
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(tree);
  return { errors, elements };
}

const attr = (el, name) => el.attrs.find((a) => a.name === name)?.value;

export function htmlModuleScripts(block) {
  return parseHtml(block.code)
    .elements.filter((el) => el.tagName === 'script' && attr(el, 'type') === 'module' && !attr(el, 'src'))
    .map((el) => ({ text: el.childNodes.map((c) => c.value ?? '').join(''), line: el.sourceCodeLocation.startTag.endLine }));
}

const globalAttributes = new Set(['id', 'class', 'style', 'slot', 'hidden', 'title', 'dir', 'lang', 'tabindex', 'part', 'role', 'inert']);

function manifestAttributes(tagName) {
  const manifest = JSON.parse(readFileSync(path.join(root, 'dist/custom-elements.json'), 'utf8'));
  for (const mod of manifest.modules) {
    for (const decl of mod.declarations ?? []) {
      if (decl.tagName === tagName) return new Set((decl.attributes ?? []).map((a) => a.name));
    }
  }
  return null;
}

export function checkHtml(block) {
  const { errors, elements } = parseHtml(block.code);
  const problems = errors.map((e) => `HTML parse error ${e.code} at block line ${e.startLine}`);
  for (const el of elements) {
    if (el.tagName === 'script') {
      const src = attr(el, 'src');
      if (src) {
        problems.push(...checkCdnUrl(src, attr(el, 'integrity')));
        if (attr(el, 'integrity') && attr(el, 'crossorigin') === undefined) problems.push(`${src}: integrity needs crossorigin`);
        if (cdnReference(src) && attr(el, 'integrity') === undefined) problems.push(`${src}: show its integrity`);
      }
      if (attr(el, 'type') === 'importmap') {
        const text = el.childNodes.map((c) => c.value ?? '').join('');
        try {
          const map = JSON.parse(text);
          for (const url of Object.values(map.imports ?? {})) problems.push(...checkCdnUrl(url, map.integrity?.[url]));
        } catch (e) {
          problems.push(`import map: ${e.message}`);
        }
      }
    }
    if (el.tagName.startsWith('faceid-')) {
      const known = manifestAttributes(el.tagName);
      if (!known) {
        problems.push(`<${el.tagName}> is not in dist/custom-elements.json`);
        continue;
      }
      for (const { name } of el.attrs) {
        if (!known.has(name) && !globalAttributes.has(name) && !/^(data|aria)-/.test(name))
          problems.push(`<${el.tagName} ${name}>: no such attribute in the manifest`);
      }
    }
  }
  return problems;
}
