/**
 * Sentence boundaries: the breaks of the platform's Unicode sentence segmenter (Intl.Segmenter, ICU's UAX #29
 * rules; sentence-breaks.ts), with the breaks it puts after an abbreviation or an initial joined again
 * (data/text/abbreviations.txt: "Dr. Kim", "Dec. 5"; "G. Zyuganov"), and after a dotted initialism unless a
 * sentence opener follows ("the U.S. FTA" is one sentence, "the U.S. The DPRK" two: data/text/sentence-openers.txt).
 * ICU splits a KCNA story ~8× faster than wink-nlp's tokeniser and sentence boundary detection, which the coder
 * then runs only on the sentences that need POS tags (see analyse.ts); ICU in Node has no abbreviation
 * suppressions of its own, hence the two word lists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDictText, SHIPPED_DATA_DIR } from '../dict/files.js';
import { sentenceBreaks } from './sentence-breaks.js';

const words = (file: string): Set<string> =>
  new Set(parseDictText(readFileSync(join(SHIPPED_DATA_DIR, 'text', file), 'utf8'), `text/${file}`).map((l) => l.fields[0]));

const ABBREVIATIONS = words('abbreviations.txt');
const OPENERS = words('sentence-openers.txt');

const SPACE = /\s/;
const LETTER = /\p{L}/u;
const INITIALISM = /^(\p{L}\.)+\p{L}$/u;
const INITIAL = /^\p{Lu}$/u;
const FIRST_WORD = /["'(]?([\p{L}\p{N}]+)/uy;

/** Is text[i] white space? ASCII is read directly: the regular expression only for the rest. */
function spaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : SPACE.test(text[i]);
}

/** Is text[i] a letter or a period (of "U.S.")? */
function letterOrDotAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 46 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER.test(text[i]);
}

/** Does the break that the segmenter put at `at` (between text[..at) and text[at..)) stand? */
function breakStands(text: string, at: number): boolean {
  let e = at;
  while (e > 0 && spaceAt(text, e - 1)) {
    // A line break ends a sentence whatever precedes it (a heading, a paragraph ending in "U.S.").
    if (text.charCodeAt(e - 1) === 10) return true;
    e--;
  }
  if (e === 0 || text.charCodeAt(e - 1) !== 46) return true;
  let b = --e;
  while (b > 0 && letterOrDotAt(text, b - 1)) b--;
  if (b === e) return true;
  const last = text.slice(b, e);
  // The segmenter breaks after a period only before a capital or a digit: after an abbreviation or a person's
  // initial ("G. Zyuganov") that is never a sentence end, after a dotted initialism only before an opener.
  const joins = ABBREVIATIONS.has(last) || (last.length <= 2 && INITIAL.test(last));
  if (!joins && !(last.includes('.') && INITIALISM.test(last))) return true;
  FIRST_WORD.lastIndex = at;
  const next = FIRST_WORD.exec(text)?.[1];
  return next === undefined || (!joins && OPENERS.has(next));
}

/** Adds [start, end) to `out` with white space trimmed, unless nothing is left. */
function close(out: [number, number][], text: string, start: number, end: number): void {
  while (start < end && spaceAt(text, start)) start++;
  while (end > start && spaceAt(text, end - 1)) end--;
  if (end > start) out.push([start, end]);
}

/** [start, end) of each sentence of `text`, white space trimmed; empty segments dropped. */
export function sentenceSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (const at of sentenceBreaks(text)) {
    if (breakStands(text, at)) {
      close(out, text, start, at);
      start = at;
    }
  }
  close(out, text, start, text.length);
  return out;
}
