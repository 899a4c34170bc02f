import type { ActorMention, Modality } from '../types.js';
import type { ModalityCue } from './cues.js';
import type { View } from './view.js';

const ORDER: ModalityCue['modality'][] = ['negated', 'hypothetical', 'future', 'planned', 'historical'];

/** Does cue `c` occur with its first word somewhere in [from, to)? (Words are lemmas or lower-case forms.) */
function occurs(v: View, c: ModalityCue, from: number, to: number): boolean {
  const toks = v.s.tokens;
  for (let i = Math.max(0, from); i < to; i++) {
    let k = 0;
    while (k < c.words.length && i + k < toks.length && (v.lem[i + k] === c.words[k] || toks[i + k].lower === c.words[k])) k++;
    if (k === c.words.length) return true;
  }
  return false;
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
  let best = ORDER.length;
  for (const c of cues) {
    const rank = ORDER.indexOf(c.modality);
    if (rank >= best) continue;
    const hit =
      c.where === 'aux' ? occurs(v, c, Math.max(auxFrom, cs), trigStart) : c.where === 'clause' ? occurs(v, c, Math.max(0, cs - 1), trigStart) : occurs(v, c, trigEnd + 1, ce);
    if (hit) best = rank;
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
