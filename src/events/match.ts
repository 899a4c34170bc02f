import type { EventDicts } from './load.js';
import { quadClass } from './ontology.js';
import { GAP, GAP_MAX, type Trigger } from './triggers.js';
import { POSSESSIVE_PRON, type View } from './view.js';

/** Quad classes of material events (cooperation 2, conflict 4). */
const MATERIAL = new Set([2, 4]);

/** A trigger matched in a sentence: the trigger and the token index of each of its words. */
export interface Match {
  t: Trigger;
  idx: number[];
}

/** Token `i` is the pattern word `w`: as lemma, as written, or as a plural the lemmatiser left alone ("airstrikes"). */
function wordAt(v: View, i: number, w: string): boolean {
  const lower = v.toks[i].lower;
  if (v.lem[i] === w || lower === w) return true;
  // A plural or past form the lemmatiser left alone ("airstrikes", "alleged" tagged as an adjective).
  return lower.startsWith(w) && (lower.length === w.length + 1 ? /[sd]$/.test(lower) : lower.length === w.length + 2 && lower.endsWith('ed'));
}

/** Token indices of trigger `t` matched from token `i`, or null. */
function matchAt(v: View, i: number, t: Trigger): number[] | null {
  const n = v.lem.length;
  const idx: number[] = [];
  let k = i;
  let gap = 0;
  for (const w of t.words) {
    if (w === GAP) {
      gap = GAP_MAX;
      continue;
    }
    let found = -1;
    if (k < n && v.toks[k].lower === '-') k++; // "cease-fire" is written as three tokens
    // Hyphens inside a gap do not count against it ("2-year-old economic sanctions").
    for (let g = 0, span = gap; g <= span && k + g < n; g++) {
      const p = k + g;
      if (v.toks[p].lower === '-') span += 2;
      if (wordAt(v, p, w)) {
        found = p;
        break;
      }
      // A gap holds modifiers: adjectives, nouns, numbers, hyphens, participles after a noun ("a data sharing agreement").
      const participle = v.pos[p] === 'VERB' && g > 0 && v.pos[p - 1] === 'NOUN' && /(ing|ed)$/.test(v.toks[p].lower);
      if ((v.pos[p] === 'VERB' && !participle) || (v.pos[p] === 'PUNCT' && v.toks[p].lower !== '-') || v.pos[p] === 'AUX' || v.is(p, 'boundary')) break;
    }
    if (found < 0) return null;
    idx.push(found);
    k = found + 1;
    gap = 0;
  }
  // wink tags some verbs after a modal or "to" as adjectives ("would free"): the modal decides.
  const afterModal = i > 0 && (v.pos[i - 1] === 'AUX' || (v.lem[i - 1] === 'to' && v.pos[i - 1] === 'PART'));
  const last = idx[idx.length - 1];
  // …and some nouns after a determiner and modifier as adjectives ("a warm welcome").
  const nounAsAdj = v.pos[last] === 'ADJ' && last > 0 && ['DET', 'ADJ', 'ADV'].includes(v.pos[last - 1]) && v.pos[last + 1] !== 'NOUN' && v.pos[last + 1] !== 'PROPN';
  // …and some verbs before "that" as adjectives ("the report alleged that …").
  const verbAsAdj = v.pos[i] === 'ADJ' && v.lem[last + 1] === 'that';
  const headPos = t.kind === 'noun' ? (nounAsAdj ? 'NOUN' : v.pos[last]) : t.kind === 'verb' && (afterModal || verbAsAdj) ? 'VERB' : v.pos[idx[0]];
  const ok =
    t.kind === 'verb' ? headPos === 'VERB' : t.kind === 'adj' ? headPos === 'ADJ' || headPos === 'VERB' : t.kind === 'modal' ? headPos === 'AUX' : headPos === 'NOUN' || headPos === 'PROPN';
  if (!ok) return null;
  // An intransitive trigger followed by a direct object is another sense ("demonstrated its missiles", "its might"):
  // a pronoun may follow in the other sense ("demonstrated there") but a possessive one opens an object.
  if (t.intransitive && v.chunkOf[k] >= 0 && !v.chunks[v.chunkOf[k]].actor && (v.pos[k] !== 'PRON' || POSSESSIVE_PRON.has(v.toks[k].lower))) return null;
  if (t.transitive && (k >= n || v.chunkOf[k] < 0) && !(i > 0 && v.pos[i - 1] === 'AUX' && v.lem[i - 1] === 'be')) return null;
  // A verb acting on a text or a need is another sense: "released a statement", "met the demand". (The actor is
  // asked last: naming an unnamed chunk may parse the sentence's dates.)
  if (t.kind === 'verb' && k < n && v.chunkOf[k] >= 0 && v.is(headOf(v, v.chunkOf[k]), 'document') && !v.chunks[v.chunkOf[k]].actor) return null;
  return idx;
}

/** Triggers whose first word is token `i`: by its written form ("opposed to") first, then by its lemma ("oppose"). */
function candidates(d: EventDicts, v: View, i: number): Trigger[] | undefined {
  const lower = v.toks[i].lower;
  const byLemma = d.byFirst.get(v.lem[i]);
  const byForm = lower !== v.lem[i] ? d.byFirst.get(lower) : undefined;
  if (byLemma && byForm) return [...byForm, ...byLemma];
  return byForm ?? byLemma ?? pastForm(d, v, i);
}

/** Triggers of a past participle tagged as an adjective, whose lemma is then the word itself ("alleged"). */
function pastForm(d: EventDicts, v: View, i: number): Trigger[] | undefined {
  const w = v.toks[i].lower;
  if (v.pos[i] !== 'ADJ' || !w.endsWith('ed')) return undefined;
  return d.byFirst.get(w.slice(0, -1)) ?? d.byFirst.get(w.slice(0, -2));
}

/** Trigger matches left to right, longest pattern first at each token, without overlaps. */
export function findTriggers(v: View, d: EventDicts): Match[] {
  const out: Match[] = [];
  const n = v.lem.length;
  for (let i = 0; i < n; ) {
    // A hyphenated participle modifies a noun ("Syrian-backed militia"): no trigger there.
    const hyphenated = i > 0 && v.pos[i] === 'VERB' && v.toks[i - 1].lower === '-' && v.toks[i - 1].end === v.toks[i].start;
    const cands = hyphenated ? undefined : candidates(d, v, i);
    let m: Match | null = null;
    if (cands) {
      for (const t of cands) {
        const idx = matchAt(v, i, t);
        // A document does not act materially: "a report released Tuesday" is no release of prisoners.
        if (idx && t.kind === 'verb' && i > 0 && v.chunkOf[i - 1] >= 0 && v.is(headOf(v, v.chunkOf[i - 1]), 'document') && MATERIAL.has(quadClass(d.ontology, t.cameo) ?? 0)) continue;
        if (idx) {
          m = { t, idx };
          break;
        }
      }
    }
    if (m) {
      out.push(m);
      i = m.idx[m.idx.length - 1] + 1;
    } else i++;
  }
  return out;
}

/** Token index of a chunk's head (its last noun, else its last token). */
function headOf(v: View, c: number): number {
  const ch = v.chunks[c];
  let h = ch.b;
  while (h > ch.a && v.pos[h] !== 'NOUN' && v.pos[h] !== 'PROPN') h--;
  return h;
}
