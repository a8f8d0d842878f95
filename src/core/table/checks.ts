import type { Environment } from '../environment/types.js';
import { englishReasonWords } from '../../i18n/reasons/en.js';
import { matches } from './match.js';
import { isWellFormedVersion } from '../version.js';
import { profiles } from './profiles.js';
import { sourceOf } from './sources.js';
import type { Profile, Rule, RuleMatch } from './types.js';

export interface TableProblem {
  check: string;
  rule: string;
  message: string;
}

/** A named consistency check over one profile (in the spirit of browser-compat-data's lint). */
export interface TableCheck {
  name: string;
  description: string;
  check(profile: Profile): TableProblem[];
}

const problem = (check: string, rule: Rule, message: string): TableProblem => ({ check, rule: rule.id, message });

/** True when every environment `inner` matches is also matched by `outer`. */
export function covers(outer: RuleMatch, inner: RuleMatch): boolean {
  const keys: Array<keyof RuleMatch> = ['os', 'device', 'browser', 'vendor', 'kernel'];
  return (
    keys.every((key) => {
      const o = outer[key] as readonly string[] | undefined;
      if (!o) return true;
      const i = inner[key] as readonly string[] | undefined;
      return i !== undefined && i.every((value) => o.includes(value));
    }) &&
    (outer.builtInBrowser === undefined || inner.builtInBrowser === outer.builtInBrowser)
  );
}

/** The objects a rule is built from: the record, its match and its minimum. */
const partsOf = (rule: Rule): object[] => [rule, rule.match, ...(rule.minimum ? [rule.minimum] : [])];

export const tableChecks: readonly TableCheck[] = [
  {
    name: 'unique-ids',
    description: 'Rule ids are unique within a profile and start with the file that holds the rule.',
    check(profile) {
      const seen = new Set<string>();
      return profile.rules.flatMap((rule) => {
        const found: TableProblem[] = [];
        if (seen.has(rule.id)) found.push(problem('unique-ids', rule, 'duplicate id'));
        seen.add(rule.id);
        if (!/^(?:intl|mainland|fact)\/[a-z0-9-]+$/.test(rule.id))
          found.push(problem('unique-ids', rule, 'id must be <file>/<kebab-slug>'));
        if (rule.kind === 'row' && !rule.id.startsWith(`${profile.id}/`)) {
          found.push(problem('unique-ids', rule, `a row of ${profile.id} must live in ${profile.id}.ts`));
        }
        return found;
      });
    },
  },
  {
    name: 'versions-well-formed',
    description: 'Every minimum is a dotted numeric version (1 to 5 parts).',
    check(profile) {
      return profile.rules.flatMap((rule) =>
        Object.entries(rule.minimum ?? {})
          .filter(([, v]) => !isWellFormedVersion(v))
          .map(([k, v]) => problem('versions-well-formed', rule, `${k} "${v}" is not a dotted numeric version`)),
      );
    },
  },
  {
    name: 'no-shadowing',
    description: 'No rule is unreachable because an earlier rule matches everything it matches.',
    check(profile) {
      return profile.rules.flatMap((rule, i) => {
        const earlier = profile.rules.slice(0, i).find((e) => covers(e.match, rule.match));
        return earlier ? [problem('no-shadowing', rule, `shadowed by the earlier rule ${earlier.id}`)] : [];
      });
    },
  },
  {
    name: 'catch-all-last',
    description: 'The last rule matches every environment, so no environment falls off the table.',
    check(profile) {
      const last = profile.rules[profile.rules.length - 1];
      if (!last) return [{ check: 'catch-all-last', rule: '(none)', message: 'profile has no rules' }];
      return Object.keys(last.match).length === 0 ? [] : [problem('catch-all-last', last, 'the last rule must have an empty match')];
    },
  },
  {
    name: 'likelihood-fits-verdict',
    description: 'reflection ⇒ likelihood > 0.5, video ⇒ 0, undetermined ⇒ strictly between 0 and 1.',
    check(profile) {
      return profile.rules.flatMap((rule) => {
        const { verdict, likelihood: p } = rule;
        const ok = verdict === 'reflection' ? p > 0.5 && p <= 1 : verdict === 'video' ? p === 0 : p > 0 && p < 1;
        return ok ? [] : [problem('likelihood-fits-verdict', rule, `${verdict} with likelihood ${p}`)];
      });
    },
  },
  {
    name: 'sourced-and-explained',
    description: 'Every rule has a source (doc and text, in sources.ts) and English words for users (src/i18n/reasons/en.ts), by its id.',
    check(profile) {
      const words: Readonly<Record<string, string>> = englishReasonWords.rules;
      return profile.rules.flatMap((rule) => {
        const source = sourceOf(rule.id);
        const said = Object.prototype.hasOwnProperty.call(words, rule.id) ? words[rule.id] : undefined;
        return source?.doc.trim() && source.text.trim() && said?.trim()
          ? []
          : [problem('sourced-and-explained', rule, 'missing source doc, source text or words')];
      });
    },
  },
  {
    name: 'browser-minimum-names-browsers',
    description: 'A rule with a browser-version minimum lists the browsers it is about (a reason names them).',
    check(profile) {
      return profile.rules.flatMap((rule) =>
        rule.minimum?.browserVersion !== undefined && !rule.match.browser?.length
          ? [problem('browser-minimum-names-browsers', rule, 'a browser minimum without a browser match')]
          : [],
      );
    },
  },
  {
    name: 'rows-stand-alone',
    description:
      "A profile's rows and notes share no record, match or minimum object with another profile's rules (no spread or reused record: editing one table never changes another); only fact/ records are shared, by name.",
    check(profile) {
      const elsewhere = new Map<object, string>();
      for (const other of Object.values(profiles)) {
        if (other.id === profile.id) continue;
        for (const rule of other.rules) for (const part of partsOf(rule)) elsewhere.set(part, rule.id);
      }
      return profile.rules.flatMap((rule) => {
        if (rule.id.startsWith('fact/')) return [];
        const shared = partsOf(rule)
          .map((part) => elsewhere.get(part))
          .find((id) => id !== undefined);
        return shared ? [problem('rows-stand-alone', rule, `shares its record or parts with ${shared} of another profile`)] : [];
      });
    },
  },
];

export function runTableChecks(profile: Profile): TableProblem[] {
  return tableChecks.flatMap((c) => c.check(profile));
}

/** Rules that no environment of a corpus reaches (first match wins): evidence they are untested. */
export function unreachedRules(profile: Profile, corpus: readonly Environment[]): string[] {
  const reached = new Set<string>();
  for (const env of corpus) {
    const rule = profile.rules.find((r) => matches(r.match, env));
    if (rule) reached.add(rule.id);
  }
  return profile.rules.filter((r) => !reached.has(r.id)).map((r) => r.id);
}
