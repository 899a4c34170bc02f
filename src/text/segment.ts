/**
 * Sentence boundaries: the platform's Unicode sentence segmenter (Intl.Segmenter, ICU's UAX #29 rules), with
 * the breaks it puts after an abbreviation or an initial joined again (data/text/abbreviations.txt: "Dr. Kim",
 * "Dec. 5"; "G. Zyuganov"), and after a dotted initialism unless a sentence opener follows ("the U.S. FTA" is
 * one sentence, "the U.S. The DPRK" two: data/text/sentence-openers.txt). ICU splits a KCNA story ~8× faster than wink-nlp's tokeniser
 * and sentence boundary detection, which the coder then runs only on the sentences that need POS tags
 * (see analyse.ts); ICU in Node has no abbreviation suppressions of its own, hence the two word lists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDictText, SHIPPED_DATA_DIR } from '../dict/files.js';

const words = (file: string): Set<string> =>
  new Set(parseDictText(readFileSync(join(SHIPPED_DATA_DIR, 'text', file), 'utf8'), `text/${file}`).map((l) => l.fields[0]));

const ABBREVIATIONS = words('abbreviations.txt');
const OPENERS = words('sentence-openers.txt');
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

const SPACE = /\s/;
const WORD_OR_DOT = /[\p{L}.]/u;
const INITIALISM = /^(\p{L}\.)+\p{L}$/u;
const INITIAL = /^\p{Lu}$/u;
const FIRST_WORD = /["'(]?([\p{L}\p{N}]+)/uy;

/** Does the break that the segmenter put at `at` (between text[..at) and text[at..)) stand? */
function breakStands(text: string, at: number): boolean {
  let e = at;
  while (e > 0 && SPACE.test(text[e - 1])) {
    // A line break ends a sentence whatever precedes it (a heading, a paragraph ending in "U.S.").
    if (text[e - 1] === '\n') return true;
    e--;
  }
  if (e === 0 || text[e - 1] !== '.') return true;
  let b = --e;
  while (b > 0 && WORD_OR_DOT.test(text[b - 1])) b--;
  if (b === e) return true;
  const last = text.slice(b, e);
  FIRST_WORD.lastIndex = at;
  const next = FIRST_WORD.exec(text)?.[1];
  if (!next) return true;
  // The segmenter breaks after a period only before a capital or a digit: after an abbreviation or a person's
  // initial ("G. Zyuganov"), never a sentence end.
  if (ABBREVIATIONS.has(last) || INITIAL.test(last)) return false;
  if (last.includes('.') && INITIALISM.test(last)) return OPENERS.has(next);
  return true;
}

/** [start, end) of each sentence of `text`, white space trimmed; empty segments dropped. */
export function sentenceSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const close = (end: number) => {
    let a = start;
    let b = end;
    while (a < b && SPACE.test(text[a])) a++;
    while (b > a && SPACE.test(text[b - 1])) b--;
    if (b > a) out.push([a, b]);
  };
  for (const s of segmenter.segment(text)) {
    if (s.index === 0 || !breakStands(text, s.index)) continue;
    close(s.index);
    start = s.index;
  }
  close(text.length);
  return out;
}
