import type { DateMention, SentenceDates, StageContext } from '../pipeline/stages.js';
import { lemmaUnits } from '../text/lemmas.js';
import type { PhraseMatcher } from '../text/phrase-matcher.js';
import type { Unit } from '../text/units.js';
import type { ActorMention, Sentence, Token } from '../types.js';
import type { Cue, KindCue, SignalDicts, Trigger } from './load.js';
import { findOccasion, type Occasion } from './occasion.js';
import { partyOf, splitItems, type Party, type SentenceParts } from './parties.js';

export interface Mark<T> {
  start: number;
  end: number;
  value: T;
}

/** One sentence as the signal stage reads it: its lemma units and the dictionary matches in it. */
export interface SentenceView extends SentenceParts {
  s: Sentence;
  text: string;
  units: Unit[];
  dates: DateMention[];
  triggers: Mark<Trigger>[];
  cues: Mark<Cue>[];
  kindCues: Mark<KindCue>[];
  /** The occasion the sentence names (findOccasion), looked up once when first asked for. */
  readonly occasion: Occasion | null;
}

const CAP = /^\p{Lu}/u;
/** Prepositions that open an occasion or a date after a list of parties. */
const BOUNDARY = new Set(['on', 'upon', 'over', 'as', 'with', 'at', 'during', 'after', 'before']);

/** The marks of a sentence that names no signal: one frozen empty list shared by all of them. */
const NONE: never[] = [];
Object.freeze(NONE);

function marks<T>(m: PhraseMatcher<T>, us: Unit[]): Mark<T>[] {
  const found = m.matchAll(us);
  if (found.length === 0) return NONE;
  const out: Mark<T>[] = [];
  for (const x of found) out.push({ start: x.start, end: x.end, value: x.value[0] });
  return out;
}

/**
 * One is made for each sentence the signal stage reads: the sentences the glance picks and their neighbours.
 * Tokens and dates are read through when first asked for: the tagger and the date finder run on a sentence only
 * when a signal needs them.
 */
class View implements SentenceView {
  readonly titles: Set<string>;
  readonly triggers: Mark<Trigger>[];
  readonly cues: Mark<Cue>[];
  readonly kindCues: Mark<KindCue>[];
  #occasion: Occasion | null | undefined;
  constructor(
    readonly s: Sentence,
    readonly text: string,
    readonly mentions: ActorMention[],
    private readonly sentenceDates: SentenceDates,
    readonly units: Unit[],
    private readonly dicts: SignalDicts,
    named: boolean,
  ) {
    this.titles = dicts.titles;
    this.triggers = named ? marks(dicts.triggers, units) : NONE;
    this.cues = named ? marks(dicts.cues, units).filter((c) => c.value.role !== 'title') : NONE;
    this.kindCues = named ? marks(dicts.kindCues, units) : NONE;
  }

  get tokens(): Token[] {
    return this.s.tokens;
  }

  get dates(): DateMention[] {
    return this.sentenceDates.of(this.s.index);
  }

  get occasion(): Occasion | null {
    if (this.#occasion === undefined) this.#occasion = findOccasion(this, this.dicts);
    return this.#occasion;
  }
}

const NO_MENTIONS: ActorMention[] = [];

/** The views of a document's sentences (by index), each made when first asked for. */
export class SentenceViews {
  readonly #views: (SentenceView | undefined)[] = [];
  constructor(
    private readonly ctx: StageContext,
    private readonly dicts: SignalDicts,
  ) {}

  /**
   * The view of sentence i when it may name a signal, else undefined. Most sentences name none: one look at their
   * units (the glance dictionary) passes them by without making a view, and the dictionaries are matched one by
   * one only in the others.
   */
  named(i: number): SentenceView | undefined {
    const s = this.ctx.analysed.sentences[i];
    const units = lemmaUnits(this.ctx.analysed.text, s);
    if (!this.dicts.glance.occursIn(units)) return undefined;
    return (this.#views[i] ??= this.make(s, units, true));
  }

  /** The view of sentence i, undefined past either end of the document. */
  at(i: number): SentenceView | undefined {
    const s = this.ctx.analysed.sentences[i];
    if (s === undefined) return undefined;
    let v = this.#views[i];
    if (v === undefined) {
      const units = lemmaUnits(this.ctx.analysed.text, s);
      this.#views[i] = v = this.make(s, units, this.dicts.glance.occursIn(units));
    }
    return v;
  }

  private make(s: Sentence, units: Unit[], named: boolean): SentenceView {
    return new View(s, this.ctx.analysed.text, this.ctx.mentions[s.index] ?? NO_MENTIONS, this.ctx.dates, units, this.dicts, named);
  }
}

export function tokensIn(v: SentenceView, start: number, end: number): Token[] {
  return v.tokens.filter((t) => t.start >= start && t.end <= end);
}

/**
 * Whether at most one token lies between the sentence start and `at`. Where the text tells, it is decided
 * without tagging the sentence: white space alone holds no token, and two words with white space after each
 * make two at least (wink never makes a token across white space).
 */
export function atMostOneTokenBefore(v: SentenceView, at: number): boolean {
  let words = 0;
  let inWord = false;
  for (let k = v.s.start; k < at; k++) {
    const c = v.text.charCodeAt(k);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13) inWord = true;
    else if (inWord) {
      if (++words === 2) return false;
      inWord = false;
    }
  }
  return (words === 0 && !inWord) || tokensIn(v, v.s.start, at).length <= 1;
}

const inMention = (v: SentenceView, t: Token) => v.mentions.some((m) => t.start >= m.start && t.end <= m.end);
const isDate = (v: SentenceView, t: Token) => v.dates.some((d) => t.start >= d.start && t.start < d.end);
/** A date inside a name: "the April 15 Literary Production Company". */
const dateInName = (v: SentenceView, t: Token) => {
  const d = v.dates.find((x) => t.start >= x.start && t.start < x.end)!;
  return /^\s+\p{Lu}/u.test(v.text.slice(d.end, d.end + 2)) && !/^\s+(On|In|At)\b/.test(v.text.slice(d.end, d.end + 4));
};

/**
 * Where a list of parties that starts at `from` ends: at `limit` (the next cue or trigger), a date,
 * an occasion preposition, a stop cue or a verb that is not part of a name.
 */
export function regionEnd(v: SentenceView, from: number, limit: number): number {
  const stops = v.cues.filter((c) => c.value.role === 'stop' && c.start >= from).map((c) => c.start);
  const hard = Math.min(limit, ...stops);
  for (let i = 0; i < v.tokens.length; i++) {
    const t = v.tokens[i];
    if (t.start < from) continue;
    if (t.start >= hard) return hard;
    if (isDate(v, t) && !dateInName(v, t)) return t.start;
    if (inMention(v, t)) continue;
    // A "verb" after an adjective is a mistagged noun ("the military attaches corps").
    const verb = t.pos === 'VERB' && !CAP.test(t.text) && v.tokens[i - 1]?.pos !== 'ADJ';
    if (verb || (t.pos === 'ADP' && BOUNDARY.has(t.lower))) return t.start;
  }
  return Math.min(hard, v.s.end);
}

/** The parties listed in [from, to): each list item that names somebody; pronouns reported apart. */
export function partiesIn(v: SentenceView, from: number, to: number): { parties: Party[]; pronoun: boolean } {
  const toks = tokensIn(v, from, to);
  const parties: Party[] = [];
  let pronoun = false;
  for (const item of splitItems(toks, v.mentions, v.titles)) {
    const p = partyOf(item, v.text, v);
    if (p === 'pronoun') pronoun = true;
    else if (p) parties.push(p);
  }
  inheritCountries(parties);
  return { parties, pronoun };
}

/**
 * An item with no country of its own takes its list neighbour's ("to Putin, to the friendly government");
 * an international body ("International Alliance of ...", "World Peace Federation") keeps none.
 */
function inheritCountries(parties: Party[]): void {
  for (let i = 0; i < parties.length; i++) {
    const p = parties[i];
    if (p.country || /^(international|world)\b/i.test(p.org ?? '')) continue;
    const near = parties.slice(i + 1).find((q) => q.country) ?? parties.slice(0, i).reverse().find((q) => q.country);
    p.country = near?.country ?? null;
  }
}

/**
 * The subject of the clause that holds a trigger: the words from the sentence start to the first verb
 * that is not part of a name ("The dear respected Kim Jong Un received ..."). Null when the trigger
 * itself comes first ("Wreaths were laid ...").
 */
export function subjectEnd(v: SentenceView, triggerStart: number): Token | null {
  const toks = v.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.start >= triggerStart) return null;
    const cue = v.cues.some((c) => c.start === t.start && (c.value.role === 'send' || c.value.role === 'receive'));
    if (cue && i > 0) return t;
    if ((t.pos !== 'VERB' && t.pos !== 'AUX') || inMention(v, t) || CAP.test(t.text)) continue;
    // A participle before a name is an epithet, not the verb: "the dear respected Kim Jong Un".
    const next = toks[i + 1];
    const prev = toks[i - 1];
    if (t.pos === 'VERB' && next?.pos === 'PROPN' && prev && ['ADJ', 'DET', 'ADV'].includes(prev.pos)) continue;
    return i === 0 ? null : t;
  }
  return null;
}
