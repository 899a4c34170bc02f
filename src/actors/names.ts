/**
 * Proper-noun runs from wink's tokens: the name of a person the dictionaries do not know, written next
 * to a title ("President Choummaly Sayasone", "Amama Mbabazi, prime minister of Uganda"), and the
 * part of speech of a word. Tokens are costly to read, so an ASCII text is asked first whether a name can
 * be there at all: a name begins with a capital, and in ASCII wink's tokens hold every character but
 * spaces, tabs and line breaks, at which they are split, so the first token after a position begins in
 * the run of characters there or right after the spaces that follow it. (Some spaces outside ASCII, such
 * as U+2000, are dropped by wink and shift every later token's offsets: there only the tokens can tell.)
 */
import type { Sentence, Token } from '../types.js';

/** Capitalised words that are not names. */
const NOT_NAMES = new Set([
  'the', 'a', 'an', 'mr', 'mrs', 'ms', 'dr', 'his', 'her', 'their', 'on', 'in', 'at', 'of', 'and', 'to', 'for',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);
const NAME_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'X']);
const CAPITAL = /^\p{Lu}/u;

const isNameWord = (t: Token) => CAPITAL.test(t.text) && NAME_POS.has(t.pos) && !NOT_NAMES.has(t.lower);
const isJoiner = (t: Token) => t.text === '-' || t.text === "'";

export interface NameRun {
  start: number;
  end: number;
  text: string;
}

const MAX_WORDS = 6;

/** First of the tokens (in text order) starting at or after character `pos`. */
function tokenAt(toks: Token[], pos: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The part of speech of the token that starts at character `pos`, if one does. */
export function posAt(s: Sentence, pos: number): string | undefined {
  const toks = s.tokens;
  const i = tokenAt(toks, pos);
  return i < toks.length && toks[i].start === pos ? toks[i].pos : undefined;
}

/** Characters that never stand inside a token (wink splits at them). */
const isGap = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
const isCapital = (c: number) => c >= 65 && c <= 90;

/** May the first token at or after `pos` begin with a capital before `limit`? */
function capitalAfter(text: string, pos: number, limit: number): boolean {
  let q = pos;
  for (; q < limit && !isGap(text.charCodeAt(q)); q++) if (isCapital(text.charCodeAt(q))) return true;
  while (q < limit && isGap(text.charCodeAt(q))) q++;
  return q < limit && isCapital(text.charCodeAt(q));
}

/** May the last token before `pos` begin with a capital at or after `limit`? */
function capitalBefore(text: string, pos: number, limit: number): boolean {
  let q = pos - 1;
  while (q >= limit && isGap(text.charCodeAt(q))) q--;
  for (; q >= limit && !isGap(text.charCodeAt(q)); q--) if (isCapital(text.charCodeAt(q))) return true;
  return false;
}

/** The name run starting right after character `pos` and ending before `limit`, or null. `ascii`: the text is ASCII. */
export function nameAfter(text: string, ascii: boolean, s: Sentence, pos: number, limit: number): NameRun | null {
  if (ascii && !capitalAfter(text, pos, limit)) return null;
  const toks = s.tokens;
  let i = tokenAt(toks, pos);
  const first = i;
  let words = 0;
  let last = -1;
  while (i < toks.length && toks[i].end <= limit && words < MAX_WORDS) {
    const t = toks[i];
    if (isNameWord(t)) {
      words++;
      last = i;
    } else if (!(isJoiner(t) && last === i - 1)) break;
    i++;
  }
  if (last < 0 || first >= toks.length || !isNameWord(toks[first])) return null;
  const start = toks[first].start;
  const end = toks[last].end;
  return { start, end, text: text.slice(start, end) };
}

/** The name run ending right before character `pos` (and starting at or after `limit`), or null. `ascii`: the text is ASCII. */
export function nameBefore(text: string, ascii: boolean, s: Sentence, pos: number, limit: number): NameRun | null {
  if (ascii && !capitalBefore(text, pos, limit)) return null;
  const toks = s.tokens;
  let i = tokenAt(toks, pos) - 1;
  const last = i;
  let words = 0;
  let first = -1;
  while (i >= 0 && toks[i].start >= limit && words < MAX_WORDS) {
    const t = toks[i];
    if (isNameWord(t)) {
      words++;
      first = i;
    } else if (!(isJoiner(t) && first === i + 1)) break;
    i--;
  }
  if (first < 0 || last < 0 || !isNameWord(toks[last])) return null;
  const start = toks[first].start;
  const end = toks[last].end;
  return { start, end, text: text.slice(start, end) };
}
