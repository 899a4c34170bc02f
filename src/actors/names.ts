/**
 * Proper-noun runs from wink's tokens: the name of a person the dictionaries do not know, written next
 * to a title ("President Choummaly Sayasone", "Amama Mbabazi, prime minister of Uganda").
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

/** First token of `s` starting at or after character `pos`. */
function tokenAt(s: Sentence, pos: number): number {
  let lo = 0;
  let hi = s.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.tokens[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The name run starting right after character `pos` and ending before `limit`, or null. */
export function nameAfter(text: string, s: Sentence, pos: number, limit: number): NameRun | null {
  let i = tokenAt(s, pos);
  const first = i;
  let words = 0;
  let last = -1;
  while (i < s.tokens.length && s.tokens[i].end <= limit && words < MAX_WORDS) {
    const t = s.tokens[i];
    if (isNameWord(t)) {
      words++;
      last = i;
    } else if (!(isJoiner(t) && last === i - 1)) break;
    i++;
  }
  if (last < 0 || first >= s.tokens.length || !isNameWord(s.tokens[first])) return null;
  const start = s.tokens[first].start;
  const end = s.tokens[last].end;
  return { start, end, text: text.slice(start, end) };
}

/** The name run ending right before character `pos` (and starting at or after `limit`), or null. */
export function nameBefore(text: string, s: Sentence, pos: number, limit: number): NameRun | null {
  let i = tokenAt(s, pos) - 1;
  const last = i;
  let words = 0;
  let first = -1;
  while (i >= 0 && s.tokens[i].start >= limit && words < MAX_WORDS) {
    const t = s.tokens[i];
    if (isNameWord(t)) {
      words++;
      first = i;
    } else if (!(isJoiner(t) && first === i + 1)) break;
    i--;
  }
  if (first < 0 || last < 0 || !isNameWord(s.tokens[last])) return null;
  const start = s.tokens[first].start;
  const end = s.tokens[last].end;
  return { start, end, text: text.slice(start, end) };
}
