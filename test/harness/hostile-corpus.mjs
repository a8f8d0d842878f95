// A generated corpus of hostile user agents (100,000 by default), and how long the slowest takes.
//
// Nothing is stored: a seeded PRNG (mulberry32) makes the same corpus on every run and machine, so a
// failure names an index that reproduces. Five kinds of input, each built to hurt a UA parser:
//
//   fixed     the hand-made inputs of hostile-inputs.mjs (1 MB strings, NUL runs, …)
//   mutated   real fixture UAs, mutated 1-4 times: truncated, sliced and repeated, crossed with
//             another UA, long digit runs, whitespace runs, unicode (lone surrogates, bidi
//             overrides, full-width and Arabic-Indic digits, case-folding traps like İ, ſ, K),
//             NULs and C0/C1 controls, case flips, broken parentheses, extra app tokens
//   aimed     shapes aimed at OUR patterns: every literal run of every pattern in
//             src/core/environment/tokens.ts and model-codes.ts (read from the built module, so a
//             new pattern is covered without editing this file), plus parse.ts's and makers.ts's
//             own, each pumped with the characters its quantifiers eat and a near-miss tail, bare,
//             inside an Android UA's first parenthesis (where the model token is read) or around a
//             real UA; lengths cluster around the limits (ua-parser-js reads 500 characters, our
//             parser 640 + 640)
//   advisory  after ua-parser-js's past ReDoS advisories: CVE-2020-7733 (the Redmi / Mi Pad
//             regex: a brand token followed by a long run it may split many ways), CVE-2020-7793
//             (`A*A+`-style adjacent quantifiers: whitespace and separator runs between tokens),
//             CVE-2021-27292 (a browser regex with exponential backtracking: alternating
//             token/separator runs), CVE-2022-25927 (its trim(): a long whitespace run *inside* the
//             string, which bypassed the length cap), CVE-2026-48125 (2.x: Client Hints copied
//             without the length cap — here as hostile `clientHints` options)
//   options   real and hostile UAs with hostile options: Client Hints (huge versions, models,
//             brand lists, wrong types), maxTouchPoints (NaN, ±Infinity, huge), both profiles
//
// Shared by test/node/hostile-ua.test.mjs (every result valid) and bench/hostile-corpus.mjs (the
// slowest input).
import { readFileSync } from 'node:fs';
import { browserTokens, osTokens } from '../../dist/core/environment/tokens.js';
import { modelCodeFamilies } from '../../dist/core/environment/model-codes.js';
import { hostileUserAgents } from './hostile-inputs.mjs';
import { mulberry32 } from './prng.mjs';

export const DEFAULT_COUNT = 100_000;
export const DEFAULT_SEED = 0x5eed_fade;

/** The corpus's random choices, from a seeded mulberry32. */
function prng(seed) {
  const next = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

const fixtures = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
/** Every real user agent of the fixtures (the shared file, then ours): what the corpus mutates. */
export const realUserAgents = [...fixtures('user-agents.json'), ...fixtures('extra-user-agents.json')].map((f) => f.ua);
const REAL_ANDROID = realUserAgents.filter((ua) => /Android/.test(ua));

/**
 * The literal runs (2+ characters) of a regex source: the tokens a pattern looks for
 * (`MQQBrowser/`, `Build/`, `HONOR`, `CPH2381`, …). Escapes of punctuation count as literals;
 * classes, groups, quantifiers and anchors end a run.
 */
export function literalRuns(source) {
  const runs = [];
  let run = '';
  const end = () => {
    if (run.length >= 2) runs.push(run);
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const n = source[++i];
      if (/[bBdDsSwW]/.test(n)) end();
      else run += n;
    } else if (c === '[') {
      end();
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
    } else if (c === '(') {
      end();
      if (source[i + 1] === '?') i += source[i + 2] === '<' ? 3 : 2; // (?: (?= (?! (?<= (?<!
    } else if ('?*+'.includes(c)) {
      run = run.slice(0, -1); // the quantified character may be absent
      end();
    } else if (c === '{') {
      run = run.slice(0, -1);
      end();
      while (i < source.length && source[i] !== '}') i++;
    } else if (')|^$.'.includes(c)) end();
    else run += c;
  }
  end();
  return runs;
}

// Patterns that live inside parse.ts / makers.ts (not exported), by their literal runs.
const INTERNAL_TOKENS = [
  'Build/',
  'Build/HUAWEI',
  'Build/HONOR',
  'Android 10; K;',
  'Android 10; K)',
  'Mac OS X 10_15',
  'Mac OS X 10.15',
  'XWEB/',
  'TBS/',
  'UWS/',
  'UCBS/',
  'U4/',
  'TTWebView',
  'bytedancewebview',
  'ArkWeb/',
  'Gecko/',
  'AppleWebKit/',
  'Presto',
  'Trident',
  'HarmonyOS',
  'HMSCore',
  'GMSCore',
  'OpenHarmony',
  'Linux',
  'Android',
  'Mobile',
  'Tablet',
  'arm64-v8a',
  'zh-Hans-CN',
  'wv',
  'iPhone OS 18_6',
  'Version/26.0',
  'Safari/',
  'like Mac OS X',
  'KHTML, like Gecko',
];

export const FRAGMENTS = [
  ...new Set([
    ...browserTokens.flatMap((t) => [...literalRuns(t.pattern.source), ...(t.version ? literalRuns(t.version.source) : [])]),
    ...osTokens.flatMap((t) => literalRuns(t.pattern.source)),
    ...modelCodeFamilies.flatMap((f) => literalRuns(f.pattern.source)),
    ...INTERNAL_TOKENS,
  ]),
];

// What the quantifiers of those patterns eat: digits and dots (`\d[\d.]*`), underscores (iOS
// versions), spaces (`\s+`, `\s?`), word characters (`\w+`), separators, parentheses.
const FILLERS = [
  '1',
  '9',
  '0',
  '.',
  '1.',
  '.1',
  '1..',
  '_1',
  '1_',
  '-1',
  '1-',
  ' ',
  '  ',
  '\t',
  ' 1',
  ';',
  '; ',
  ' ;',
  '/',
  '/1',
  '1/',
  'a',
  'A',
  'a1',
  'A-',
  '-',
  '_',
  '(',
  ')',
  '()',
  ')(',
  ' Build',
  ' Build/',
  'x ',
  ' x',
  'AN',
  'AL00',
  'W09',
  'HN',
  '\u00a0',
  '\u3000',
  '\u0000',
  '１',
  '٣',
  '😀',
];
// Near-misses at the end of a pumped run: what would complete a match, or almost.
const TAILS = [
  '',
  '!',
  'x',
  ' ',
  ' TBS',
  ' TBS/',
  ' TBS/1',
  'Chrome/',
  ' Chrome/1',
  ' Safari',
  ' Safari/',
  ')',
  ';',
  ' Build/',
  '/',
  '\u0000',
  '.',
  '-',
];

// Characters that trip parsers: controls, bidi, zero-width, lone surrogates, look-alikes, case-folding traps.
const UNICODE = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
  '\u00a0',
  '\u00ad',
  '\u0301',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u202e',
  '\u2028',
  '\u2029',
  '\u2066',
  '\u3000',
  '\ufeff',
  '\ufffd',
  '\uffff',
  '\ud800',
  '\udfff',
  '\u{1f600}',
  '\u{10ffff}',
  'İ',
  'ı',
  'ſ',
  '\u212a',
  'Ａ',
  '１',
  '٣',
  '۹',
  '߀',
  '；',
  '（',
  '）',
  '／',
  'а',
  'о',
  'е',
  '中',
];
const WHITESPACE = [' ', '\t', '\n', '\r', '\u00a0', '\u1680', '\u2000', '\u200a', '\u3000', '\ufeff', '\u0085'];

/** Lengths clustered around the limits that matter, plus a spread. */
function runLength(r) {
  const limit = r.pick([499, 500, 501, 639, 640, 641, 1279, 1280, 1281, 1282]);
  switch (r.int(0, 5)) {
    case 0:
      return r.int(1, 16);
    case 1:
      return r.int(16, 200);
    case 2:
      return r.int(200, 700);
    case 3:
      return r.int(700, 1500);
    case 4:
      return Math.max(1, limit + r.int(-3, 3));
    default:
      return r.chance(0.3) ? r.int(1500, 6000) : r.int(1, 1500);
  }
}

const repeatTo = (s, n) => (s === '' ? '' : s.repeat(Math.max(1, Math.ceil(n / s.length))).slice(0, Math.max(1, n)));
const insertAt = (s, i, x) => s.slice(0, i) + x + s.slice(i);
const randomVersion = (r) =>
  Array.from({ length: r.int(1, 6) }, () => String(r.int(0, r.chance(0.1) ? 1e9 : 200))).join(r.pick(['.', '.', '_', '-']));

// Cyrillic and full-width look-alikes, the Kelvin sign (K under /i with u) and the long s (s under /iu).
const HOMOGLYPHS = {
  a: 'а',
  o: 'о',
  e: 'е',
  c: 'с',
  p: 'р',
  i: 'і',
  K: '\u212a',
  s: 'ſ',
  '/': '／',
  ';': '；',
  '(': '（',
  ')': '）',
  1: '１',
};

// ─── mutations of a real UA ──────────────────────────────────────────────────────────────────
const mutations = [
  function truncate(s, r) {
    const i = r.int(0, s.length);
    return r.pick([() => s.slice(0, i), () => s.slice(i), () => s.slice(0, i) + s.slice(r.int(i, s.length))])();
  },
  function repeatSlice(s, r) {
    const i = r.int(0, s.length);
    const j = Math.min(s.length, i + r.int(1, 40));
    return insertAt(s, j, s.slice(i, j).repeat(Math.ceil(runLength(r) / Math.max(1, j - i))));
  },
  function crossover(s, r) {
    const other = r.pick(realUserAgents);
    return s.slice(0, r.int(0, s.length)) + other.slice(r.int(0, other.length));
  },
  function digitRun(s, r) {
    // After a `/` or a space when there is one: where a version is read.
    const anchors = [...s.matchAll(/[/ ]/g)].map((m) => m.index + 1);
    const at = anchors.length && r.chance(0.8) ? r.pick(anchors) : r.int(0, s.length);
    return insertAt(s, at, repeatTo(r.pick(['9', '1.', '0_', '.', '1.1 ', '-1', '١', '９', '1e5']), runLength(r)));
  },
  function whitespaceRun(s, r) {
    return insertAt(s, r.int(0, s.length), repeatTo(r.pick(WHITESPACE) + (r.chance(0.3) ? r.pick(WHITESPACE) : ''), runLength(r)));
  },
  function unicode(s, r) {
    let out = s;
    for (let k = r.int(1, 20); k > 0; k--)
      out = insertAt(out, r.int(0, out.length), r.chance(0.2) ? r.pick(UNICODE).repeat(r.int(1, 300)) : r.pick(UNICODE));
    return out;
  },
  function controls(s, r) {
    let out = s;
    for (let k = r.int(1, 10); k > 0; k--) {
      const i = r.int(0, out.length - 1); // may split a surrogate pair: a lone half is hostile too
      out = out.slice(0, i) + String.fromCharCode(r.chance(0.5) ? 0 : r.int(1, 31)) + out.slice(i + 1);
    }
    return out;
  },
  function caseFlip(s, r) {
    return r.pick([
      () => s.toUpperCase(),
      () => s.toLowerCase(),
      () => s.replace(/[a-z]/gi, (c) => (r.chance(0.5) ? c.toUpperCase() : c.toLowerCase())),
    ])();
  },
  function parentheses(s, r) {
    return r.pick([
      () => s.replace(/\)/g, ''),
      () => s.replace(/\(/g, ''),
      () => s.replace(/;/g, ';'.repeat(r.int(2, 50))),
      () => s.replace(/; /g, repeatTo('; ', runLength(r))),
      () => insertAt(s, r.int(0, s.length), repeatTo(r.pick(['(', ')', '((', '()', ')(', '(;']), runLength(r))),
      () => s.replace(/[()]/g, (c) => (c === '(' ? ')' : '(')),
    ])();
  },
  function appToken(s, r) {
    const token = r.pick(FRAGMENTS) + (r.chance(0.7) ? randomVersion(r) : '');
    return r.chance(0.3)
      ? insertAt(s, r.int(0, s.length), ` ${token}`.repeat(r.int(2, 200)))
      : insertAt(s, r.int(0, s.length), ` ${token} `);
  },
  function wholeRepeat(s, r) {
    return s.repeat(Math.min(r.int(2, 30), Math.ceil(20_000 / Math.max(1, s.length))));
  },
  function homoglyphs(s, r) {
    return s.replace(/[aoecpiKs/;()1]/g, (c) => (r.chance(0.3) ? HOMOGLYPHS[c] : c));
  },
];

function mutated(r) {
  let s = r.pick(realUserAgents);
  const applied = [];
  for (let k = r.int(1, 4); k > 0; k--) {
    const m = r.pick(mutations);
    s = m(s, r);
    applied.push(m.name);
    if (s.length > 20_000) s = s.slice(0, 20_000); // far past every limit; keeps the corpus fast
  }
  return { kind: `mutated:${applied.join('+')}`, ua: s };
}

// ─── shapes aimed at our patterns ────────────────────────────────────────────────────────────
const ANDROID = (x) => `Mozilla/5.0 (Linux; Android 12; ${x}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36`;
const ANDROID_BUILD = (x) =>
  `Mozilla/5.0 (Linux; U; Android 9; zh-CN; ${x} Build/PKQ1.190101.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/57.0.2987.108 Mobile Safari/537.36`;
const IOS = (x) => `Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ${x}`;
const MAC = (x) => `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) ${x}`;
const contexts = [
  ['bare', (x) => x],
  ['android-model', ANDROID],
  ['android-build', ANDROID_BUILD],
  ['ios-tail', IOS],
  ['mac-tail', MAC],
  ['after-real', (x, r) => `${r.pick(realUserAgents)} ${x}`],
  ['before-real', (x, r) => `${x} ${r.pick(realUserAgents)}`],
  [
    'inside-real',
    (x, r) => {
      const real = r.pick(realUserAgents);
      return insertAt(real, r.int(0, real.length), x);
    },
  ],
];

const shapes = [
  ['pump', (f, r) => f + repeatTo(r.pick(FILLERS), runLength(r)) + r.pick(TAILS)],
  ['pump2', (f, r) => f + repeatTo(r.pick(FILLERS) + r.pick(FILLERS), runLength(r)) + r.pick(TAILS)],
  ['token-run', (f, r) => repeatTo(f + r.pick(FILLERS), runLength(r)) + r.pick(TAILS)],
  ['token-repeat', (f, r) => f.repeat(r.int(2, Math.max(2, Math.ceil(runLength(r) / f.length))))],
  ['version-soup', (f, r) => `${f}${randomVersion(r)}${r.pick(TAILS)}`.repeat(r.int(1, 120))],
  [
    'interleave',
    (f, r) => {
      let s = f;
      const n = runLength(r);
      while (s.length < n) s += r.chance(0.5) ? r.pick(FRAGMENTS) : r.pick(FILLERS).repeat(r.int(1, 50));
      return s;
    },
  ],
];

function aimed(r) {
  const fragment = r.pick(FRAGMENTS);
  const [shapeName, shape] = r.pick(shapes);
  const [where, wrap] = r.pick(contexts);
  return { kind: `aimed:${shapeName}@${where}`, ua: wrap(shape(fragment, r), r) };
}

// ─── after ua-parser-js's ReDoS advisories ───────────────────────────────────────────────────
const advisories = [
  // CVE-2020-7733: the Redmi / Mi Pad device regex (fixed in 0.7.22).
  [
    'CVE-2020-7733',
    (r) =>
      ANDROID(
        `${r.pick(['Redmi', 'Redmi Note', 'MI PAD', 'Mi Pad', 'redmi', 'POCO', 'MI'])}${repeatTo(r.pick([' ', 'a', ' a', '_', '-', 'a ', ' 1', '1']), runLength(r))}${r.pick(TAILS)}`,
      ),
  ],
  // CVE-2020-7793: several regexes with adjacent overlapping quantifiers (`\s*\s+`); fixed in 0.7.23.
  [
    'CVE-2020-7793',
    (r) => {
      const run = repeatTo(r.pick([' ', '\t', ' \t', '\u00a0']), runLength(r));
      return r.pick([
        () => `Mozilla/5.0 (${run}Linux;${run}Android${run}9;${run}X${run}Build/${run}) AppleWebKit/537.36`,
        () => `Mozilla/5.0 (Linux; Android 9; SM-G960F${run}Build${run}/PPR1)`,
        () => `${r.pick(FRAGMENTS)}${run}${r.pick(FRAGMENTS)}${run}`,
        () => `Mozilla/5.0 (Windows NT 10.0${run}; Win64${run}; x64)${run}Chrome/120${run}`,
      ])();
    },
  ],
  // CVE-2021-27292: a browser regex with exponential backtracking (fixed in 0.7.24).
  [
    'CVE-2021-27292',
    (r) =>
      r.pick([
        () => `Mozilla/5.0 ${repeatTo(r.pick([' /', '/ ', 'a/', '/a', 'a /', '//']), runLength(r))}${r.pick(TAILS)}`,
        () =>
          `${r.pick(['Chrome', 'Version', 'Safari', 'Mobile', 'MicroMessenger'])}${repeatTo(r.pick(['/1', '/1 ', ' /1', '/ 1']), runLength(r))}!`,
        () => `(${repeatTo(r.pick(['a;', 'a; ', ';a', 'a ;']), runLength(r))}`,
      ])(),
  ],
  // CVE-2022-25927: trim() quadratic on a whitespace run followed by more text (0.7.30-0.7.32, 1.0.32).
  [
    'CVE-2022-25927',
    (r) => {
      const ws = repeatTo(r.pick(WHITESPACE) + (r.chance(0.5) ? r.pick(WHITESPACE) : ''), runLength(r) * r.int(1, 4));
      return r.pick([
        () => `a${ws}a`,
        () => `${ws}x`,
        () => `${r.pick(realUserAgents)}${ws}x`,
        () => `${ws}${r.pick(realUserAgents)}${ws}`,
      ])();
    },
  ],
  // CVE-2026-48125 (2.x): Client Hints copied without the UA length cap: hostile Sec-CH-UA-Model.
  ['CVE-2026-48125', (r) => ({ ua: r.pick(REAL_ANDROID), options: { clientHints: hostileHints(r) } })],
];

function advisory(r) {
  const [name, make] = r.pick(advisories);
  const made = make(r);
  return typeof made === 'string' ? { kind: `advisory:${name}`, ua: made } : { kind: `advisory:${name}`, ...made };
}

// ─── hostile options ─────────────────────────────────────────────────────────────────────────
function hostileString(r) {
  return r.pick([
    () => repeatTo(r.pick(FILLERS), runLength(r)),
    () => r.pick(FRAGMENTS) + repeatTo(r.pick(FILLERS), runLength(r)),
    () => randomVersion(r),
    () => r.pick(UNICODE).repeat(r.int(1, 100)),
    () => '',
    () => ' '.repeat(runLength(r)),
    () => 'SM-G9910'.padEnd(r.pick([63, 64, 65]), 'x'),
  ])();
}

// One long brand list, shared (read-only) by the inputs that use it.
const LONG_BRAND_LIST = Array.from({ length: 10_000 }, (_, i) => ({ brand: i % 2 ? 'Chromium' : 'Google Chrome', version: String(i) }));

function hostileHints(r) {
  const hints = {};
  if (r.chance(0.6)) hints.model = r.chance(0.9) ? hostileString(r) : r.pick([null, 42, {}, [], true]);
  if (r.chance(0.6))
    hints.platformVersion = r.chance(0.9)
      ? r.pick([() => repeatTo(r.pick(['1', '1.', '9_', '.']), runLength(r)), () => hostileString(r)])()
      : r.pick([null, 13, {}, NaN]);
  if (r.chance(0.4)) hints.platform = r.chance(0.5) ? 'Android' : hostileString(r);
  if (r.chance(0.2)) hints.mobile = r.pick([true, false, 'yes', null]);
  if (r.chance(0.6)) {
    hints.fullVersionList = r.pick([
      () =>
        Array.from({ length: r.int(0, 40) }, () => ({
          brand: r.chance(0.9) ? r.pick(['Google Chrome', 'Chromium', 'Not?A_Brand']) : hostileString(r),
          version: r.chance(0.9) ? randomVersion(r) : hostileString(r),
        })),
      () => LONG_BRAND_LIST,
      () => [null, undefined, 0, 'x', {}, { brand: 'Google Chrome' }, { brand: 'Google Chrome', version: null }],
      () => 'Google Chrome',
      () => ({ length: 1e9 }),
    ])();
  }
  return hints;
}

function withOptions(r) {
  const base = r.chance(0.5) ? r.pick(realUserAgents) : (r.chance(0.5) ? mutated(r) : aimed(r)).ua;
  const options = {};
  if (r.chance(0.5)) options.profile = r.pick(['intl', 'mainland', 'mars', '', null, 7]);
  if (r.chance(0.6)) options.clientHints = r.chance(0.9) ? hostileHints(r) : r.pick([null, 'x', 42, [], true]);
  if (r.chance(0.4)) options.maxTouchPoints = r.pick([NaN, Infinity, -Infinity, -1, 0, 1, 2, 5, 2 ** 53, '5', null]);
  return { kind: 'options', ua: base, options };
}

/**
 * The corpus, lazily: `count` inputs `{ index, kind, ua, options? }`, the same for the same seed.
 * The fixed hand-made inputs come first; then mutated 50 %, aimed 30 %, advisory 10 %, options 10 %.
 */
export function* hostileCorpus({ count = DEFAULT_COUNT, seed = DEFAULT_SEED } = {}) {
  const r = prng(seed);
  let index = 0;
  for (const [name, ua] of Object.entries(hostileUserAgents())) {
    if (index >= count) return;
    yield { index: index++, kind: `fixed:${name}`, ua };
  }
  while (index < count) {
    const x = r.next();
    const item = x < 0.5 ? mutated(r) : x < 0.8 ? aimed(r) : x < 0.9 ? advisory(r) : withOptions(r);
    yield { index: index++, ...item };
  }
}

/** A printable name for an input: its kind, length and start, with controls escaped. */
export function describeInput({ index, kind, ua }) {
  const head = JSON.stringify(String(ua).slice(0, 48)).slice(1, -1);
  return `#${index} ${kind}, ${String(ua).length.toLocaleString('en')} chars, "${head}${String(ua).length > 48 ? '…' : ''}"`;
}
