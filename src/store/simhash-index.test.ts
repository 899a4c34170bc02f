import { describe, expect, it } from 'vitest';
import { hamming, simhash } from './fingerprint.js';
import { DEFAULT_NEAR_DISTANCE, MAX_NEAR_DISTANCE, bandProbes, simhashBands, simhashBytes } from './simhash-index.js';
import { KCNA_SKIP_REASON, kcnaStories, skipWithoutKcna } from '../../test/store-corpus.js';

/** A deterministic 64-bit generator (splitmix64), so a failure can be replayed. */
function rng(seed: bigint): () => bigint {
  let s = seed;
  return () => {
    s = (s + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
    let z = s;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
    return z ^ (z >> 31n);
  };
}

/** Whether a lookup for `a` probes a band value of `b`. */
const probed = (a: bigint, b: bigint) => {
  const bands = simhashBands(b);
  return bandProbes(a, MAX_NEAR_DISTANCE).some((probes, i) => probes.includes(bands[i]));
};

/** `a` with `n` distinct random bits flipped. */
function flipped(a: bigint, n: number, next: () => bigint): bigint {
  const bits = new Set<number>();
  while (bits.size < n) bits.add(Number(next() & 63n));
  return [...bits].reduce((x, bit) => x ^ (1n << BigInt(bit)), a);
}

describe('simhash band index', () => {
  it('cuts a simhash into four 16-bit bands and eight bytes, the lowest first', () => {
    expect(simhashBands(0x0004_0003_0002_0001n)).toEqual([1, 2, 3, 4]);
    expect(simhashBytes('0807060504030201')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const probes = bandProbes(0x0004_0003_0002_0001n, 7);
    expect(probes.map((p) => p.length)).toEqual([17, 17, 17, 17]);
    expect(probes[0].slice(0, 3)).toEqual([1, 0, 3]);
    expect(bandProbes(0x0004_0003_0002_0001n, 3)).toEqual([[1], [2], [3], [4]]);
  });

  it('probes a band of every hash within 7 bits, which also shares a byte (the lock), and misses 2 bits in every band', () => {
    const next = rng(42n);
    for (let n = 0; n < 3000; n++) {
      const a = next();
      const b = flipped(a, 1 + (n % MAX_NEAR_DISTANCE), next);
      expect(hamming(a, b)).toBe(1 + (n % MAX_NEAR_DISTANCE));
      expect(probed(a, b), `${a.toString(16)} ~ ${b.toString(16)}`).toBe(true);
      const bytes = simhashBytes(a);
      expect(simhashBytes(b).some((x, i) => x === bytes[i])).toBe(true);
    }
    const h = 0x0123456789abcdefn;
    expect(probed(h, h ^ 0x0003_0003_0003_0003n)).toBe(false); // 8 bits, 2 in each band
  });
});

describe.skipIf(skipWithoutKcna)(`story distance on KCNA stories (skips when ${KCNA_SKIP_REASON})`, () => {
  it('joins most lightly edited republications at the default distance, where 3 bits missed many, and few distinct stories', () => {
    const stories = kcnaStories(3000).filter((s) => s.language === 'en');
    const long = stories.filter((s) => s.text.split(' ').length >= 100).slice(0, 300);
    expect(long.length).toBe(300);
    const edits = [
      (s: (typeof long)[0]) => `Pyongyang, ${s.date} (KCNA) -- ${s.text}`,
      (s: (typeof long)[0]) => `${s.title}. ${s.text}`,
    ];
    const d = long.flatMap((s) => edits.map((edit) => hamming(simhash(s.text), simhash(edit(s)))));
    const recall = (k: number) => d.filter((x) => x <= k).length / d.length;
    // measured on these 600 edits: 52% within 3 bits, 87% within 6 (simhash-index.ts has the whole corpus)
    expect(recall(3)).toBeLessThan(0.6);
    expect(recall(DEFAULT_NEAR_DISTANCE)).toBeGreaterThan(0.85);
    // distinct texts within the default distance of one another: rare
    const distinct = [...new Map(stories.map((s) => [s.text, simhash(s.text)])).values()];
    let close = 0;
    for (let i = 0; i < distinct.length; i++)
      for (let j = i + 1; j < distinct.length; j++) if (hamming(distinct[i], distinct[j]) <= DEFAULT_NEAR_DISTANCE) close++;
    expect(close).toBeLessThan(distinct.length * 0.001); // measured: 0 pairs among 2,563 distinct texts
  });
});
