import type { ActorMention } from '../types.js';
import type { Chunk, View } from './view.js';

/** The subject found for a predicate: the chunk, its coordinated partners, and the speech verb it depends on. */
export interface Subject {
  chunk: Chunk;
  /** Coordinated subjects with actors ("Russia and China"), the chunk's own actor first. */
  actors: ActorMention[];
  /** Index of the reporting verb whose complement this clause is ("X said Y attacked Z"), or -1. */
  speech: number;
}

const WALK_MAX = 40;
const QUANTITY = new Set(['to', 'than', 'about', 'over', 'around', 'nearly', 'some']);
const RELATIVE = new Set(['who', 'which']);

/**
 * The subject of the predicate whose verb group starts at token `i`, by clause position: walk left over
 * auxiliaries, adverbs and control verbs, skip prepositional phrases and objects of earlier verbs, stop at
 * clause boundaries. Returns null when the clause has no subject that can be found.
 */
export function subjectOf(v: View, i: number): Subject | null {
  let j = i - 1;
  for (let steps = 0; j >= 0 && steps < WALK_MAX; steps++) {
    const c = v.chunkOf[j];
    if (c >= 0) {
      const ch = v.chunks[c];
      const before = ch.a - 1;
      const bp = before >= 0 ? v.pos[before] : '';
      // A prepositional phrase is skipped, but not a quantity ("Up to 1,000 ethnic Turks began …").
      if (bp === 'ADP' && !v.is(before, 'boundary') && !(v.pos[ch.a] === 'NUM' && QUANTITY.has(v.lem[before]))) {
        j = before - 1;
        continue;
      }
      // A participle opening the sentence modifies the noun ("Newly appointed Prime Minister X refused …").
      const modifier = bp === 'VERB' && (before === 0 || (before === 1 && v.pos[0] === 'ADV') || v.pos[before - 1] === 'DET');
      if (bp === 'VERB' && !v.is(before, 'speech') && !modifier) {
        j = before - 1;
        continue;
      }
      // An appositive or introductory phrase (", leader of North Korea,"), not a subject next to its verb; also one
      // whose actor is only its title when a name stands before it ("Amama Mbabazi, prime minister of Uganda, met":
      // the name is the subject). (The actor is asked last: naming an unnamed chunk may parse the sentence's dates.)
      if (before >= 0 && v.lem[before] === ',' && !ch.pron && !v.is(ch.b, 'carrier') && !nextToVerb(v, ch.b, i) && (!ch.actor || (unnamed(ch.actor) && namedAt(v, before - 1)))) {
        j = before - 1;
        continue;
      }
      const speech = bp === 'VERB' ? before : speechBefore(v, before);
      return { chunk: ch, actors: ch.actor ? coordinatedLeft(v, ch) : (placeActors(v, ch) ?? coordinatedLeft(v, ch)), speech };
    }
    const l = v.lem[j];
    if (RELATIVE.has(l)) {
      const k = j > 0 && v.lem[j - 1] === ',' ? j - 2 : j - 1;
      if (k >= 0 && v.chunkOf[k] >= 0) {
        const ch = v.chunks[v.chunkOf[k]];
        return { chunk: ch, actors: ch.actor ? [ch.actor] : [], speech: -1 };
      }
      return null;
    }
    if (v.is(j, 'boundary')) return null;
    if (l === ')') {
      // Skip a parenthesis ("Amnesty International (AI) has accused …").
      const open = v.lem.lastIndexOf('(', j);
      if (open < 0) return null;
      j = open - 1;
      continue;
    }
    if (v.pos[j] === 'PUNCT' && l !== ',' && l !== '"' && l !== '“' && l !== '”' && l !== "'") return null;
    j--;
  }
  return null;
}

/** An actor of no known country or organisation: an unnamed agent ("the minister", ---GOV). */
const unnamed = (m: ActorMention): boolean => m.actor.code?.startsWith('---') ?? true;

/** Does token `k` end a chunk that names an actor? */
function namedAt(v: View, k: number): boolean {
  const c = k >= 0 ? v.chunkOf[k] : -1;
  const a = c >= 0 && v.chunks[c].b === k ? v.chunks[c].actor : null;
  return a !== null && !unnamed(a);
}

const PP_CHAIN = new Set(['of', 'in', 'from', 'throughout', 'across']);
const PP_STEPS = 3;

/** "Thousands of Nigerians", "the government of Laos", "opponents in Kosovo": the actor of a following place phrase. */
function placeActors(v: View, ch: Chunk): ActorMention[] | null {
  let c = ch;
  for (let step = 0; step < PP_STEPS; step++) {
    const next = PP_CHAIN.has(v.lem[c.b + 1]) ? v.chunkOf[c.b + 2] : -1;
    if (next < 0) return null;
    c = v.chunks[next];
    if (c.actor) return [c.actor];
  }
  return null;
}

const SPEECH_BACK = 5;

/** The reporting verb a clause hangs on: "said that …", "said on Monday that …", "said yesterday they …". */
function speechBefore(v: View, from: number): number {
  for (let k = from; k >= 0 && k > from - SPEECH_BACK; k--) {
    if (v.pos[k] === 'VERB') return v.is(k, 'speech') ? k : -1;
    if (v.pos[k] === 'PUNCT' || (v.is(k, 'boundary') && v.lem[k] !== 'that')) return -1;
  }
  return -1;
}

/** Only auxiliaries, adverbs and particles between token `b` and the verb group at `i`. */
function nextToVerb(v: View, b: number, i: number): boolean {
  for (let k = b + 1; k < i; k++) if (v.pos[k] !== 'AUX' && v.pos[k] !== 'ADV' && v.pos[k] !== 'PART') return false;
  return true;
}

/**
 * The chunk and the actor chunks coordinated before it with "and" or a comma ("Russia, China and India");
 * an unnamed head coordinated with named ones adds nothing ("Israeli helicopters and tanks": Israel).
 */
function coordinatedLeft(v: View, ch: Chunk): ActorMention[] {
  const out: ActorMention[] = ch.actor ? [ch.actor] : [];
  // Two actors inside one chunk joined by nothing but names are one actor; "X and Y" are separate chunks.
  let k = ch.a - 1;
  let sawAnd = false;
  while (k > 0 && (v.lem[k] === 'and' || (v.lem[k] === ',' && sawAnd))) {
    sawAnd = true;
    const prev = v.chunkOf[k - 1];
    if (prev < 0 || !v.chunks[prev].actor) break;
    const p = v.chunks[prev];
    const pb = p.a - 1;
    if (pb >= 0 && (v.pos[pb] === 'ADP' || v.pos[pb] === 'VERB')) break;
    out.unshift(p.actor!);
    k = p.a - 1;
  }
  return out;
}

/** Actor chunks coordinated after `ch` ("to Putin and Xi"). */
export function coordinatedRight(v: View, ch: Chunk): ActorMention[] {
  const out: ActorMention[] = ch.actor ? [ch.actor] : [];
  let k = ch.b + 1;
  while (ch.actor && k + 1 < v.lem.length && v.lem[k] === 'and') {
    const next = v.chunkOf[k + 1];
    if (next < 0 || !v.chunks[next].actor) break;
    out.push(v.chunks[next].actor!);
    k = v.chunks[next].b + 1;
  }
  return out;
}

/** An event noun ("the MH17 crash") names no actor, whatever names modify it. */
function isIncident(v: View, ch: Chunk): boolean {
  let h = ch.b;
  while (h > ch.a && v.pos[h] !== 'NOUN' && v.pos[h] !== 'PROPN') h--;
  return v.is(h, 'incident');
}

/**
 * The actors of the chunk at `k`, or of "X of Y" when X names no actor ("the government of Laos"), through the
 * prepositions `links`; null for none.
 * (Not an empty list: V8 makes an empty literal array of another elements kind than a filled one, and objectOf
 * deoptimised where it first met the other kind.)
 */
function actorsAt(v: View, k: number, links: readonly string[] = OF_WITH): ActorMention[] | null {
  const c = v.chunkOf[k];
  if (c < 0) return null;
  const ch = v.chunks[c];
  if (isIncident(v, ch)) return null;
  // "the mayor of the northern West Bank city of Nablus", "an agreement with the European Union": follow a short
  // chain of "of"/"with" phrases to a named actor; an unknown name ("---") only where nothing better follows.
  let unknown: ActorMention[] | null = null;
  for (let c2 = ch, step = 0; step < 3; step++) {
    if (c2.actor) {
      if (!c2.actor.actor.code?.startsWith('---')) return coordinatedRight(v, c2);
      unknown ??= coordinatedRight(v, c2);
    }
    const after = c2.b + 1;
    if (after + 1 >= v.lem.length || !links.includes(v.lem[after]) || v.chunkOf[after + 1] < 0) break;
    c2 = v.chunks[v.chunkOf[after + 1]];
  }
  return unknown;
}

const OF_WITH = ['of', 'with'];
const OBJECT_SPAN = 14;

/**
 * The target after the trigger ending at token `from`: the direct object (when `targets` holds 'obj') or the
 * object of the first listed preposition, within the clause (no verb, clause boundary or comma crossed).
 */
export function objectOf(v: View, from: number, targets: string[]): ActorMention[] {
  const n = v.lem.length;
  let j = from;
  while (j < n && (v.pos[j] === 'ADV' || v.pos[j] === 'PART')) j++;
  // "up to 16 advisers", "at least eight people", "more than 500 civilians"
  for (let k = j; k < j + 3 && k < n; k++) {
    if (v.pos[k] === 'NUM') {
      if (k > j && v.chunkOf[j] < 0 || v.pos[j] === 'ADJ') j = k;
      break;
    }
    if (v.pos[k] !== 'ADP' && v.pos[k] !== 'ADJ' && v.pos[k] !== 'ADV') break;
  }
  if (targets.includes('obj') && j < n && v.chunkOf[j] >= 0) {
    const a = actorsAt(v, j);
    if (a) return a;
  }
  // "alleged that France was aware …": the subject of the complement clause.
  if (targets.includes('that') && v.lem[from] === 'that' && from + 1 < n) {
    const a = actorsAt(v, from + 1);
    if (a) return a;
  }
  return clauseActors(v, from, targets, OF_WITH, false, null);
}

/**
 * The actors of the first phrase after token `from` that one of `preps` opens and whose actors `keep` accepts
 * (any, when null), within the clause: no verb, clause boundary, relative pronoun or comma crossed, nor (when
 * `auxEnds`) an auxiliary, which after a noun trigger opens the predicate it is the subject of ("joint exercises
 * are a challenge to …"). `links` as for actorsAt.
 */
export function clauseActors(v: View, from: number, preps: string[], links: readonly string[], auxEnds: boolean, keep: ((a: ActorMention) => boolean) | null): ActorMention[] {
  const n = v.lem.length;
  for (let k = from; k < n && k < from + OBJECT_SPAN; k++) {
    const p = v.pos[k];
    if (p === 'VERB' || (auxEnds && p === 'AUX') || v.is(k, 'boundary') || RELATIVE.has(v.lem[k])) break;
    if (p === 'PUNCT' && v.lem[k] !== '"') break;
    if ((p === 'ADP' || (p === 'PART' && v.lem[k] === 'to')) && preps.includes(v.lem[k]) && k + 1 < n) {
      const a = actorsAt(v, k + 1, links);
      if (a && (keep === null || a.every(keep))) return a;
    }
  }
  return [];
}

/** The object of preposition `prep` after token `from` within the clause ("from Y" in "received a message from Y"). */
export function prepObject(v: View, from: number, prep: string): ActorMention[] {
  return objectOf(v, from, [prep]);
}
