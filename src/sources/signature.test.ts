import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contentHash, hamming, NEAR_DUPLICATE_BITS, simhash } from './signature.js';

const CORPUS = new URL('../../../shared/corpora/kcna-2011-2012.jsonl.gz', import.meta.url);
const shared = existsSync(CORPUS);

describe('contentHash', () => {
  it('ignores whitespace differences, not word differences', () => {
    expect(contentHash('Kim Jong Il  sent\n a message.')).toBe(contentHash(' Kim Jong Il sent a message. '));
    expect(contentHash('Kim Jong Il sent a message.')).not.toBe(contentHash('Kim Jong Il sent a letter.'));
    expect(contentHash('x')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('simhash', () => {
  it('is 64 bits and stable', () => {
    const h = simhash('General Secretary Kim Jong Il sent a congratulatory message');
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash('General Secretary Kim Jong Il sent a congratulatory message')).toBe(h);
    expect(hamming(h, h)).toBe(0);
  });
  it('handles texts shorter than a shingle', () => {
    expect(simhash('')).toBe('0000000000000000');
    expect(simhash('hello')).toMatch(/^[0-9a-f]{16}$/);
  });
  it.skipIf(!shared && process.env.CI !== 'true')(
    'puts a lightly edited KCNA story near its original and unrelated stories far away (skips without ../shared)',
    () => {
      const lines = gunzipSync(readFileSync(CORPUS)).toString('utf8').split('\n', 400).filter(Boolean);
      const texts = lines.map((l) => (JSON.parse(l) as { text: string }).text).filter((t) => t.length > 1500);
      expect(texts.length).toBeGreaterThan(50);
      let nearMax = 0;
      let farMin = 64;
      for (let i = 0; i < 50; i++) {
        const t = texts[i];
        // A republished copy: another dateline, one sentence dropped from the middle.
        const edited = `PYONGYANG, December 1 (KCNA) -- ${t.replace(/[^.]*\.\s/, '')}`;
        nearMax = Math.max(nearMax, hamming(simhash(t), simhash(edited)));
        farMin = Math.min(farMin, hamming(simhash(t), simhash(texts[i + 1])));
      }
      expect(nearMax).toBeLessThanOrEqual(NEAR_DUPLICATE_BITS);
      expect(farMin).toBeGreaterThan(NEAR_DUPLICATE_BITS + 4);
    },
  );
});
