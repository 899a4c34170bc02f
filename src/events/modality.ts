import type { ActorMention, Modality } from '../types.js';
import type { ModalityCue } from './cues.js';
import type { View } from './view.js';

const ORDER: ModalityCue['modality'][] = ['negated', 'hypothetical', 'future', 'planned', 'historical'];

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

/** Cues by their first word, per cue list: a token is looked up once instead of being compared with every cue. */
const INDEX = new WeakMap<ModalityCue[], Map<string, RankedCue[]>>();

function indexOf(cues: ModalityCue[]): Map<string, RankedCue[]> {
  let index = INDEX.get(cues);
  if (!index) {
    index = new Map();
    for (const cue of cues) {
      const list = index.get(cue.words[0]);
      const r = { cue, rank: ORDER.indexOf(cue.modality) };
      if (list) list.push(r);
      else index.set(cue.words[0], [r]);
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

/**
 * Modality from the cues: `aux` cues between the subject and the trigger ("did not", "will", "plans to"),
 * `clause` cues anywhere earlier in the clause or as its opening word ("if"), `after` cues after the trigger ("in the Korean War").
 * The strongest reading wins: negated, then hypothetical, future, historical. `intent` tells a future the actor
 * declares ("will", "plans to") from one reported as planned ("is scheduled to").
 */
export function cueModality(v: View, cues: ModalityCue[], auxFrom: number, trigStart: number, trigEnd: number): { modality: Modality; intent: boolean } {
  const cs = clauseStart(v, trigStart);
  const ce = clauseEnd(v, trigEnd);
  const index = indexOf(cues);
  // Where each kind of cue may start: aux and clause cues before the trigger, after cues past it.
  const auxFirst = Math.max(0, auxFrom, cs);
  const clauseFirst = Math.max(0, cs - 1);
  let best = ORDER.length;
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
    look(i, index.get(v.lem[i]));
    if (lower !== v.lem[i]) look(i, index.get(lower));
  }
  if (best === ORDER.length) return { modality: 'asserted', intent: false };
  const m = ORDER[best];
  return { modality: m === 'planned' ? 'future' : m, intent: m === 'future' };
}

/**
 * An act of a person who had died before the document's date is recalled, so historical: the source's act,
 * and with it the converse ("Kim Il Sung received Carter" → Carter's visit). Acts toward the dead ("laid
 * a wreath to Kim Il Sung") are not. A negated act stays negated.
 */
export function recalled(m: Modality, ...actors: (ActorMention | null)[]): Modality {
  return m !== 'negated' && actors.some((a) => a?.died) ? 'historical' : m;
}
