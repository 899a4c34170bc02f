import type { ActorMention, Sentence } from '../types.js';
import type { WordRole } from './cues.js';

/** A noun-phrase chunk: a maximal run of nominal tokens, actor mentions kept whole. */
export interface Chunk {
  /** First and last token index (inclusive). */
  a: number;
  b: number;
  /** Actor mentions inside the chunk, in text order. */
  mentions: ActorMention[];
  /** The mention that stands for the whole chunk (its head, or the modifier of an unnamed head: "Syrian rebels"). */
  actor: ActorMention | null;
  /** A bare personal pronoun ("it", "they") with no mention on it. */
  pron: boolean;
  /** Lemma of the chunk's last noun (its head), else of its last token. */
  head: string;
}

/** One sentence as the role finder sees it: lemmas, POS, chunks, and which chunk each token belongs to. */
export interface View {
  s: Sentence;
  lem: string[];
  pos: string[];
  chunkOf: Int32Array;
  chunks: Chunk[];
  /** Does token `i` have the word role `r` (data/triggers/cues/roles.txt)? */
  is: (i: number, r: WordRole) => boolean;
}

const NOMINAL = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);

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
    role: null,
    rule: 'data/triggers/cues/agents.txt',
    actor: { text, name: sector ? null : text, country, sector: sector || null, code: `${country ?? '---'}${sector}` },
  };
}

const PLACE_PREP = new Set(['in', 'of', 'from', 'throughout', 'across']);
const PAREN_MAX = 5;

/**
 * The view of one sentence. `dates` are the sentence's date mentions (character spans): a capitalised date
 * ("Tuesday", "October") is never taken for an unknown named actor.
 */
export function buildView(
  s: Sentence,
  mentions: ActorMention[],
  roles: Map<string, Set<WordRole>>,
  agents: Map<string, string>,
  dates: { start: number; end: number }[] = [],
): View {
  const toks = s.tokens;
  const n = toks.length;
  const lem = new Array<string>(n);
  const pos = new Array<string>(n);
  const mentionAt = new Array<ActorMention | null>(n).fill(null);
  for (let i = 0; i < n; i++) {
    lem[i] = toks[i].pos === 'PROPN' ? toks[i].lower : toks[i].lemma;
    pos[i] = toks[i].pos;
  }
  for (const m of mentions) {
    for (let i = 0; i < n; i++) if (toks[i].start < m.end && toks[i].end > m.start) mentionAt[i] = m;
  }
  // A lemma, else the plain form without a plural s (wink tags some sentence-initial nouns PROPN: "Observers").
  // By lemma, else by the plain form less an inflection the lemmatiser missed ("Observers", "staged" read as "stag").
  const is = (i: number, r: WordRole) => {
    if (i < 0 || i >= n) return false;
    const w = toks[i].lower;
    return !!(roles.get(lem[i])?.has(r) || roles.get(w.replace(/s$/, ''))?.has(r) || roles.get(w.replace(/e?d$/, ''))?.has(r) || roles.get(w.replace(/d$/, ''))?.has(r));
  };
  const chunkOf = new Int32Array(n).fill(-1);
  /** Index of the ")" closing a short parenthesis that opens at `k` and is followed by more of the phrase, else -1. */
  const parenthesis = (k: number): number => {
    if (toks[k].lower !== '(') return -1;
    for (let c = k + 1; c < n && c <= k + PAREN_MAX; c++) if (toks[c].lower === ')') return c + 1 < n && (NOMINAL.has(pos[c + 1]) || mentionAt[c + 1]) ? c : -1;
    return -1;
  };
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < n) {
    const inChunk = (k: number) =>
      mentionAt[k] !== null ||
      ((NOMINAL.has(pos[k]) || (POSSESSIVE.has(toks[k].lower) && k > 0)) && !is(k, 'boundary')) ||
      // "Vietnamese-led forces", "US-backed troops": a hyphenated participle inside a noun phrase
      (k > 0 && toks[k].lower === '-' && toks[k].start === toks[k - 1].end && k + 1 < n && toks[k + 1].start === toks[k].end) ||
      (k > 0 && toks[k - 1].lower === '-' && toks[k].start === toks[k - 1].end && pos[k] === 'VERB');
    if (!inChunk(i)) {
      i++;
      continue;
    }
    let b = i;
    while (b + 1 < n && (inChunk(b + 1) || parenthesis(b + 1) > 0)) {
      // A short parenthesis inside a name: "The Asia-Pacific Economic Cooperation (APEC) forum".
      const close = parenthesis(b + 1);
      if (close > 0) {
        b = close;
        continue;
      }
      // A new determiner after a noun starts a new phrase ("gave Tanzania a grant").
      if (pos[b + 1] === 'DET' && mentionAt[b + 1] === null && (pos[b] === 'NOUN' || pos[b] === 'PROPN' || mentionAt[b] !== null)) break;
      // A personal pronoun is a phrase of its own ("told him it").
      if (pos[b + 1] === 'PRON' && mentionAt[b + 1] === null) break;
      b++;
    }
    const ms: ActorMention[] = [];
    for (let k = i; k <= b; k++) if (mentionAt[k] && ms[ms.length - 1] !== mentionAt[k]) ms.push(mentionAt[k]!);
    let actor: ActorMention | null = null;
    for (let k = ms.length - 1; k >= 0 && !actor; k--) {
      const after = toks.findIndex((t) => t.start >= ms[k].end);
      if (after < 0 || !POSSESSIVE.has(toks[after].lower) || k === 0) actor = ms[k];
    }
    const id = chunks.length;
    let h = b;
    while (h > i && pos[h] !== 'NOUN' && pos[h] !== 'PROPN') h--;
    chunks.push({ a: i, b, mentions: ms, actor, pron: b === i && pos[i] === 'PRON' && !mentionAt[i], head: pos[h] === 'NOUN' || pos[h] === 'PROPN' ? lem[h] : lem[b] });
    for (let k = i; k <= b; k++) chunkOf[k] = id;
    i = b + 1;
  }
  for (let c = 0; c < chunks.length; c++) {
    const ch = chunks[c];
    if (ch.mentions.length) continue;
    const sector = agents.get(ch.head) ?? agents.get(ch.head.replace(/s$/, '')) ?? (isUnknownName(ch) ? '' : undefined);
    if (sector === undefined) continue;
    const next = PLACE_PREP.has(lem[ch.b + 1]) ? chunkOf[ch.b + 2] : -1;
    const place = next >= 0 && chunks[next].actor?.actor.country ? chunks[next].actor : null;
    ch.actor = agentMention(s, ch, sector, place);
    ch.mentions = [ch.actor];
  }
  return { s, lem, pos, chunkOf, chunks, is };

  /** A chunk headed by a proper noun that is neither a date, nor a capitalised first word, nor a word role. */
  function isUnknownName(ch: Chunk): boolean {
    let h = ch.b;
    while (h > ch.a && pos[h] !== 'NOUN' && pos[h] !== 'PROPN') h--;
    if (pos[h] !== 'PROPN' || is(h, 'commentary') || is(h, 'carrier')) return false;
    const t = toks[h];
    return /^\p{Lu}/u.test(t.text) && !dates.some((d) => t.start < d.end && t.end > d.start);
  }
}
