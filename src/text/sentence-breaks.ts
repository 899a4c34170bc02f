/**
 * Where the platform's Unicode sentence segmenter (Intl.Segmenter, ICU's UAX #29 rules) puts its breaks. For a
 * text all in ASCII (nearly every KCNA story once normalised) the same breaks are found by a scan of the UAX #29
 * rules over ASCII's few sentence-break classes, at about a sixth of the CPU ICU takes (most of that is handing
 * the text to ICU and reading each segment back); any other text goes to ICU. The test checks the scan against
 * the segmenter on random ASCII strings.
 */
import { isAscii } from './normalise.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** UAX #29 Sentence_Break classes of the ASCII characters (OLetter, Sep, Format and Extend hold none). */
const OTHER = 0;
const CR = 1;
const LF = 2;
const SP = 3;
const LOWER = 4;
const UPPER = 5;
const NUMERIC = 6;
const ATERM = 7;
const STERM = 8;
const CLOSE = 9;
const SCONTINUE = 10;
const CLASS = new Uint8Array(128).fill(OTHER);
CLASS[13] = CR;
CLASS[10] = LF;
for (const c of '\t\v\f ') CLASS[c.charCodeAt(0)] = SP;
for (let c = 0; c < 26; c++) {
  CLASS[97 + c] = LOWER;
  CLASS[65 + c] = UPPER;
}
for (let c = 48; c <= 57; c++) CLASS[c] = NUMERIC;
CLASS[46] = ATERM;
for (const c of '!?') CLASS[c.charCodeAt(0)] = STERM;
for (const c of `"'()[]{}`) CLASS[c.charCodeAt(0)] = CLOSE;
for (const c of ',-:;') CLASS[c.charCodeAt(0)] = SCONTINUE;

const TERMINATOR_OR_LINE_BREAK = /[.!?\r\n]/g;

/** The breaks ICU puts in `text`: every segment end but the text's own end, in order. */
export function sentenceBreaks(text: string): number[] {
  return isAscii(text) ? asciiBreaks(text) : icuBreaks(text);
}

function icuBreaks(text: string): number[] {
  const out: number[] = [];
  const segments = segmenter.segment(text);
  // Segment by segment through `containing`, which costs the segmenter less than its iterator.
  for (let at = segments.containing(0)?.segment.length ?? 0; at < text.length; at += segments.containing(at)!.segment.length) out.push(at);
  return out;
}

/**
 * UAX #29 over ASCII: a break after a line break (CR LF kept together, SB3–4) and after a sentence end, that is
 * a terminator (. ! ?) with closing quotes or brackets and spaces after it (SB9–11), unless what follows continues
 * the sentence: a line break (which then ends it), a comma, dash, colon, semicolon or terminator (SB8a), or, after
 * a period, a digit or a capital right against it ("3.5", "U.S", SB6–7) or a lower-case letter before the next
 * letter or terminator ("etc. and", SB8).
 */
function asciiBreaks(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Only a line break or a terminator can start a break: the regular expression finds the next one natively.
    TERMINATOR_OR_LINE_BREAK.lastIndex = i;
    if (!TERMINATOR_OR_LINE_BREAK.test(text)) break;
    i = TERMINATOR_OR_LINE_BREAK.lastIndex - 1;
    const c = CLASS[text.charCodeAt(i)];
    if (c === CR || c === LF) {
      const end = c === CR && i + 1 < n && CLASS[text.charCodeAt(i + 1)] === LF ? i + 2 : i + 1;
      if (end < n) out.push(end);
      i = end;
      continue;
    }
    let j = i + 1;
    while (j < n && CLASS[text.charCodeAt(j)] === CLOSE) j++;
    while (j < n && CLASS[text.charCodeAt(j)] === SP) j++;
    if (j === n) break;
    const x = CLASS[text.charCodeAt(j)];
    let joins = x === CR || x === LF || x === SCONTINUE || x === ATERM || x === STERM;
    if (!joins && c === ATERM) {
      const before = i > 0 ? CLASS[text.charCodeAt(i - 1)] : OTHER;
      if (j === i + 1 && (x === NUMERIC || (x === UPPER && (before === UPPER || before === LOWER)))) joins = true;
      else {
        let k = j;
        let y = x;
        while (y !== UPPER && y !== LOWER && y !== CR && y !== LF && y !== ATERM && y !== STERM && ++k < n) y = CLASS[text.charCodeAt(k)];
        joins = y === LOWER;
      }
    }
    if (!joins) out.push(j);
    i = j;
  }
  return out;
}
