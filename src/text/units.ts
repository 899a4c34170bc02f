/**
 * Word units: the alphanumeric runs of a text, lower-cased, with their offsets. Dictionary phrases and
 * text are both reduced to units, so "Kim Jong-un", "Kim Jong Un" and "KIM JONG UN" all read
 * `kim jong un`, and "People's" reads `people s` on both sides. Clause punctuation (, ; : ( ) " and
 * sentence ends) is kept as a barrier unit so that a phrase never matches across it.
 *
 * Every unit carries the number of its word in the dictionaries' vocabulary (`id`), or -1 for a barrier
 * and a word no dictionary phrase holds: phrase tries look units up by that number, so a sentence's
 * words are hashed once however many tries read them.
 *
 * units() runs on every sentence of every text, and most of its words are in no dictionary: an ASCII word is
 * hashed as it is read and found in a table of known words without making a string, and a word met before
 * (dictionary word or not) gets the string kept for it, so that the common case allocates only the unit.
 */
import type { Sentence, SharedUnits } from '../types.js';

export interface Unit {
  /** Lower-case unit text, or BARRIER. */
  u: string;
  /** Vocabulary number of `u` (see wordId), -1 for a barrier or an unknown word. */
  id: number;
  start: number;
  end: number;
}

export const BARRIER = '\u0000';

/** The words of every dictionary phrase compiled so far, numbered in order of first appearance. */
const VOCAB = new Map<string, number>();
const WORDS: string[] = [];

/**
 * The lower-case ASCII words units are looked up by, found from a text's characters without making a string:
 * every such vocabulary word, and up to SEEN_MAX words no longer than SEEN_LONGEST that texts read so far hold
 * and no dictionary does (all are forgotten when the limit is reached or the vocabulary grows). An
 * open-addressing table over FNV-1a hashes, four numbers a slot: the hash; the entry (vocabulary number + 1, or
 * -(k + 1) for SEEN[k], 0 for an empty slot); where the word's characters start in `chars`; its length.
 */
const SEEN: string[] = [];
const SEEN_MAX = 1 << 15;
const SEEN_LONGEST = 32;
let chars = new Uint8Array(1 << 16);
let used = 0;
/** Characters of the vocabulary's words: the seen words' follow, and go when they are forgotten. */
let vocabChars = 0;
let slots = new Int32Array(4 << 14);
let filled = 0;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function place(table: Int32Array, h: number, entry: number, at: number, length: number): void {
  const mask = (table.length >> 2) - 1;
  let k = h & mask;
  while (table[4 * k + 1] !== 0) k = (k + 1) & mask;
  table[4 * k] = h;
  table[4 * k + 1] = entry;
  table[4 * k + 2] = at;
  table[4 * k + 3] = length;
}

/** The table again, `grow` times as large, without the seen words when `forget`. */
function rebuild(grow: number, forget: boolean): void {
  const old = slots;
  slots = new Int32Array(old.length * grow);
  filled = 0;
  for (let k = 1; k < old.length; k += 4) {
    if (old[k] === 0 || (forget && old[k] < 0)) continue;
    place(slots, old[k - 1], old[k], old[k + 1], old[k + 2]);
    filled++;
  }
  if (forget) {
    SEEN.length = 0;
    used = vocabChars;
  }
}

/** Adds the ASCII word text[i, i + length) read in lower case, of hash `h`, as `entry`. */
function add(h: number, entry: number, text: string, i: number, length: number): void {
  if ((filled + 1) * 2 > slots.length >> 2) rebuild(2, false);
  if (used + length > chars.length) {
    const more = new Uint8Array(Math.max(chars.length * 2, used + length));
    more.set(chars);
    chars = more;
  }
  place(slots, h, entry, used, length);
  filled++;
  for (let n = 0; n < length; n++) chars[used++] = lowerAscii(text.charCodeAt(i + n));
}

/** The vocabulary number of a lower-case word, adding it when new (for dictionary phrases). */
export function internWord(w: string): number {
  let id = VOCAB.get(w);
  if (id !== undefined) return id;
  id = WORDS.length;
  VOCAB.set(w, id);
  WORDS.push(w);
  // A word with a letter outside ASCII or a capital is never found from a text's characters (see units).
  let h = FNV_OFFSET;
  let asciiLower = true;
  for (let k = 0; k < w.length && asciiLower; k++) {
    const c = w.charCodeAt(k);
    asciiLower = c < 128 && !(c >= 65 && c <= 90);
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  if (asciiLower) {
    // A seen word may be this one, which must be found as a vocabulary word from now on.
    if (SEEN.length > 0) rebuild(1, true);
    add(h, id + 1, w, 0, w.length);
    vocabChars = used;
  }
  return id;
}

/** The vocabulary number of a lower-case word, or -1 when no dictionary phrase holds it. */
export const wordId = (w: string): number => VOCAB.get(w) ?? -1;

/** The table entry (see SEEN) of the ASCII word text[i, j) read in lower case, given its hash; 0 for none. */
function entryOf(text: string, i: number, j: number, h: number): number {
  const mask = (slots.length >> 2) - 1;
  for (let k = h & mask; slots[4 * k + 1] !== 0; k = (k + 1) & mask) {
    if (slots[4 * k] !== h || slots[4 * k + 3] !== j - i) continue;
    let at = slots[4 * k + 2];
    let n = i;
    while (n < j && lowerAscii(text.charCodeAt(n)) === chars[at]) n++, at++;
    if (n === j) return slots[4 * k + 1];
  }
  return 0;
}

/**
 * The lower-case string of the ASCII word text[i, j) that no dictionary holds, kept for the next time it is read
 * unless it is long. A kept string is made from the copied characters: a slice may share the memory of the whole
 * text, which the table must not keep.
 */
function seen(text: string, i: number, j: number, h: number, lower: boolean): string {
  if (j - i > SEEN_LONGEST) return lower ? text.slice(i, j) : text.slice(i, j).toLowerCase();
  if (SEEN.length === SEEN_MAX) rebuild(1, true);
  const at = used;
  add(h, -(SEEN.length + 1), text, i, j - i);
  const w = String.fromCharCode.apply(null, chars.subarray(at, used) as unknown as number[]);
  SEEN.push(w);
  return w;
}

/** A–Z to a–z; other ASCII as it is. */
const lowerAscii = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** How many words the vocabulary holds: units made before it grew must be renumbered (see sentenceUnits). */
export const vocabularySize = (): number => VOCAB.size;

/** A unit of `u` (lower case, or BARRIER) over [start, end). */
export const unit = (u: string, start: number, end: number): Unit => ({ u, id: u === BARRIER ? -1 : wordId(u), start, end });

/** A letter or digit outside ASCII, read at the sticky position; `lastIndex` then ends it (one or two code units). */
const WIDE_WORD_CHAR = /[\p{L}\p{N}]/uy;
const SPACE = /\s/;

/** What each ASCII character is to the scanner: a letter or digit, clause punctuation (, ; : ( ) [ ] " ! ?), a period, or nothing. */
const WORD = 1;
const CLAUSE = 2;
const PERIOD = 3;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = WORD;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = ASCII_CLASS[c + 32] = WORD;
for (const c of ',;:()[]"!?') ASCII_CLASS[c.charCodeAt(0)] = CLAUSE;
ASCII_CLASS[46] = PERIOD;

/** End of the letter or digit outside ASCII at `i` (i + 1 or i + 2), or -1 when `text[i]` is none. */
function wideCharEnd(text: string, i: number): number {
  WIDE_WORD_CHAR.lastIndex = i;
  return WIDE_WORD_CHAR.test(text) ? WIDE_WORD_CHAR.lastIndex : -1;
}

/** End of the letter or digit at `i`, or -1 when `text[i]` is none. */
const wordCharEnd = (text: string, i: number, c: number): number =>
  c < 128 ? (ASCII_CLASS[c] === WORD ? i + 1 : -1) : wideCharEnd(text, i);

/** Is text[i] white space (a period before it ends a sentence)? */
function spaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : SPACE.test(text[i]);
}

/** End of the word that runs on from text[i, j) (whose letters outside ASCII make it no plain ASCII word). */
function wideWordEnd(text: string, j: number, to: number): number {
  let e: number;
  while (j < to && (e = wordCharEnd(text, j, text.charCodeAt(j))) >= 0) j = e;
  return j;
}

/**
 * Units of `text[from, to)`, offsets relative to the whole text: maximal runs of letters and digits,
 * clause punctuation, and a period followed by white space or by `to` (a sentence end, not "U.S").
 */
export function units(text: string, from = 0, to = text.length): Unit[] {
  const out: Unit[] = [];
  let i = from;
  while (i < to) {
    let c = text.charCodeAt(i);
    const kind = c < 128 ? ASCII_CLASS[c] : wideCharEnd(text, i) >= 0 ? WORD : 0;
    if (kind === WORD) {
      // An ASCII word is hashed in lower case as it is read, then looked up by its characters (see SEEN).
      let j = i;
      let h = FNV_OFFSET;
      let lower = true;
      while (c < 128) {
        if (c <= 90 && c >= 65) {
          c += 32;
          lower = false;
        }
        h = Math.imul(h ^ c, FNV_PRIME);
        if (++j === to) break;
        c = text.charCodeAt(j);
        if (c < 128 && ASCII_CLASS[c] !== WORD) break;
      }
      if (j < to && c >= 128 && wideCharEnd(text, j) >= 0) {
        // Letters outside ASCII: looked up by the lower-case string.
        j = wideWordEnd(text, j, to);
        const w = text.slice(i, j).toLowerCase();
        out.push({ u: w, id: wordId(w), start: i, end: j });
      } else {
        const e = entryOf(text, i, j, h);
        if (e > 0) out.push({ u: WORDS[e - 1], id: e - 1, start: i, end: j });
        else out.push({ u: e < 0 ? SEEN[-e - 1] : seen(text, i, j, h, lower), id: -1, start: i, end: j });
      }
      i = j;
      continue;
    }
    if (kind === CLAUSE || (kind === PERIOD && (i + 1 === to || spaceAt(text, i + 1)))) out.push({ u: BARRIER, id: -1, start: i, end: i + 1 });
    i++;
  }
  return out;
}

/**
 * The units a sentence shares between stages. Units numbered before the vocabulary grew (a dictionary
 * loaded since) miss its new words: they are dropped and computed again.
 */
export function shared(s: Sentence): SharedUnits {
  let c = s.shared;
  if (c === undefined || c.vocab !== VOCAB.size) s.shared = c = { vocab: VOCAB.size, words: undefined, lemmas: undefined };
  return c;
}

/**
 * The word units of sentence `s` of `text`, computed once for every stage that reads them (actors, dates).
 * Callers must not change them; a caller that needs other units derives its own array.
 */
export function sentenceUnits(text: string, s: Sentence): Unit[] {
  const c = shared(s);
  return (c.words ??= units(text, s.start, s.end));
}

/** The unit keys of a dictionary phrase ("Democratic People's Republic of Korea" → democratic people s republic of korea). */
export function phraseKeys(phrase: string): string[] {
  const out: string[] = [];
  for (const m of phrase.matchAll(/[\p{L}\p{N}]+/gu)) out.push(m[0].toLowerCase());
  return out;
}
