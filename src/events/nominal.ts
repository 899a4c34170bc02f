import type { ActorMention } from '../types.js';
import { prepObject, subjectOf, type Subject } from './roles.js';
import type { View } from './view.js';

/** Prepositions before a gerund that leave it without a subject of its own ("jailed for helping militants"). */
export const GERUND_PREP = new Set(['for', 'of', 'about', 'after', 'before', 'without', 'against', 'in', 'on', 'from', 'over', 'at']);

/** A proper name no dictionary knows ("the Yonphyong Island shelling"): a place as often as an actor. */
function isUnknownName(m: ActorMention): boolean {
  return m.actor.code === '---';
}

/** Nouns that measure out a series of events ("a round of talks", "a wave of attacks"). */
const MEASURE = new Set(['round', 'series', 'wave', 'spate', 'string', 'number', 'set', 'campaign']);

/** What the coder remembers across the sentences of one document. */
export interface DocState {
  /** Sender of the last message, letter or telegram named with its sender ("the telegram" then refers to it). */
  sender: ActorMention[] | null;
}


/** Actors of a subject: its own or coordinated actors, a pronoun resolved through "X said it …", or a message's sender. */
export function subjectActors(v: View, subj: Subject | null, doc: DocState): ActorMention[] {
  if (!subj) return [];
  if (subj.actors.length) return subj.actors;
  if (subj.chunk.pron && subj.speech >= 0) return subjectOf(v, subj.speech)?.actors ?? [];
  if (v.is(subj.chunk.b, 'carrier') && doc.sender) return doc.sender;
  if (v.is(subj.chunk.b, 'document')) return documentAuthor(v, subj.chunk.b);
  return [];
}

const AUTHOR_SPAN = 8;
const AUTHOR_PREP = new Set(['by', 'from', 'of', 'in']);

/** A report stands for who issued it: "a report by Amnesty", "a report released in the Rwandan capital". */
function documentAuthor(v: View, b: number): ActorMention[] {
  for (let k = b + 1; k < v.lem.length && k <= b + AUTHOR_SPAN; k++) {
    if (v.pos[k] === 'PUNCT' || v.is(k, 'boundary')) break;
    if (AUTHOR_PREP.has(v.lem[k]) && v.chunkOf[k + 1] >= 0) {
      const a = v.chunks[v.chunkOf[k + 1]].actor;
      if (a) return [a];
    }
  }
  return [];
}


/** Senders of messages named in the sentence ("In a telegram to X, Y said", "Y sent a letter", "Y's message"). */
export function rememberSenders(v: View, doc: DocState): void {
  for (let k = 0; k < v.lem.length; k++) {
    if (!v.is(k, 'carrier') || v.pos[k] !== 'NOUN' || v.chunkOf[k] < 0) continue;
    const sender = nounSource(v, k, k, [], doc).sources;
    if (sender.length) doc.sender = sender;
    else if (v.pos[v.chunks[v.chunkOf[k]].a - 1] === 'ADP' && v.chunks[v.chunkOf[k]].a === 1) {
      // "In a telegram addressed to X, Y affirmed …": the sender is the subject of the main clause.
      const comma = v.lem.indexOf(',', k);
      const verb = comma < 0 ? -1 : v.pos.findIndex((p, i) => i > comma && p === 'VERB');
      const subj = verb < 0 ? null : subjectOf(v, verb);
      if (subj?.actors.length) doc.sender = subj.actors;
    }
  }
}

const PARTICLES = new Set(['out', 'up']);
/** A place mention used as a modifier, not a possessor ("the Gaza bombing", but "Chechnya's offensive"). */
export function placeBefore(v: View, m: ActorMention): boolean {
  if (m.form !== 'place') return false;
  const at = m.end - v.s.start;
  return v.s.text[at] !== "'";
}

/** "an anti-U.S. demonstration": what follows "anti-" is what the event opposes, never who does it. */
function opposed(v: View, m: ActorMention): boolean {
  const at = m.start - v.s.start;
  return at >= 5 && v.s.text.slice(at - 5, at).toLowerCase() === 'anti-';
}

/** Prepositions that refer to an event rather than report it ("appreciation for China's assistance"); not "in" or "during". */
const REFERRING = new Set(['for', 'of', 'about', 'over', 'against', 'to', 'on', 'with', 'at']);

/** Source of a nominalisation: possessor ("X's visit"), "of/by X" after it, or the subject of a light verb. */
export function nounSource(v: View, first: number, last: number, targetsOf: string[], doc: DocState): { sources: ActorMention[]; targets: ActorMention[] | null; subj: Subject | null } {
  const c = v.chunkOf[first];
  const ch = c >= 0 ? v.chunks[c] : undefined;
  const start = v.toks[first].start;
  // A possessor is the source where the noun phrase is a subject ("Putin's visit to China drew attention"), not
  // where it is referred to inside another statement ("expressed appreciation for China's assistance").
  // Only a chunk's own mentions can: an unnamed chunk's agent spans the whole chunk, the noun included. A place
  // named before the noun is where it happened, not who did it ("the Yonphyong Island shelling").
  const own = ch?.own ? ch.mentions.filter((m) => m.end <= start && !isUnknownName(m) && !placeBefore(v, m) && !opposed(v, m)) : [];
  const referred = ch && ch.a > 0 && (REFERRING.has(v.lem[ch.a - 1]) || (v.pos[ch.a - 1] === 'VERB' && !v.is(ch.a - 1, 'light')));
  if (own.length && !referred) return { sources: [own[own.length - 1]], targets: null, subj: null };
  const after = last + 1;
  // "the visit of X", "condolences from X": X is the source, unless the preposition marks this noun's target
  // ("a boycott of Uzbek cotton") or a receiving verb governs the noun (handled below).
  const byPrep = v.lem[after] === 'by' || ((v.lem[after] === 'of' || v.lem[after] === 'from') && !targetsOf.includes(v.lem[after]));
  if (byPrep && v.chunkOf[after + 1] >= 0 && !(ch && v.is(ch.a - 1, 'reverse'))) {
    const a = v.chunks[v.chunkOf[after + 1]].actor;
    if (a) return { sources: [a], targets: null, subj: null };
  }
  let g = (ch ? ch.a : first) - 1;
  // Skip what may stand between a light verb and its noun: an adverb, a coordinated adjective ("a stern and
  // personal warning"), an indirect object ("gave Putin a warning").
  for (let hop = 0; hop < 3 && g > 0; hop++) {
    while (g > 0 && (v.pos[g] === 'ADV' || (v.pos[g] === 'PRON' && v.chunkOf[g] >= 0 && v.chunks[v.chunkOf[g]].pron))) g--;
    if ((v.lem[g] === 'and' || v.lem[g] === ',') && v.chunkOf[g - 1] >= 0) g = v.chunks[v.chunkOf[g - 1]].a - 1;
    else if (v.chunkOf[g] >= 0) g = v.chunks[v.chunkOf[g]].a - 1;
    else break;
  }
  if (g > 0 && PARTICLES.has(v.lem[g]) && v.pos[g - 1] === 'VERB') g--; // "carried out attacks", "stepped up raids"
  // "began a new round of exercises": through a measure noun only (not "the results of investigation").
  if (g > 1 && v.lem[g] === 'of' && v.chunkOf[g - 1] >= 0 && MEASURE.has(v.chunks[v.chunkOf[g - 1]].head)) g = v.chunks[v.chunkOf[g - 1]].a - 1;
  // A light verb as a gerund after a preposition has no subject of its own ("aimed at mounting an attack").
  if (g > 0 && v.toks[g].lower.endsWith('ing') && GERUND_PREP.has(v.lem[g - 1])) return { sources: [], targets: null, subj: null };
  if (g >= 0 && v.pos[g] === 'VERB') {
    if (v.is(g, 'light')) {
      const subj = subjectOf(v, g);
      return { sources: subjectActors(v, subj, doc), targets: null, subj };
    }
    if (v.is(g, 'reverse')) {
      const subj = subjectOf(v, g);
      return { sources: prepObject(v, last + 1, 'from'), targets: subjectActors(v, subj, doc), subj };
    }
  }
  return { sources: [], targets: null, subj: null };
}
