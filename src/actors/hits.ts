/**
 * What findActors() reads of a sentence before combining anything: its word units as the actor
 * dictionaries see them, and the dictionary phrases found over those units.
 */
import type { Sentence } from '../types.js';
import { BARRIER, sentenceUnits, unit, type Unit } from '../text/units.js';
import { fold } from './compile.js';
import type { PhraseMatch } from '../text/phrase-matcher.js';
import type { ActorDicts, Entry, Hit } from './model.js';

/** A dictionary phrase found over units [from, to) = characters [start, end). */
export interface Item {
  from: number;
  to: number;
  start: number;
  end: number;
  hit: Hit;
}

const HAS_LOWER = /\p{Ll}/u;

/** Does text[start, end) hold a lower-case letter? ASCII is read without making a string (DPRK, US, WHO are checked at every mention). */
export function hasLower(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
    if (c > 127) return HAS_LOWER.test(text.slice(start, end));
  }
  return false;
}

const hasNonAscii = (text: string, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) > 127) return true;
  return false;
};

/** A period unit that ends an abbreviation (U.S., D.P.R.K.): right after a one-character unit. */
const abbreviationPeriod = (text: string, u: Unit, prev: Unit): boolean =>
  text.charCodeAt(u.start) === 46 && prev.end === u.start && prev.u.length === 1;

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/**
 * May a period of the ASCII text[from, to) end an abbreviation? Such a period follows a unit of one character
 * that ends right there, so the two characters before it are not both letters or digits, and the one before
 * is no space. Most sentences hold one period, after a longer word: their characters answer, not their units.
 */
function mayEndAbbreviation(text: string, from: number, to: number): boolean {
  for (let p = text.indexOf('.', from + 1); p >= 0 && p < to; p = text.indexOf('.', p + 1)) {
    const c = text.charCodeAt(p - 1);
    if (!isSpace(c) && !(p - 2 >= from && isAlnum(c) && isAlnum(text.charCodeAt(p - 2)))) return true;
  }
  return false;
}

/**
 * The sentence's word units, accents folded, with the periods of abbreviations dropped: derived from
 * the shared units of the sentence, which stay as they are for the other stages. Most sentences need
 * neither change, and get the shared array itself (never changed here). `asciiText`: the whole text is
 * ASCII, so no sentence of it needs folding.
 */
export function actorUnits(text: string, s: Sentence, asciiText: boolean): Unit[] {
  const all = sentenceUnits(text, s);
  const ascii = asciiText || !hasNonAscii(text, s.start, s.end);
  if (ascii && !mayEndAbbreviation(text, s.start, s.end)) return all;
  let k = 0;
  if (ascii) {
    while (k < all.length && !(k > 0 && all[k].u === BARRIER && abbreviationPeriod(text, all[k], all[k - 1]))) k++;
    if (k === all.length) return all;
  }
  const out = all.slice(0, k);
  for (; k < all.length; k++) {
    const u = all[k];
    if (u.u === BARRIER) {
      if (!(out.length > 0 && abbreviationPeriod(text, u, out[out.length - 1]))) out.push(u);
    } else if (ascii) out.push(u);
    else {
      const folded = fold(u.u);
      out.push(folded === u.u ? u : unit(folded, u.start, u.end));
    }
  }
  return out;
}

/** Does every word of match [from, to) that `caps` marks begin with a capital in the text? */
function capitalised(text: string, us: Unit[], from: number, to: number, caps: number): boolean {
  for (let k = from; k < to && k - from < 31; k++) {
    if ((caps >> (k - from)) & 1 && !isCapital(text, us[k].start)) return false;
  }
  return true;
}

const CAPITAL = /^\p{Lu}/u;
const isCapital = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c < 128 ? c >= 65 && c <= 90 : CAPITAL.test(text.slice(i, i + 2));
};

/** The last-loaded entry of `m` whose case rule the text satisfies (US ≠ us, Russia Today ≠ Russia today), or null. */
function allowed(text: string, us: Unit[], m: PhraseMatch<Entry[]>): Hit | null {
  for (let k = m.value.length - 1; k >= 0; k--) {
    const e = m.value[k];
    if ((!e.upper || !hasLower(text, m.start, m.end)) && (e.caps === 0 || capitalised(text, us, m.from, m.to, e.caps))) return e.hit;
  }
  return null;
}

/**
 * Trie hits, each with the last-loaded entry whose case rule the text satisfies. A phrase none of whose
 * entries the case allows is read again as shorter phrases: "visited Russia today" holds Russia.
 */
export function items(text: string, us: Unit[], d: ActorDicts): Item[] {
  const ms = d.matcher.matchAll(us);
  const out: Item[] = [];
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i];
    const hit = allowed(text, us, m);
    if (hit) out.push({ from: m.from, to: m.to, start: m.start, end: m.end, hit });
    else if (m.to - m.from > 1) inside(text, us, d, m.from, m.to, out);
  }
  return out;
}

/** The hits within units [from, to) that the case allows, none spanning all of them (it was refused). */
function inside(text: string, us: Unit[], d: ActorDicts, from: number, to: number, out: Item[]): void {
  for (let i = from; i < to; ) {
    const bounded = us.slice(0, i === from ? to - 1 : to);
    const m = i < bounded.length ? d.matcher.longestAt(bounded, i) : null;
    if (m === null) {
      i++;
      continue;
    }
    const hit = allowed(text, us, m);
    if (hit) out.push({ from: m.from, to: m.to, start: m.start, end: m.end, hit });
    else if (m.to - m.from > 1) inside(text, us, d, m.from, m.to, out);
    i = m.to;
  }
}
