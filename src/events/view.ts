import type { ActorMention, Sentence, Token } from '../types.js';
import { ROLE_BIT, type Cues, type WordRole } from './cues.js';

/**
 * A noun-phrase chunk: a maximal run of nominal tokens, actor mentions kept whole. A chunk that holds no mention
 * is named (an unnamed agent, an unknown proper name) only when its actor is first read: telling an unknown name
 * from a date runs the date parser on the sentence, and most chunks are never asked for their actor.
 */
export class Chunk {
  /** undefined: an unnamed chunk not yet looked at (see View.agentOf). */
  #actor: ActorMention | null | undefined;
  #mentions: ActorMention[];

  constructor(
    private readonly view: View,
    /** First and last token index (inclusive). */
    readonly a: number,
    readonly b: number,
    mentions: ActorMention[],
    /** The mention that stands for the whole chunk, from its own mentions alone (see actor). */
    readonly own: ActorMention | null,
    /** A bare personal pronoun ("it", "they") with no mention on it. */
    readonly pron: boolean,
    /** Lemma of the chunk's last noun (its head), else of its last token. */
    readonly head: string,
  ) {
    this.#mentions = mentions;
    if (mentions.length) this.#actor = own;
  }

  /** The mention that stands for the whole chunk (its head, or the modifier of an unnamed head: "Syrian rebels"). */
  get actor(): ActorMention | null {
    if (this.#actor === undefined) this.name();
    return this.#actor!;
  }

  /** Actor mentions inside the chunk, in text order. */
  get mentions(): ActorMention[] {
    if (this.#actor === undefined) this.name();
    return this.#mentions;
  }

  private name(): void {
    const agent = this.view.agentOf(this);
    this.#actor = agent;
    if (agent) this.#mentions = [agent];
  }
}

/** No mentions: what mentionAt is before the chunks are built, and a chunk's list when it holds none. */
const NO_MENTIONS: (ActorMention | null)[] = [];
const NOMINAL = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
/** Possessive determiners: a noun phrase follows them. */
export const POSSESSIVE_PRON = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);

/**
 * An unnamed agent ("gunmen", "a court", "protesters in the Kosovan town"): an actor of unknown country, or of
 * the country of the place phrase that follows it. A proper name no dictionary knows ("AQAP") is an actor of
 * unknown country and sector (code "---"), as in CAMEO.
 */
function agentMention(s: Sentence, ch: Chunk, sector: string, place: ActorMention | null): ActorMention {
  const a = s.tokens[ch.a];
  const b = s.tokens[ch.b];
  const text = s.text.slice(a.start - s.start, b.end - s.start);
  const country = place?.actor.country ?? null;
  return {
    sentence: s.index,
    start: a.start,
    end: b.end,
    text,
    form: 'name',
    kind: 'group',
    // The fields in the order of the mentions the actor stage makes (actors/match.ts emit): one shape for V8.
    actor: { text, name: sector ? null : text, country, sector: sector || null, code: `${country ?? '---'}${sector}` },
    role: null,
    rule: 'data/triggers/cues/agents.txt',
    died: undefined,
  };
}

const PLACE_PREP = new Set(['in', 'of', 'from', 'throughout', 'across']);
const PAREN_MAX = 5;

/** Roles of a word: by lemma, else by its written form less an inflection the lemmatiser missed ("staged"). */
function roleMask(cues: Cues, lemma: string, w: string): number {
  const m = cues.formRoles.get(w) ?? 0;
  return w === lemma ? m : m | (cues.roles.get(lemma) ?? 0);
}

/**
 * One sentence as the role finder sees it: lemmas, POS, word roles, noun-phrase chunks and which chunk each
 * token belongs to. Agency mentions are attribution, never chunk actors. `dates` are the sentence's date
 * mentions: a capitalised date ("Tuesday") is never taken for an unknown named actor.
 */
export class View {
  /** The sentence's tokens, read once from the sentence (whose getter tags it on first read). */
  readonly toks: Token[];
  readonly lem: string[];
  readonly pos: string[];
  private readonly n: number;
  /**
   * Role bits per token, computed on first use (-1: not yet). Plain arrays here and below: a typed array of more
   * than 64 bytes lives outside the heap and costs several times as much to make as a small array.
   */
  private readonly mask: number[];
  private mentionAt: (ActorMention | null)[] = NO_MENTIONS;
  private built: { chunkOf: number[]; chunks: Chunk[] } | null = null;

  constructor(
    readonly s: Sentence,
    private readonly mentions: ActorMention[],
    private readonly cues: Cues,
    /** The sentence's date mentions, asked for only when a chunk may be a name. */
    private readonly dates: () => { start: number; end: number }[] = () => [],
  ) {
    const toks = (this.toks = s.tokens);
    const n = (this.n = toks.length);
    // Arrays made at their size: grown by push, each would be allocated two or three times over.
    const lem: string[] = (this.lem = new Array<string>(n));
    const pos: string[] = (this.pos = new Array<string>(n));
    const mask: number[] = (this.mask = new Array<number>(n));
    for (let i = 0; i < n; i++) {
      const t = toks[i];
      lem[i] = t.pos === 'PROPN' ? t.lower : t.lemma;
      pos[i] = t.pos;
      mask[i] = -1;
    }
  }

  /** Does token `i` have the word role `r` (data/triggers/cues/roles.txt)? */
  is(i: number, r: WordRole): boolean {
    if (i < 0 || i >= this.n) return false;
    let m = this.mask[i];
    if (m < 0) m = this.mask[i] = roleMask(this.cues, this.lem[i], this.toks[i].lower);
    return (m & ROLE_BIT[r]) !== 0;
  }

  /** Chunks, built on first use: most sentences are dropped before anyone asks. */
  get chunks(): Chunk[] {
    return (this.built ??= this.build()).chunks;
  }

  /** Index of the chunk holding each token, or -1. */
  get chunkOf(): number[] {
    return (this.built ??= this.build()).chunkOf;
  }

  private build(): { chunkOf: number[]; chunks: Chunk[] } {
    const toks = this.toks;
    const n = this.n;
    const at = (this.mentionAt = new Array<ActorMention | null>(n).fill(null));
    // Tokens are in text order: each mention covers the run of tokens from the first that ends after its start.
    for (const m of this.mentions) {
      if (m.kind === 'agency') continue;
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (toks[mid].end > m.start) hi = mid;
        else lo = mid + 1;
      }
      for (let i = lo; i < n && toks[i].start < m.end; i++) if (toks[i].end > m.start) at[i] = m;
    }
    // Whether each token may stand in a chunk, read once per token by the chunker below.
    const inChunk = new Array<boolean>(n);
    const chunkOf = new Array<number>(n);
    for (let k = 0; k < n; k++) {
      inChunk[k] = this.inChunk(k);
      chunkOf[k] = -1;
    }
    const built = { chunkOf, chunks: [] as Chunk[] };
    this.buildChunks(inChunk, built.chunks, built.chunkOf);
    return built;
  }

  private inChunk(k: number): boolean {
    const toks = this.toks;
    const pos = this.pos;
    return (
      this.mentionAt[k] !== null ||
      ((NOMINAL.has(pos[k]) || (POSSESSIVE.has(toks[k].lower) && k > 0)) && !this.is(k, 'boundary')) ||
      // "Vietnamese-led forces", "US-backed troops": a hyphenated participle inside a noun phrase
      (k > 0 && toks[k].lower === '-' && toks[k].start === toks[k - 1].end && k + 1 < this.n && toks[k + 1].start === toks[k].end) ||
      (k > 0 && toks[k - 1].lower === '-' && toks[k].start === toks[k - 1].end && pos[k] === 'VERB')
    );
  }

  /** Index of the ")" closing a short parenthesis that opens at `k` and is followed by more of the phrase, else -1. */
  private parenthesis(k: number): number {
    const toks = this.toks;
    if (toks[k].lower !== '(') return -1;
    for (let c = k + 1; c < this.n && c <= k + PAREN_MAX; c++) {
      if (toks[c].lower === ')') return c + 1 < this.n && (NOMINAL.has(this.pos[c + 1]) || this.mentionAt[c + 1]) ? c : -1;
    }
    return -1;
  }

  private buildChunks(inChunk: boolean[], chunks: Chunk[], chunkOf: number[]): void {
    const { pos, lem, mentionAt, n } = this;
    const toks = this.toks;
    let i = 0;
    while (i < n) {
      if (!inChunk[i]) {
        i++;
        continue;
      }
      let b = i;
      while (b + 1 < n) {
        // A short parenthesis inside a name: "The Asia-Pacific Economic Cooperation (APEC) forum".
        const close = this.parenthesis(b + 1);
        if (close > 0) {
          b = close;
          continue;
        }
        if (!inChunk[b + 1]) break;
        // A new determiner after a noun starts a new phrase ("gave Tanzania a grant").
        if (pos[b + 1] === 'DET' && mentionAt[b + 1] === null && (pos[b] === 'NOUN' || pos[b] === 'PROPN' || mentionAt[b] !== null)) break;
        // A personal pronoun is a phrase of its own ("told him it"); a possessive one opens the next ("its allies").
        if (pos[b + 1] === 'PRON' && mentionAt[b + 1] === null) break;
        if (pos[b] === 'PRON' && !POSSESSIVE_PRON.has(lem[b]) && mentionAt[b] === null) break;
        b++;
      }
      let ms = NO_MENTIONS as ActorMention[];
      for (let k = i; k <= b; k++) {
        if (mentionAt[k] === null || ms[ms.length - 1] === mentionAt[k]) continue;
        // Most chunks hold no mention: they share one empty list, never changed.
        if (ms === NO_MENTIONS) ms = [];
        ms.push(mentionAt[k]!);
      }
      // The chunk's actor: its last mention, unless that one is a possessor ("Rwanda's Senate" → Rwanda still).
      let actor: ActorMention | null = null;
      for (let k = ms.length - 1; k >= 0 && !actor; k--) {
        let after = i;
        while (after <= b && toks[after].start < ms[k].end) after++;
        if (after > b || !POSSESSIVE.has(toks[after].lower) || k === 0) actor = ms[k];
      }
      let h = b;
      while (h > i && pos[h] !== 'NOUN' && pos[h] !== 'PROPN') h--;
      const id = chunks.length;
      const pron = b === i && pos[i] === 'PRON' && !mentionAt[i] && !POSSESSIVE_PRON.has(lem[i]);
      chunks.push(new Chunk(this, i, b, ms, actor, pron, pos[h] === 'NOUN' || pos[h] === 'PROPN' ? lem[h] : lem[b]));
      for (let k = i; k <= b; k++) chunkOf[k] = id;
      i = b + 1;
    }
  }

  /**
   * The actor of a chunk without mentions: an unnamed agent or an unknown proper name (see agentMention), placed
   * by the mention of a place phrase after it (a mention: an agent is never placed by another agent); else null.
   */
  agentOf(ch: Chunk): ActorMention | null {
    const agents = this.cues.agents;
    const sector = agents.get(ch.head) ?? agents.get(singular(ch.head)) ?? (this.isUnknownName(ch) ? '' : undefined);
    if (sector === undefined) return null;
    const next = ch.b + 2 < this.n && PLACE_PREP.has(this.lem[ch.b + 1]) ? this.chunkOf[ch.b + 2] : -1;
    const place = next >= 0 && this.chunks[next].own?.actor.country ? this.chunks[next].own : null;
    return agentMention(this.s, ch, sector, place);
  }

  /** A chunk headed by a capitalised proper noun that is neither a date nor a commentator or message word. */
  private isUnknownName(ch: Chunk): boolean {
    const pos = this.pos;
    let h = ch.b;
    while (h > ch.a && pos[h] !== 'NOUN' && pos[h] !== 'PROPN') h--;
    // Headed by a proper noun, or holding one ("The UNITA militarist wing", "European Community foreign ministers").
    if (pos[h] !== 'PROPN') {
      let k = ch.a;
      while (k <= ch.b && !(pos[k] === 'PROPN' && UPPER.test(this.toks[k].text) && !this.isDate(k))) k++;
      if (k > ch.b) return false;
      h = k;
    }
    if (this.is(h, 'commentary') || this.is(h, 'carrier')) return false;
    const t = this.toks[h];
    // A capitalised first word before "of" is a quantity ("Hundreds of UN troops"), not a name.
    if (h === 0 && ch.b === 0 && this.lem[1] === 'of' && t.text !== t.text.toUpperCase()) return false;
    return UPPER.test(t.text) && !this.isDate(h);
  }

  private isDate(k: number): boolean {
    const t = this.toks[k];
    return this.dates().some((d) => t.start < d.end && t.end > d.start);
  }
}

const UPPER = /^\p{Lu}/u;

/** A regular or -men plural made singular ("protesters", "gunmen"), for nouns the lemmatiser left alone. */
function singular(w: string): string {
  return w.endsWith('men') ? `${w.slice(0, -3)}man` : w.endsWith('s') ? w.slice(0, -1) : w;
}

export function buildView(
  s: Sentence,
  mentions: ActorMention[],
  cues: Cues,
  dates: () => { start: number; end: number }[] = () => [],
): View {
  return new View(s, mentions, cues, dates);
}
