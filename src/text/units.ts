/**
 * Word units: the alphanumeric runs of a text, lower-cased, with their offsets. Dictionary phrases and
 * text are both reduced to units, so "Kim Jong-un", "Kim Jong Un" and "KIM JONG UN" all read
 * `kim jong un`, and "People's" reads `people s` on both sides. Clause punctuation (, ; : ( ) " and
 * sentence ends) is kept as a barrier unit so that a phrase never matches across it.
 *
 * Every unit carries the number of its word in the dictionaries' vocabulary (`id`), or -1 for a barrier
 * and a word no dictionary phrase holds: phrase tries look units up by that number, so a sentence's
 * words are hashed once however many tries read them.
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
/** Word and FNV-1a hash by vocabulary number, and an open-addressing table (number + 1, 0 for empty) over the hashes. */
const WORDS: string[] = [];
const HASHES: number[] = [];
let slots = new Int32Array(1 << 12);

const FNV_OFFSET = 0x811c9dc5 | 0;
const fnvStep = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);

function place(id: number): void {
  const mask = slots.length - 1;
  let k = HASHES[id] & mask;
  while (slots[k] !== 0) k = (k + 1) & mask;
  slots[k] = id + 1;
}

/** The vocabulary number of a lower-case word, adding it when new (for dictionary phrases). */
export function internWord(w: string): number {
  let id = VOCAB.get(w);
  if (id !== undefined) return id;
  id = WORDS.length;
  let h = FNV_OFFSET;
  for (let k = 0; k < w.length; k++) h = fnvStep(h, w.charCodeAt(k));
  VOCAB.set(w, id);
  WORDS.push(w);
  HASHES.push(h);
  if (WORDS.length * 2 > slots.length) {
    slots = new Int32Array(slots.length * 2);
    for (let k = 0; k < WORDS.length; k++) place(k);
  } else place(id);
  return id;
}

/** The vocabulary number of a lower-case word, or -1 when no dictionary phrase holds it. */
export const wordId = (w: string): number => VOCAB.get(w) ?? -1;

/**
 * The vocabulary number of the ASCII word text[i, j) read in lower case, given its hash: found without making a
 * string, which is the cost of looking a text's words up (most of them are in no dictionary).
 */
function asciiWordId(text: string, i: number, j: number, h: number): number {
  const mask = slots.length - 1;
  for (let k = h & mask, e = slots[k]; e !== 0; k = (k + 1) & mask, e = slots[k]) {
    const id = e - 1;
    if (HASHES[id] !== h) continue;
    const w = WORDS[id];
    if (w.length !== j - i) continue;
    let same = true;
    for (let n = 0; n < w.length && same; n++) same = lowerAscii(text.charCodeAt(i + n)) === w.charCodeAt(n);
    if (same) return id;
  }
  return -1;
}

/** A–Z to a–z; other ASCII as it is. */
const lowerAscii = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** The word of vocabulary number `id`. */
export const wordOf = (id: number): string => WORDS[id];

/** How many words the vocabulary holds: units made before it grew must be renumbered (see sentenceUnits). */
export const vocabularySize = (): number => VOCAB.size;

/** A unit of `u` (lower case, or BARRIER) over [start, end). */
export const unit = (u: string, start: number, end: number): Unit => ({ u, id: u === BARRIER ? -1 : wordId(u), start, end });

/** A letter or digit outside ASCII, read at the sticky position; `lastIndex` then ends it (one or two code units). */
const WIDE_WORD_CHAR = /[\p{L}\p{N}]/uy;
const SPACE = /\s/;

/** 0-9, A-Z, a-z. */
const isAsciiWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/** End of the letter or digit at `i` (i + 1 or i + 2), or -1 when `text[i]` is none. */
function wordCharEnd(text: string, i: number, c: number): number {
  if (c < 128) return isAsciiWordChar(c) ? i + 1 : -1;
  WIDE_WORD_CHAR.lastIndex = i;
  return WIDE_WORD_CHAR.test(text) ? WIDE_WORD_CHAR.lastIndex : -1;
}

/** , ; : ( ) [ ] " ! ? */
const isClausePunct = (c: number): boolean =>
  c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 91 || c === 93 || c === 34 || c === 33 || c === 63;

/**
 * Units of `text[from, to)`, offsets relative to the whole text: maximal runs of letters and digits,
 * clause punctuation, and a period followed by white space or by `to` (a sentence end, not "U.S").
 */
export function units(text: string, from = 0, to = text.length): Unit[] {
  const out: Unit[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    let j = wordCharEnd(text, i, c);
    if (j > 0) {
      // The lower-case word's hash as it is read; a word outside ASCII is looked up by its string instead.
      let ascii = c < 128;
      let h = fnvStep(FNV_OFFSET, lowerAscii(c));
      let e: number;
      while (j < to) {
        const cj = text.charCodeAt(j);
        if ((e = wordCharEnd(text, j, cj)) < 0) break;
        ascii &&= cj < 128;
        h = fnvStep(h, lowerAscii(cj));
        j = e;
      }
      const id = ascii ? asciiWordId(text, i, j, h) : -1;
      const w = id >= 0 ? WORDS[id] : text.slice(i, j).toLowerCase();
      out.push({ u: w, id: ascii ? id : wordId(w), start: i, end: j });
      i = j;
      continue;
    }
    if (isClausePunct(c) || (c === 46 && (i + 1 === to || SPACE.test(text[i + 1])))) out.push({ u: BARRIER, id: -1, start: i, end: i + 1 });
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
