import { internWord, phraseKeys, wordId, type Unit } from './units.js';

/** A match of a dictionary phrase over units [from, to). */
export interface PhraseMatch<T> {
  from: number;
  to: number;
  start: number;
  end: number;
  value: T;
}

interface Node<T> {
  /** Children by vocabulary number of their word. */
  next: Map<number, Node<T>> | null;
  values: T[] | null;
}

const NO_MATCHES: never[] = [];
Object.freeze(NO_MATCHES);

/**
 * A token trie over word units: longest match first, left to right, no overlaps. Written here
 * rather than taken from a library because it must work on our units (offsets kept, barriers
 * respected) and run at several hundred thousand units per second; the Aho–Corasick packages on
 * npm match characters, not tokens, and lose the word boundaries we need.
 * Words are keyed by their vocabulary number (units.ts): the first word of a phrase is found by
 * indexing an array, so the many units that open no phrase cost one array read each.
 */
export class PhraseMatcher<T> {
  /** First-level nodes by vocabulary number. */
  private readonly first: (Node<T> | undefined)[] = [];
  size = 0;

  /** Add a phrase; returns false when it has no word units. */
  add(phrase: string, value: T): boolean {
    const keys = phraseKeys(phrase);
    if (keys.length === 0) return false;
    const id0 = internWord(keys[0]);
    // Kept dense (undefined where no phrase begins) so that reading it stays a plain array access.
    while (this.first.length <= id0) this.first.push(undefined);
    let node = this.first[id0];
    if (!node) this.first[id0] = node = { next: null, values: null };
    for (let k = 1; k < keys.length; k++) {
      const id = internWord(keys[k]);
      node.next ??= new Map();
      let n = node.next.get(id);
      if (!n) node.next.set(id, (n = { next: null, values: null }));
      node = n;
    }
    (node.values ??= []).push(value);
    this.size++;
    return true;
  }

  /** All values stored under exactly this phrase. */
  get(phrase: string): T[] {
    const keys = phraseKeys(phrase);
    if (keys.length === 0) return [];
    let node = this.first[wordId(keys[0])];
    for (let k = 1; k < keys.length && node; k++) node = node.next?.get(wordId(keys[k]));
    return node?.values ?? [];
  }

  /**
   * The longest phrase that begins at `us[i]`, with every value stored under it; null when none does. A barrier
   * or a word outside the vocabulary (id -1) ends every phrase. Lets a caller scan with several matchers in one
   * pass over a sentence (each keeping its own left-to-right, non-overlapping order) instead of one pass each.
   */
  longestAt(us: Unit[], i: number): PhraseMatch<T[]> | null {
    const id = us[i].id;
    let node = id >= 0 ? this.first[id] : undefined;
    if (node === undefined) return null;
    let best = node.values ? i : -1;
    let bestValues = node.values;
    for (let j = i + 1, next = node.next; j < us.length && next !== null; j++) {
      const idj = us[j].id;
      if (idj < 0) break;
      node = next.get(idj);
      if (node === undefined) break;
      if (node.values) {
        best = j;
        bestValues = node.values;
      }
      next = node.next;
    }
    return bestValues ? { from: i, to: best + 1, start: us[i].start, end: us[best].end, value: bestValues } : null;
  }

  /** Whether any phrase occurs in `us`: what matchAll(us).length > 0 says, without making the matches. */
  occursIn(us: Unit[]): boolean {
    const first = this.first;
    for (let i = 0; i < us.length; i++) {
      const id = us[i].id;
      if (id >= 0 && first[id] !== undefined && this.longestAt(us, i) !== null) return true;
    }
    return false;
  }

  /**
   * Longest non-overlapping matches over `us`, each with every value stored under its phrase (see longestAt).
   * The empty result is one shared frozen array.
   */
  matchAll(us: Unit[]): PhraseMatch<T[]>[] {
    let out: PhraseMatch<T[]>[] | null = null;
    const first = this.first;
    const n = us.length;
    let i = 0;
    while (i < n) {
      const id = us[i].id;
      // Most units open no phrase: one array read decides, before any call.
      const m = id >= 0 && first[id] !== undefined ? this.longestAt(us, i) : null;
      if (m === null) i++;
      else {
        (out ??= []).push(m);
        i = m.to;
      }
    }
    return out ?? NO_MATCHES;
  }
}
