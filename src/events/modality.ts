import type { DateMention } from '../pipeline/stages.js';
import type { ActorMention, Modality, Token } from '../types.js';
import type { ModalityCue } from './cues.js';
import type { View } from './view.js';

const ORDER: ModalityCue['modality'][] = ['negated', 'hypothetical', 'future', 'planned', 'historical'];
const HISTORICAL = ORDER.indexOf('historical');

/** Does cue `c` start at token `i`? (Words are lemmas or lower-case forms.) */
function startsAt(v: View, c: ModalityCue, i: number): boolean {
  const toks = v.toks;
  let k = 0;
  while (k < c.words.length && i + k < toks.length && (v.lem[i + k] === c.words[k] || toks[i + k].lower === c.words[k])) k++;
  return k === c.words.length;
}

/** A cue with the rank of its reading in ORDER. */
interface RankedCue {
  cue: ModalityCue;
  rank: number;
}

/** Cues by their first word, and complement cues by their last, per cue list: a token is looked up once instead of being compared with every cue. */
interface CueIndex {
  first: Map<string, RankedCue[]>;
  last: Map<string, ModalityCue[]>;
}
const INDEX = new WeakMap<ModalityCue[], CueIndex>();

function push<T>(m: Map<string, T[]>, k: string, x: T): void {
  const list = m.get(k);
  if (list) list.push(x);
  else m.set(k, [x]);
}

function indexOf(cues: ModalityCue[]): CueIndex {
  let index = INDEX.get(cues);
  if (!index) {
    index = { first: new Map(), last: new Map() };
    for (const cue of cues) {
      if (cue.where === 'complement') push(index.last, cue.words[cue.words.length - 1], cue);
      else push(index.first, cue.words[0], { cue, rank: ORDER.indexOf(cue.modality) });
    }
    INDEX.set(cues, index);
  }
  return index;
}

/** First token of the clause holding token `i`: after the nearest boundary word, semicolon or colon to its left. */
export function clauseStart(v: View, i: number): number {
  for (let j = i - 1; j >= 0; j--) {
    if (v.is(j, 'boundary') || v.lem[j] === ';' || v.lem[j] === ':') return j + 1;
  }
  return 0;
}

/** End (exclusive) of the clause holding token `i`. */
export function clauseEnd(v: View, i: number): number {
  for (let j = i + 1; j < v.lem.length; j++) {
    if (v.is(j, 'boundary') || v.lem[j] === ';' || v.lem[j] === ':') return j;
  }
  return v.lem.length;
}

/** How far back from a trigger the complement of a recollection cue is looked for. */
const RECALL_SPAN = 12;
/** What a noun phrase complement may hold between its cue and the trigger: "the Yonphyong Island", "Kim Jong Il's". */
const PHRASE_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON']);
const PHRASE_LINK = new Set(['of', 'and', "'s", '’s', '-', '"', '“', '”']);
/**
 * …and a clause complement between its opening word and verb: a subject with its own phrases and appositions
 * ("the U.S. forces in south Korea", "An Jung Gun, a patriotic martyr,"), then "had", "not", "brutally".
 */
const CLAUSE_POS = new Set(['AUX', 'ADV', 'PART', 'ADP']);

const PAST_BE = new Set(['was', 'were']);

/** A past form: "signed", "met", "did", "were"; not "signs", "signing", "sign" or "are". */
function pastForm(t: Token): boolean {
  if (t.lemma === 'be') return PAST_BE.has(t.lower);
  return t.lower.endsWith('ed') || (t.lower !== t.lemma && !t.lower.endsWith('s') && !t.lower.endsWith('ing'));
}

/**
 * The complement cue that governs the trigger at `first` (its first token and the token past its last), if any: the trigger is recalled.
 * Walking back from the trigger over its noun phrase (a nominal trigger) or over the subject of its clause (a
 * verb), the walk meets the cue's last word. A cue ending in a clause boundary word opens a clause and governs
 * a verb in the past ("the day when X signed", "… did not help"); others govern a noun phrase only, so "on the
 * anniversary of the treaty China held" is no recollection of the holding.
 */
function recollection(v: View, last: Map<string, ModalityCue[]>, first: number, nominal: boolean): [number, number] | null {
  let past = !nominal && pastForm(v.toks[first]);
  for (let j = first - 1; j >= 0 && first - j <= RECALL_SPAN; j--) {
    const list = last.get(v.lem[j]) ?? last.get(v.toks[j].lower);
    if (list && (nominal || (past && v.is(j, 'boundary')))) {
      for (const cue of list) {
        const a = j - cue.words.length + 1;
        if (a >= 0 && startsAt(v, cue, a)) return [a, j + 1];
      }
    }
    // A clause boundary ends the phrase or the subject; so does a verb.
    if (v.is(j, 'boundary')) return null;
    if (!PHRASE_POS.has(v.pos[j]) && !PHRASE_LINK.has(v.lem[j]) && (nominal || !(CLAUSE_POS.has(v.pos[j]) || v.lem[j] === ','))) return null;
    if (!nominal && v.pos[j] === 'AUX' && pastForm(v.toks[j])) past = true;
  }
  return null;
}

/** What the cues say of a trigger. */
export interface CueReading {
  modality: Modality;
  /** A future the actor declares ("will", "plans to"), not one reported as planned. */
  intent: boolean;
  /** First token of the complement cue that makes the trigger a recollection ("anniversary of"), or -1. */
  recall: number;
}

/**
 * Modality from the cues: `aux` cues between the subject and the trigger ("did not", "will", "plans to"),
 * `clause` cues anywhere earlier in the clause or as its opening word ("if"), `after` cues after the trigger ("in the Korean War").
 * The strongest reading wins: negated, then hypothetical, future, historical. `intent` tells a future the actor
 * declares ("will", "plans to") from one reported as planned ("is scheduled to"). A trigger in the complement of
 * a recollection cue ("the anniversary of", "the day when") is historical unless a cue inside that complement
 * says more ("the day when X did not …"): cues outside it qualify the act that marks the day, not the one recalled.
 * `nominal`: the trigger is a noun or gerund.
 */
export function cueModality(v: View, cues: ModalityCue[], auxFrom: number, trigStart: number, trigEnd: number, nominal: boolean): CueReading {
  const cs = clauseStart(v, trigStart);
  const ce = clauseEnd(v, trigEnd);
  const index = indexOf(cues);
  const recall = index.last.size ? recollection(v, index.last, trigStart, nominal) : null;
  // Past the recollection cue only (its last word may open the clause: "when").
  const floor = recall ? recall[1] : 0;
  // Where each kind of cue may start: aux and clause cues before the trigger, after cues past it.
  const auxFirst = Math.max(0, auxFrom, cs, floor);
  const clauseFirst = Math.max(0, cs - 1, floor);
  let best = recall ? HISTORICAL : ORDER.length;
  const look = (i: number, list: RankedCue[] | undefined) => {
    if (!list) return;
    for (const { cue, rank } of list) {
      if (rank >= best) continue;
      const within = cue.where === 'aux' ? i >= auxFirst && i < trigStart : cue.where === 'clause' ? i >= clauseFirst && i < trigStart : i > trigEnd && i < ce;
      if (within && startsAt(v, cue, i)) best = rank;
    }
  };
  for (let i = Math.min(auxFirst, clauseFirst); i < ce; i++) {
    if (i === trigStart) i = trigEnd + 1;
    if (i >= ce) break;
    const lower = v.toks[i].lower;
    look(i, index.first.get(v.lem[i]));
    if (lower !== v.lem[i]) look(i, index.first.get(lower));
  }
  const at = recall ? recall[0] : -1;
  if (best === ORDER.length) return { modality: 'asserted', intent: false, recall: at };
  const m = ORDER[best];
  return { modality: m === 'planned' ? 'future' : m, intent: m === 'future', recall: at };
}

/**
 * An act of a person who had died before the document's date is recalled, so historical: the source's act,
 * and with it the converse ("Kim Il Sung received Carter" → Carter's visit). Acts toward the dead ("laid
 * a wreath to Kim Il Sung") are not. A negated act stays negated.
 */
export function recalled(m: Modality, ...actors: (ActorMention | null)[]): Modality {
  return m !== 'negated' && actors.some((a) => a?.died) ? 'historical' : m;
}

/** A year written out in a date mention ("July 11, 1961", "in 1950"). */
const WRITTEN_YEAR = /\b(1\d|20)\d\d\b/;
const FIGURE = /^(\d+)(st|nd|rd|th)?$/;

/** The number a word stands for: "50th", "60", "first", "ten". */
function numberOf(w: string, numbers: Map<string, number>): number | undefined {
  const m = FIGURE.exec(w);
  return m ? Number(m[1]) : numbers.get(w);
}

/**
 * When a recalled event happened, given the first token of its recollection cue: a date the sentence gives it
 * after the cue with its year written out ("… signed the treaty on July 11, 1961"), else the year a count gives
 * ("the 50th anniversary of", "the 66th founding anniversary of", "60 years since"), counted back from the year of
 * the sentence's last date before the cue (when it is marked: "the year 2012, which marks …"; only within a year
 * of publication, as a report's occasion is: an older date there is another's, or misread) or of publication;
 * else null: the day a recollection is marked ("July 11 is the day when …") is not the day it happened.
 */
export function recallDate(v: View, cue: number, at: number, dates: DateMention[], pub: string | null, numbers: Map<string, number>): string | null {
  const from = v.toks[cue].start;
  const pubYear = pub ? Number(pub.slice(0, 4)) : NaN;
  let best: string | null = null;
  let dist = Infinity;
  let marked = pubYear;
  let markedAt = -1;
  for (const dm of dates) {
    if (!dm.date) continue;
    if (dm.start >= from) {
      if (WRITTEN_YEAR.test(dm.text) && (!pub || dm.date < pub) && Math.abs(dm.start - at) < dist) {
        dist = Math.abs(dm.start - at);
        best = dm.date;
      }
      continue;
    }
    const year = Number(dm.date.slice(0, 4));
    if (dm.end <= from && dm.start > markedAt && year > 0 && (!pub || Math.abs(year - pubYear) <= 1)) {
      markedAt = dm.start;
      marked = year;
    }
  }
  if (best || !v.is(cue, 'years')) return best;
  // The number stands right before the cue, or before one modifier ("66th founding anniversary").
  let n = cue > 0 ? numberOf(v.toks[cue - 1].lower, numbers) : undefined;
  if (n === undefined && cue > 1 && (v.pos[cue - 1] === 'NOUN' || v.pos[cue - 1] === 'ADJ')) n = numberOf(v.toks[cue - 2].lower, numbers);
  return n !== undefined && n < marked ? String(marked - n) : null;
}
