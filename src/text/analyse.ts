import winkNLP, { type ItemSentence, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { AnalysedText, Sentence, Token } from '../types.js';
import { normalise } from './normalise.js';

let nlp: ReturnType<typeof winkNLP> | null = null;

/** The one wink-nlp instance (sentence boundaries + POS); the model loads on first use. */
export function wink(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

/**
 * The text stage: normalise, split into sentences, tokens with POS, lemma and character offsets.
 * Offsets are computed from wink's preceding-spaces, which reconstruct the text exactly.
 */
export function analyse(raw: string, pubDate: string | null = null): AnalysedText {
  const text = normalise(raw);
  const w = wink();
  const its = w.its;
  const doc = w.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  // wink's typings give precedingSpaces and lemma other signatures; at run time both are token its functions.
  const spaces = doc.tokens().out(its.precedingSpaces as unknown as ItsFunction<string>) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const lemma = doc.tokens().out(its.lemma as unknown as ItsFunction<string>) as string[];
  const starts = new Array<number>(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i].length;
    starts[i] = at;
    at += values[i].length;
  }
  const sentences: Sentence[] = [];
  doc.sentences().each((s: ItemSentence) => {
    const [first, last] = s.out(its.span) as unknown as [number, number];
    const tokens: Token[] = [];
    for (let i = first; i <= last; i++) {
      const v = values[i];
      if (/^\s+$/.test(v)) continue;
      tokens.push({ text: v, lower: v.toLowerCase(), pos: pos[i], lemma: lemma[i], start: starts[i], end: starts[i] + v.length });
    }
    if (!tokens.some((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM')) return;
    const start = tokens[0].start;
    const end = tokens[tokens.length - 1].end;
    sentences.push({ index: sentences.length, start, end, text: text.slice(start, end), tokens });
  });
  return { text, sentences, pubDate };
}
