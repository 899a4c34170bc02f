import type { DictSources } from '../dict/files.js';
import { compileCues, ROLE_BIT, type Cues } from './cues.js';
import { compileOntology, type Ontology } from './ontology.js';
import { EventPrefilter } from './prefilter.js';
import { compileTriggers, type Trigger } from './triggers.js';

/** Everything the event coder reads, compiled once from data/ontology and data/triggers. */
export interface EventDicts {
  ontology: Ontology;
  triggers: Trigger[];
  /** Triggers by their first word (a lemma), the key looked up per token. */
  byFirst: Map<string, Trigger[]>;
  /** Which sentences are worth tagging and a look (every word of a trigger, or a message noun). */
  prefilter: EventPrefilter;
  cues: Cues;
}

const CUE_DIR = /(^|\/)triggers\/cues\//;

export function loadEvents(src: DictSources): EventDicts {
  const ontology = compileOntology(src.lines('ontology'));
  const all = src.lines('triggers');
  const triggers = compileTriggers(all.filter((l) => !CUE_DIR.test(l.file)), ontology);
  const cues = compileCues(all.filter((l) => CUE_DIR.test(l.file)));
  const byFirst = new Map<string, Trigger[]>();
  for (const t of triggers) {
    const list = byFirst.get(t.words[0]) ?? [];
    list.push(t);
    byFirst.set(t.words[0], list);
  }
  // Longest patterns first, so that the first complete match at a token is the most specific one.
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const carriers = [...cues.roles].filter(([, bits]) => bits & ROLE_BIT.carrier).map(([w]) => w);
  return { ontology, triggers, byFirst, prefilter: new EventPrefilter(triggers, carriers), cues };
}
