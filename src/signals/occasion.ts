import type { DateMention } from '../pipeline/stages.js';
import type { Unit } from '../text/units.js';
import type { OccasionType, Token } from '../types.js';
import type { OccasionEntry, SignalDicts } from './load.js';

export interface Occasion {
  text: string;
  type: OccasionType;
  start: number;
  end: number;
  rule: string;
}

const ORDINAL = /^\d+(st|nd|rd|th)?$/;
const NP_INNER = new Set(['DET', 'NUM', 'ADJ', 'NOUN', 'PROPN', 'PRON', 'PART']);
/** Words that end an occasion's phrase on the right, or on the left ("as regards"). */
const STOP = new Set(['on', 'that', 'which', 'who', 'regards', 'approach']);

/** What findOccasion reads of a sentence; `tokens` only when the sentence names an occasion. */
export interface OccasionSource {
  units: Unit[];
  readonly tokens: Token[];
  text: string;
  readonly dates: DateMention[];
}

/** A number, ordinal or not ("119", "119th"), which occasion phrases skip: the units without them, or `us` when none. */
function withoutOrdinals(us: Unit[]): Unit[] {
  let out: Unit[] | null = null;
  for (let i = 0; i < us.length; i++) {
    const u = us[i];
    const c = u.u.charCodeAt(0);
    const ordinal = c >= 48 && c <= 57 && ORDINAL.test(u.u);
    if (ordinal && out === null) out = us.slice(0, i);
    else if (!ordinal && out !== null) out.push(u);
  }
  return out ?? us;
}

/**
 * The occasion a sentence names: the match of highest precedence in data/signals/occasions.txt
 * (death before anniversary, "anniversary of its independence" is a national day), widened to its
 * noun phrase for the text ("the 119th birth anniversary of her"). Falls back to a named day the
 * dates stage found ("on Victory Day"). Null when the sentence names none.
 */
export function findOccasion(v: OccasionSource, dicts: SignalDicts): Occasion | null {
  let best: { start: number; end: number; e: OccasionEntry } | null = null;
  for (const m of dicts.occasions.matchAll(withoutOrdinals(v.units))) {
    const e = m.value.reduce((a, b) => (b.rank < a.rank ? b : a));
    if (!best || e.rank < best.e.rank) best = { start: m.start, end: m.end, e };
  }
  const dates = v.dates;
  if (!best) {
    const named = dates.find((d) => d.named);
    if (!named?.named) return null;
    return { text: named.named.name, type: named.named.occasion_type as OccasionType, start: named.start, end: named.end, rule: named.named.rule };
  }
  const [start, end] = widen(v.tokens, best.start, best.end, dates);
  const words = v.text.slice(start, end).replace(/\s+/g, ' ').replace(/^(the )?occasion of /i, '');
  return { text: words.replace(/^(the|his|her|its|their|a|an)\s+/i, ''), type: best.e.type, start, end, rule: best.e.rule };
}

/** Whether token `t` begins inside one of the dates. */
function isDate(dates: DateMention[], t: Token): boolean {
  for (const d of dates) if (t.start >= d.start && t.start < d.end) return true;
  return false;
}

/** Widen [start, end) to the noun phrase around it, up to the next comma, date or verb. */
function widen(tokens: Token[], start: number, end: number, dates: DateMention[]): [number, number] {
  let i = tokens.findIndex((t) => t.start >= start);
  let j = tokens.findIndex((t) => t.end >= end);
  if (i < 0 || j < 0) return [start, end];
  while (i > 0 && (NP_INNER.has(tokens[i - 1].pos) || tokens[i - 1].lower === 'of') && tokens[i - 1].text !== ',' && !STOP.has(tokens[i - 1].lower)) i--;
  while (j + 1 < tokens.length) {
    const t = tokens[j + 1];
    if (t.pos === 'PUNCT' || isDate(dates, t) || (t.pos === 'VERB' && t.lower === t.text) || STOP.has(t.lower)) break;
    j++;
  }
  return [tokens[i].start, tokens[j].end];
}
