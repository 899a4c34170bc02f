import { lemmaVersion, possibleLemmas, registerLemma } from '../text/lemmas.js';
import { vocabularySize, type Unit } from '../text/units.js';
import { GAP, type Trigger } from './triggers.js';

/**
 * Which sentences may hold an event, decided from word units before any POS tagging: those where every word
 * of some trigger occurs (as written or as any of its forms, text/lemmas.ts), or a word that carries a sender
 * to later sentences ("the telegram"). It errs on the side of looking: a sentence it passes may still hold no event,
 * but one it drops cannot hold one, since the trigger matcher needs every word of its pattern.
 */
export class EventPrefilter {
  /** Trigger words after the first, by the first word's vocabulary number. */
  private readonly byFirst = new Map<number, number[][]>();
  /** Every trigger and carrier word. */
  private readonly words = new Set<number>();
  /** 1 for a carrier word, by vocabulary number (trigger and carrier words only). */
  private readonly carrier: Uint8Array;
  /**
   * By vocabulary number of a text word: 0 not yet looked at, 1 a form of no trigger or carrier word, 2 a form of
   * those in `relevant`. Most words are no form of any: one byte read tells.
   */
  private state = new Uint8Array(0);
  /** By vocabulary number: the trigger and carrier words a text word may be a form of, where state is 2. */
  private readonly relevant: (readonly number[])[] = [];
  /** Stamp per trigger word: the words of the sentence being looked at carry the current stamp. */
  private readonly seen: Int32Array;
  private stamp = 0;
  /** The trigger words of the sentence being looked at, as found (repeats allowed). */
  private readonly found: number[] = [];
  /** The lemma registry's version `state` was derived under. */
  private version = -1;

  constructor(triggers: Trigger[], carrierWords: Iterable<string>) {
    const known = new Set<string>();
    const carriers: number[] = [];
    for (const t of triggers) {
      const ids = t.words.filter((w) => w !== GAP).map((w) => registerLemma(w));
      for (const id of ids) this.words.add(id);
      const key = ids.join(' ');
      if (known.has(key)) continue;
      known.add(key);
      const list = this.byFirst.get(ids[0]);
      if (list) list.push(ids.slice(1));
      else this.byFirst.set(ids[0], [ids.slice(1)]);
    }
    for (const w of carrierWords) {
      const id = registerLemma(w);
      carriers.push(id);
      this.words.add(id);
    }
    const size = Math.max(0, ...this.words) + 1;
    this.carrier = new Uint8Array(size);
    for (const id of carriers) this.carrier[id] = 1;
    this.seen = new Int32Array(size);
  }

  /** Look word `id` up: the trigger words it may be a form of, itself included; returns its state. */
  private lookUp(id: number): number {
    if (id >= this.state.length) {
      const grown = new Uint8Array(Math.max(id + 1, vocabularySize(), this.state.length * 2));
      grown.set(this.state);
      this.state = grown;
    }
    const all = possibleLemmas(id).filter((l) => this.words.has(l));
    if (all.length) this.relevant[id] = all;
    return (this.state[id] = all.length ? 2 : 1);
  }

  mayHoldEvent(words: Unit[]): boolean {
    if (this.version !== lemmaVersion()) {
      // A lemma registered since may make a word a form of a trigger word: look every word up again.
      this.state.fill(0);
      this.version = lemmaVersion();
    }
    if (this.stamp === 0x7fffffff) {
      this.seen.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    const { seen, found, carrier } = this;
    let nf = 0;
    for (let k = 0; k < words.length; k++) {
      const id = words[k].id;
      if (id < 0) continue;
      const st = id < this.state.length && this.state[id] !== 0 ? this.state[id] : this.lookUp(id);
      if (st === 1) continue;
      const ls = this.relevant[id];
      for (let j = 0; j < ls.length; j++) {
        const l = ls[j];
        if (carrier[l] === 1) return true;
        seen[l] = stamp;
        found[nf++] = l;
      }
    }
    for (let k = 0; k < nf; k++) {
      const rests = this.byFirst.get(found[k]);
      if (rests === undefined) continue;
      for (const rest of rests) {
        let all = true;
        for (let j = 0; j < rest.length && all; j++) all = seen[rest[j]] === stamp;
        if (all) return true;
      }
    }
    return false;
  }
}
