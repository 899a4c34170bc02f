import { describe, expect, it } from 'vitest';
import { sentenceSpans } from './segment.js';

const split = (text: string) => sentenceSpans(text).map(([a, b]) => text.slice(a, b));

describe('sentenceSpans', () => {
  it('ends sentences at periods, question and exclamation marks and line breaks, trimming white space', () => {
    expect(split('  Kim Jong Un sent a telegram. Putin replied!\nWhy?  ')).toEqual(['Kim Jong Un sent a telegram.', 'Putin replied!', 'Why?']);
  });

  it('does not end a sentence after a title, a month, a mountain or a person\'s initial', () => {
    expect(split('Dr. Kim met Mr. Lee on Dec. 5 at Mt. Paektu. G. Zyuganov and K. Shanmugam sent messages.')).toEqual([
      'Dr. Kim met Mr. Lee on Dec. 5 at Mt. Paektu.',
      'G. Zyuganov and K. Shanmugam sent messages.',
    ]);
  });

  it('ends a sentence after a dotted initialism only before a sentence opener', () => {
    expect(split('It opposes the U.S. FTA and the scheme of the U.S. Japan alliance. It blamed the U.S. The DPRK said so.')).toEqual([
      'It opposes the U.S. FTA and the scheme of the U.S. Japan alliance.',
      'It blamed the U.S.',
      'The DPRK said so.',
    ]);
  });

  it('keeps a line break as a sentence end even after an abbreviation', () => {
    expect(split('Message to the U.S.\nThe text follows.')).toEqual(['Message to the U.S.', 'The text follows.']);
  });

  it('reads white space and initials outside ASCII as the rest', () => {
    expect(split('He met Dr.\u2003Kim. Then É. Zyuganov spoke.\u3000Oui.')).toEqual(['He met Dr.\u2003Kim.', 'Then É. Zyuganov spoke.', 'Oui.']);
  });

  it('gives no sentence for white space', () => {
    expect(sentenceSpans(' \n\t ')).toEqual([]);
    expect(sentenceSpans('')).toEqual([]);
  });
});
