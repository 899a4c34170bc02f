import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { AnalysedText, Sentence, SharedUnits, Token } from '../types.js';
import { normalise } from './normalise.js';
import { sentenceSpans } from './segment.js';

let nlp: ReturnType<typeof winkNLP> | null = null;

/**
 * The one wink-nlp instance: POS tags (and with them lemmas) without sentence boundary detection, which
 * segment.ts has done; the model loads on first use.
 */
function wink(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ['pos']);
  return nlp;
}

/**
 * A possessive right before punctuation ("It was Park's, not ours."). wink-nlp keeps it one token there and adds
 * it to its cache of words, after which it keeps every later "Park's" whole too, while a fresh process splits it
 * ("Park", "'s"): the tokens, and the events read from them, would depend on what the process read before. A space
 * put after the possessive makes wink split it every time.
 */
const POSSESSIVE_BEFORE_PUNCTUATION = /(?<=\p{L}['’]s)(?=[^\s\p{L}\p{N}])/gu;

/**
 * Tokens of `text` with POS, lemma and character offsets (plus `offset`), from wink-nlp. Offsets come from
 * wink's preceding spaces, which reconstruct the text exactly, less the spaces put after possessives;
 * white-space tokens are left out.
 */
export function tag(text: string, offset = 0): Token[] {
  const w = wink();
  const its = w.its;
  /** Where spaces went into the text wink reads, in its coordinates, in order. */
  const added: number[] = [];
  // Most sentences hold no possessive: two substring searches cost a third of the regular expression's scan.
  const read =
    !text.includes("'s") && !text.includes('’s')
      ? text
      : text.replace(POSSESSIVE_BEFORE_PUNCTUATION, (_: string, at: number) => {
          added.push(at + added.length);
          return ' ';
        });
  const tokens = w.readDoc(read).tokens();
  const values = tokens.out(its.value) as string[];
  // wink's typings give precedingSpaces and lemma other signatures; at run time both are token its functions.
  const spaces = tokens.out(its.precedingSpaces as unknown as ItsFunction<string>) as string[];
  const pos = tokens.out(its.pos) as string[];
  const lemma = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];
  const out: Token[] = [];
  let at = 0;
  let shift = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    at += spaces[i].length;
    while (shift < added.length && added[shift] < at) shift++;
    // wink keeps line breaks as tokens of their own (tagged SPACE): no word, no token here.
    if (pos[i] !== 'SPACE') {
      const start = offset + at - shift;
      out.push({ text: v, lower: v.toLowerCase(), pos: pos[i], lemma: lemma[i], start, end: start + v.length });
    }
    at += v.length;
  }
  return out;
}

/**
 * A sentence whose tokens are tagged when first read. Most of a story's sentences hold no event or signal
 * trigger: the stages decide that from word units (units.ts, lemmas.ts), and only the sentences they look
 * into pay for wink-nlp's tokeniser and POS tagger.
 */
let tagged = 0;
/** How many sentences have been tagged in this process so far (the coder benchmark reports the share). */
export const taggedSentences = (): number => tagged;

class LazySentence implements Sentence {
  shared?: SharedUnits;
  #tokens: Token[] | undefined;
  constructor(
    readonly index: number,
    readonly start: number,
    readonly end: number,
    readonly text: string,
  ) {}

  get tokens(): Token[] {
    if (this.#tokens === undefined) {
      tagged++;
      this.#tokens = tag(this.text, this.start);
    }
    return this.#tokens;
  }
}

/** A letter or a digit: a span without one (a stray quote or dash) is no sentence. */
const WORDY = /[\p{L}\p{N}]/u;

/**
 * The text stage: normalise and split into sentences (segment.ts); each sentence's tokens with POS, lemma
 * and offsets come from wink-nlp when a stage first reads them.
 */
export function analyse(raw: string, pubDate: string | null = null): AnalysedText {
  const text = normalise(raw);
  const sentences: Sentence[] = [];
  for (const [start, end] of sentenceSpans(text)) {
    const s = text.slice(start, end);
    if (WORDY.test(s)) sentences.push(new LazySentence(sentences.length, start, end, s));
  }
  return { text, sentences, pubDate };
}
