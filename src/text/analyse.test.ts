import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';

describe('analyse', () => {
  it('splits sentences on hard cases and keeps offsets into the input', () => {
    const raw = 'The U.S. envoy met Dr. Kim in Pyongyang., ,  Kim Jong-un sent a telegram to Putin.\n';
    const a = analyse(raw);
    expect(a.sentences.map((s) => s.text)).toEqual([
      'The U.S. envoy met Dr. Kim in Pyongyang.',
      'Kim Jong-un sent a telegram to Putin.',
    ]);
    for (const s of a.sentences) for (const t of s.tokens) expect(raw.slice(t.start, t.end)).toBe(t.text);
    const sent = a.sentences[1].tokens.find((t) => t.text === 'sent')!;
    expect(sent.pos).toBe('VERB');
    expect(sent.lemma).toBe('send');
  });

  it('gives no sentence for empty or whitespace text', () => {
    expect(analyse('  \n , , ').sentences).toEqual([]);
  });
});

describe('lazy tagging', () => {
  it('tags a sentence when its tokens are read, once, with offsets into the whole text', () => {
    const raw = 'Pyongyang, May 9 (KCNA) -- Kim Jong Un sent a telegram. Putin replied the next day.';
    const a = analyse(raw);
    const [first, second] = a.sentences;
    const tokens = second.tokens;
    expect(second.tokens).toBe(tokens);
    expect(tokens.map((t) => t.text)).toEqual(['Putin', 'replied', 'the', 'next', 'day', '.']);
    for (const t of [...first.tokens, ...tokens]) expect(raw.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.find((t) => t.text === 'replied')).toMatchObject({ pos: 'VERB', lemma: 'reply' });
  });
});

describe('tokens whatever came before', () => {
  it("splits a possessive the same way before punctuation and after it has been seen there", () => {
    // Read first, "Hwasong's," would make wink keep every later "Hwasong's" whole.
    const before = analyse("It was Hwasong's, not ours. They praised Hwasong's (new) policy.");
    const after = analyse("Hwasong's policy was praised.");
    const words = (a: ReturnType<typeof analyse>) => a.sentences.flatMap((s) => s.tokens.map((t) => t.text));
    expect(words(before)).toEqual(['It', 'was', 'Hwasong', "'s", ',', 'not', 'ours', '.', 'They', 'praised', 'Hwasong', "'s", '(', 'new', ')', 'policy', '.']);
    expect(words(after).slice(0, 2)).toEqual(['Hwasong', "'s"]);
    for (const s of before.sentences) for (const t of s.tokens) expect(before.text.slice(t.start, t.end)).toBe(t.text);
  });
});
