import type { DictLine } from '../dict/files.js';
import { DictError } from '../dict/files.js';
import type { PloverEvent } from '../types.js';
import type { Ontology } from './ontology.js';

/** Where a trigger's head sits: a verb ("accuse"), a nominalisation ("visit"), a predicative adjective ("ready to"), a modal in reported speech ("must"). */
export type TriggerKind = 'verb' | 'noun' | 'adj' | 'modal';

/** One compiled line of data/triggers/<type>.txt. */
export interface Trigger {
  /** The pattern as written ("send ... congratulatory message"). */
  pattern: string;
  /** Lemmas to match in order; GAP stands for up to GAP_MAX tokens that are neither verbs nor punctuation. */
  words: string[];
  kind: TriggerKind;
  /** 'obj' (direct object), 'that' (subject of a that-clause) and prepositions whose object is the target. */
  targets: string[];
  /** The event may stand without a target ("protesters rallied"). */
  optionalTarget: boolean;
  /** With a compound subject and no target, each party is the other's target ("X and Y held talks"). */
  mutual: boolean;
  /** Not followed by a direct object ("protesters rallied", but not "rallied support"). */
  intransitive: boolean;
  /** Followed by a direct object ("returned the paintings to Peru", but not "returned to Peru"). */
  transitive: boolean;
  cameo: string;
  event: PloverEvent;
  mode: string | null;
  context: string[];
  goldstein: number;
  /** "data/triggers/consult.txt:12". */
  rule: string;
}

export const GAP = '...';
export const GAP_MAX = 5;
const FLAGS = new Set(['noun', 'adj', 'modal', 'opt', 'mutual', 'intrans', 'trans']);

/**
 * Compile trigger lines: `pattern | target | CAMEO | mode | context | flags`.
 * target: comma-separated `obj` (direct object), `that` (subject of a that-clause) and prepositions;
 * mode/context: empty keeps the ontology's PLOVER reading of the CAMEO code; flags: noun, adj, modal, opt, mutual, intrans, trans.
 * Later lines with the same pattern and kind replace earlier ones (user dictionaries over shipped ones).
 */
export function compileTriggers(lines: DictLine[], ont: Ontology): Trigger[] {
  const byKey = new Map<string, Trigger>();
  for (const l of lines) {
    if (l.fields.length < 3 || l.fields.length > 6) throw new DictError(l.rule, 'expected "pattern | target | CAMEO | mode | context | flags"');
    const [pattern, target, cameo, mode = '', context = '', flagText = ''] = l.fields;
    const words = pattern.toLowerCase().split(/[\s-]+/).filter(Boolean);
    if (words.length === 0 || words[0] === GAP || words[words.length - 1] === GAP) throw new DictError(l.rule, `pattern "${pattern}" must start and end with a word`);
    const entry = ont.cameo.get(cameo);
    if (!entry) throw new DictError(l.rule, `CAMEO code "${cameo}" is not in data/ontology/cameo.txt`);
    const flags = flagText.split(/[\s,]+/).filter(Boolean);
    for (const f of flags) if (!FLAGS.has(f)) throw new DictError(l.rule, `unknown flag "${f}" (expected noun, adj, modal, opt, mutual, intrans, trans)`);
    const targets = target.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
    if (targets.some((t) => !/^[a-z]+$/.test(t))) throw new DictError(l.rule, `target "${target}" must list obj, that and prepositions, e.g. "obj, with"`);
    const optionalTarget = flags.includes('opt');
    const kind: TriggerKind = flags.includes('noun') ? 'noun' : flags.includes('adj') ? 'adj' : flags.includes('modal') ? 'modal' : 'verb';
    if (targets.length === 0 && !optionalTarget && kind !== 'modal')
      throw new DictError(l.rule, 'a trigger without a target marker must carry the flag opt');
    const key = `${kind}:${words.join(' ')}`;
    byKey.set(key, {
      pattern,
      words,
      kind,
      targets,
      optionalTarget,
      mutual: flags.includes('mutual'),
      intransitive: flags.includes('intrans'),
      transitive: flags.includes('trans'),
      cameo,
      event: entry.event,
      mode: mode || entry.mode,
      context: context ? context.split(',').map((c) => c.trim()).filter(Boolean) : entry.context,
      goldstein: entry.goldstein,
      rule: l.rule,
    });
  }
  return [...byKey.values()];
}

/** Duplicate keys inside one dictionary root: a data error the validation test reports. */
export function duplicateTriggerKeys(lines: DictLine[]): string[] {
  const seen = new Map<string, string>();
  const dups: string[] = [];
  for (const l of lines) {
    const flags = (l.fields[5] ?? '').split(/[\s,]+/);
    const kind = flags.includes('noun') ? 'noun' : flags.includes('adj') ? 'adj' : flags.includes('modal') ? 'modal' : 'verb';
    const key = `${kind}:${l.fields[0].toLowerCase().split(/\s+/).join(' ')}`;
    const prev = seen.get(key);
    if (prev) dups.push(`${l.rule} repeats ${prev} (${key})`);
    else seen.set(key, l.rule);
  }
  return dups;
}
