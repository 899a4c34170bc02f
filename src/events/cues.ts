import type { DictLine } from '../dict/files.js';
import { DictError } from '../dict/files.js';
import type { Modality } from '../types.js';

/** Where a modality cue must stand relative to the trigger ('complement': the trigger lies in what the cue governs). */
export type CueWhere = 'aux' | 'clause' | 'after' | 'complement';

/** One line of data/triggers/cues/modality.txt: `phrase | modality | where`. */
export interface ModalityCue {
  words: string[];
  /** 'planned' is a future the actor has not itself declared ("is scheduled to", "is expected to"). */
  modality: Exclude<Modality, 'asserted'> | 'planned';
  where: CueWhere;
  rule: string;
}

/** Word roles of data/triggers/cues/roles.txt: `lemma | role`. */
export type WordRole = 'light' | 'reverse' | 'speech' | 'commentary' | 'carrier' | 'boundary' | 'avow' | 'incident' | 'document' | 'years';

export interface Cues {
  modality: ModalityCue[];
  /** Roles of a lemma as a bit mask of ROLE_BIT (a lemma may have several: "announce" is light and speech). */
  roles: Map<string, number>;
  /**
   * Roles by written form: of a role word itself and of its inflections the lemmatiser may leave alone ("staged",
   * "reports"): the word plus -s, -ed, and -d after a final e. A token's roles are then two lookups, no slicing.
   */
  formRoles: Map<string, number>;
  /** Unnamed agents (data/triggers/cues/agents.txt): noun lemma → CAMEO sector. */
  agents: Map<string, string>;
  /** Number words (data/triggers/cues/numbers.txt): "first" → 1, "ten" → 10. */
  numbers: Map<string, number>;
}

const MODALITIES = new Set(['negated', 'hypothetical', 'future', 'planned', 'historical']);
const WHERE = new Set(['aux', 'clause', 'after', 'complement']);
const ROLES = new Set<WordRole>(['light', 'reverse', 'speech', 'commentary', 'carrier', 'boundary', 'avow', 'incident', 'document', 'years']);

/** One bit per word role, so that a token's roles are one number. */
export const ROLE_BIT: Record<WordRole, number> = { light: 1, reverse: 2, speech: 4, commentary: 8, carrier: 16, boundary: 32, avow: 64, incident: 128, document: 256, years: 512 };

export function compileCues(lines: DictLine[]): Cues {
  const modality: ModalityCue[] = [];
  const roles = new Map<string, number>();
  const agents = new Map<string, string>();
  const numbers = new Map<string, number>();
  for (const l of lines) {
    const name = l.file.replace(/^.*\//, '');
    if (name === 'modality.txt') {
      const [phrase, mod, where] = l.fields;
      if (l.fields.length !== 3 || !MODALITIES.has(mod) || !WHERE.has(where))
        throw new DictError(l.rule, 'expected "phrase | negated|hypothetical|future|planned|historical | aux|clause|after|complement"');
      modality.push({ words: phrase.toLowerCase().split(/\s+/), modality: mod as ModalityCue['modality'], where: where as CueWhere, rule: l.rule });
    } else if (name === 'roles.txt') {
      const [word, role] = l.fields;
      if (l.fields.length !== 2 || !ROLES.has(role as WordRole) || !/^[a-z']+$/.test(word))
        throw new DictError(l.rule, `expected "lemma | ${[...ROLES].join('|')}"`);
      roles.set(word, (roles.get(word) ?? 0) | ROLE_BIT[role as WordRole]);
    } else if (name === 'agents.txt') {
      const [word, sector] = l.fields;
      if (l.fields.length !== 2 || !/^[a-z]+$/.test(word) || !/^[A-Z]{3}$/.test(sector)) throw new DictError(l.rule, 'expected "noun lemma | SECTOR (three capitals)"');
      agents.set(word, sector);
    } else if (name === 'numbers.txt') {
      const [word, value] = l.fields;
      if (l.fields.length !== 2 || !/^[a-z]+$/.test(word) || !/^[1-9]\d*$/.test(value)) throw new DictError(l.rule, 'expected "word | positive whole number"');
      numbers.set(word, Number(value));
    } else throw new DictError(l.rule, 'unknown cue table (expected modality.txt, roles.txt, agents.txt or numbers.txt)');
  }
  return { modality, roles, formRoles: formRoles(roles), agents, numbers };
}

function formRoles(roles: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  const add = (w: string, bits: number) => out.set(w, (out.get(w) ?? 0) | bits);
  for (const [w, bits] of roles) {
    add(w, bits);
    add(`${w}s`, bits);
    add(`${w}ed`, bits);
    if (w.endsWith('e')) add(`${w}d`, bits);
  }
  return out;
}
