import { lemmaVersion, possibleLemmas, registerLemma } from '../text/lemmas.js';
import type { Unit } from '../text/units.js';
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
  private readonly carriers = new Set<number>();
  /** Every trigger and carrier word. */
  private readonly words = new Set<number>();
  /** By vocabulary number: the trigger and carrier words a text word may be a form of, computed on first sight. */
  private readonly relevant: (readonly number[] | undefined)[] = [];
  /** Stamp per vocabulary number: the words of the sentence being looked at carry the current stamp. */
  private readonly seen: number[] = [];
  private stamp = 0;
  /** The lemma registry's version `relevant` was derived under. */
  private version = -1;

  constructor(triggers: Trigger[], carrierWords: Iterable<string>) {
    const known = new Set<string>();
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
      this.carriers.add(id);
      this.words.add(id);
    }
  }

  /** The trigger words word `id` may be a form of, itself included; kept per word while no lemma is registered. */
  private relevantTo(id: number): readonly number[] {
    let r = this.relevant[id];
    if (r === undefined) {
      const all = possibleLemmas(id).filter((l) => this.words.has(l));
      this.relevant[id] = r = all.length ? all : NONE;
    }
    return r;
  }

  mayHoldEvent(words: Unit[]): boolean {
    if (this.version !== lemmaVersion()) {
      this.relevant.length = 0;
      this.version = lemmaVersion();
    }
    const stamp = ++this.stamp;
    let any = false;
    for (const u of words) {
      if (u.id < 0) continue;
      for (const l of this.relevantTo(u.id)) {
        if (this.carriers.has(l)) return true;
        this.seen[l] = stamp;
        any = true;
      }
    }
    if (!any) return false;
    for (const u of words) {
      if (u.id < 0) continue;
      for (const l of this.relevantTo(u.id)) {
        const rests = this.byFirst.get(l);
        if (rests && rests.some((rest) => rest.every((w) => this.seen[w] === stamp))) return true;
      }
    }
    return false;
  }
}

const NONE: readonly number[] = Object.freeze([]);
