import { describe, expect, it } from 'vitest';
import { contentHash, hamming, parseSimhash, simhash, simhashHex } from './fingerprint.js';
import { KCNA_SKIP_REASON, kcnaStories, skipWithoutKcna } from '../../test/store-corpus.js';

describe('contentHash', () => {
  it('ignores whitespace layout but not wording or case', () => {
    expect(contentHash('Kim  Jong Il\nsent a message.')).toBe(contentHash(' Kim Jong Il sent a message. '));
    expect(contentHash('Kim Jong Il sent a message.')).not.toBe(contentHash('Kim Jong Il sent a letter.'));
    expect(contentHash('peace')).not.toBe(contentHash('Peace'));
    expect(contentHash('x')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('simhash helpers', () => {
  it('round-trips hex and counts differing bits', () => {
    const h = 0x8000_0000_0000_0001n;
    expect(simhashHex(h)).toBe('8000000000000001');
    expect(parseSimhash('8000000000000001')).toBe(h);
    expect(hamming(h, 0n)).toBe(2);
    expect(hamming('ffffffffffffffff', 0n)).toBe(64);
    expect(() => parseSimhash('xyz')).toThrow(/not 1-16 hex digits/);
    expect(() => parseSimhash(1n << 64n)).toThrow(/not an unsigned 64-bit/);
  });
});

describe.skipIf(skipWithoutKcna)(`simhash on KCNA stories (skips when ${KCNA_SKIP_REASON})`, () => {
  it('keeps a republication with a dateline close and unrelated stories far', () => {
    const stories = kcnaStories(2000).filter((s) => s.text.split(' ').length > 250);
    expect(stories.length).toBeGreaterThan(100);
    // A 5-word dateline on a 250+ word story changes ~2% of the shingles: measured 79% within 3 bits, all within 8.
    const d = stories.slice(0, 100).map((s) => hamming(simhash(s.text), simhash(`Pyongyang, ${s.date} (KCNA) -- ${s.text}`)));
    expect(d.filter((x) => x <= 3).length).toBeGreaterThanOrEqual(70);
    expect(Math.max(...d)).toBeLessThanOrEqual(8);
    const hashes = stories.map((s) => simhash(s.text));
    const distinct = new Set(stories.map((s) => s.text));
    let close = 0;
    let pairs = 0;
    for (let i = 0; i < hashes.length; i++)
      for (let j = i + 1; j < hashes.length; j++) {
        if (stories[i].text === stories[j].text) continue;
        pairs++;
        if (hamming(hashes[i], hashes[j]) <= 3) close++;
      }
    expect(distinct.size).toBeGreaterThan(50);
    expect(close / pairs).toBeLessThan(0.001);
  });
});
