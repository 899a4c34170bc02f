import { describe, expect, it } from 'vitest';
import { sentenceBreaks } from './sentence-breaks.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const icu = (text: string): number[] => [...segmenter.segment(text)].map((s) => s.index).filter((i) => i > 0);

/** Characters of every ASCII sentence-break class, the terminators and spaces more often than the rest. */
const ALPHABET = ['a', 'z', 'A', 'Z', '0', '9', '.', '.', '.', '!', '?', ',', '-', ':', ';', '"', "'", '(', ')', '[', ']', '{', '}', ' ', ' ', '\t', '\n', '\r', '\v', '\f', '#', '/', '_', '\u0000', '\u001f', '\u007f'];

describe('sentenceBreaks', () => {
  it('puts the breaks the segmenter puts', () => {
    for (const text of [
      '',
      'Kim Jong Un sent a telegram. Putin replied!\nWhy?  ',
      'The U.S. envoy met Dr. Kim on Dec. 5 at 3.5 km.',
      'He said "No." Then he left.) And (so.) on. etc. and so?! Yes.\r\nNo.\rA',
      'Oui. Élan. Non.\u3000Fin.',
    ]) expect(sentenceBreaks(text), JSON.stringify(text)).toEqual(icu(text));
  });

  it('agrees with the segmenter on random ASCII strings', () => {
    let seed = 1;
    const random = (n: number): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    for (let t = 0; t < 20000; t++) {
      let text = '';
      for (let k = 1 + random(16); k > 0; k--) text += random(20) === 0 ? String.fromCharCode(random(128)) : ALPHABET[random(ALPHABET.length)];
      expect(sentenceBreaks(text), JSON.stringify(text)).toEqual(icu(text));
    }
  });
});
