/**
 * A name inside a longer name. A person's, capital's or place's name followed by a capitalised institution
 * noun ("Kim Il Sung Square", "Moscow State University") names that institution; a capital or place next to
 * a namesake word ("Oslo Accords", "Minsk agreements", "Paris Club", "the Treaty of Rome", "Geneva-based")
 * names an agreement, a group or a location, and no actor at all.
 */
import type { Sentence } from '../types.js';
import { BARRIER, type Unit } from '../text/units.js';
import type { ActorDicts, Institution } from './model.js';
import { posAt } from './names.js';

/** Capitalised words that may stand between a name and the noun that ends it ("Kim Il Sung Military University"). */
const MAX_BETWEEN = 2;

const UPPER = /\p{Lu}/u;
/** Is `text[i]` an upper-case letter? (A–Z without a regular expression.) */
export const isUpper = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(text[i]);
};

/** Does the phrase `words` stand at unit `k`? */
const at = (us: Unit[], k: number, words: string[]): boolean => k + words.length <= us.length && words.every((w, n) => us[k + n].u === w);

/**
 * The noun that ends a name whose words end before unit `from`: found by `find` at a unit k, after at most
 * MAX_BETWEEN capitalised words that are not verbs (parts of speech are read only once a noun is in sight),
 * none at or after unit `stop`. Returns the noun and its end unit, or null.
 */
function nounAfter<T extends { words: string[] }>(
  text: string, s: Sentence, us: Unit[], from: number, find: (k: number) => T | undefined, stop = Infinity,
): { noun: T; to: number } | null {
  for (let k = from; k < us.length && k <= from + MAX_BETWEEN; k++) {
    const u = us[k];
    if (u.u === BARRIER) return null;
    const noun = find(k);
    if (noun) {
      for (let v = from; v < k; v++) if (posAt(s, us[v].start) === 'VERB') return null;
      return { noun, to: k + noun.words.length };
    }
    if (k >= stop || !isUpper(text, u.start)) return null;
  }
  return null;
}

/** The capitalised institution noun that ends a name right after unit `from` ("… Square", "… University"). */
export function institutionAfter(text: string, s: Sentence, us: Unit[], from: number, d: ActorDicts): { noun: Institution; to: number } | null {
  return nounAfter(text, s, us, from, (k) =>
    isUpper(text, us[k].start) ? d.institutions.get(us[k].u)?.find((x) => at(us, k, x.words)) : undefined,
  );
}

/**
 * Is the capital or place over units [from, to) part of the name of something else? Then the unit where
 * that name ends (the namesake word's end, or `to` for "the Treaty of Rome"); else -1. No other actor may
 * stand between (`stop`: where the next one begins): "the Seoul-Tokyo agreement" names its parties.
 */
export function namesakeEnd(text: string, s: Sentence, us: Unit[], from: number, to: number, stop: number, d: ActorDicts): number {
  // "the Seoul-Tokyo agreement" names its parties.
  if (from > 0 && text.charCodeAt(us[from].start - 1) === 45) return -1;
  // "the Treaty of Rome", "the Club of Rome": a capitalised namesake, "of", the place.
  const of = us[from - 1];
  const noun = us[from - 2];
  if (of?.u === 'of' && noun && noun.u !== BARRIER && isUpper(text, noun.start) && d.namesakes.get(noun.u)?.some((x) => x.words.length === 1 && !x.hyphen)) return to;
  const found = nounAfter(text, s, us, to, (k) =>
    d.namesakes.get(us[k].u)?.find(
      (x) =>
        at(us, k, x.words) &&
        (!x.cased || isUpper(text, us[k].start)) &&
        (!x.hyphen || (k === to && text.charCodeAt(us[k - 1].end) === 45)),
    ),
    stop,
  );
  return found ? found.to : -1;
}
