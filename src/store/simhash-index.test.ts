import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { hamming, simhash } from './fingerprint.js';
import { DEFAULT_NEAR_DISTANCE, MAX_NEAR_DISTANCE, keysFromBandsSql, simhashKeys } from './simhash-index.js';
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

const shareKey = (a: bigint, b: bigint) => {
  const ka = new Set(simhashKeys(a));
  return simhashKeys(b).some((k) => ka.has(k));
};

describe('simhash pair index', () => {
  it('gives two hashes at most 6 bits apart a common key, and none to 7 bits in 7 bytes', () => {
    const next = rng(42n);
    for (let n = 0; n < 2000; n++) {
      const a = next();
      let b = a;
      const bits = new Set<number>();
      while (bits.size < 1 + (n % MAX_NEAR_DISTANCE)) bits.add(Number(next() & 63n));
      for (const bit of bits) b ^= 1n << BigInt(bit);
      expect(hamming(a, b)).toBe(bits.size);
      expect(shareKey(a, b), `${a.toString(16)} ~ ${b.toString(16)}`).toBe(true);
    }
    const h = 0x0123456789abcdefn;
    const sevenBytes = [0, 1, 2, 3, 4, 5, 6].reduce((x, i) => x ^ (1n << BigInt(8 * i)), h);
    expect(shareKey(h, sevenBytes)).toBe(false);
    expect(simhashKeys(h)).toHaveLength(28);
    expect(new Set(simhashKeys(h)).size).toBe(28);
    expect(simhashKeys('0123456789abcdef')).toEqual(simhashKeys(h));
  });

  it('builds the same keys in SQL from the 16-bit bands of schema version 1 (the migration)', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE documents (id INTEGER PRIMARY KEY, sh0 INTEGER, sh1 INTEGER, sh2 INTEGER, sh3 INTEGER)');
    db.exec('CREATE TABLE simhash_keys (key INTEGER, document_id INTEGER)');
    const next = rng(7n);
    const hashes = [0n, 0xffffffffffffffffn, ...Array.from({ length: 50 }, next)];
    const insert = db.prepare('INSERT INTO documents (id, sh0, sh1, sh2, sh3) VALUES (?, ?, ?, ?, ?)');
    hashes.forEach((h, i) => insert.run(i + 1, ...[0, 1, 2, 3].map((b) => Number((h >> BigInt(16 * b)) & 0xffffn))));
    db.exec(keysFromBandsSql());
    const keysOf = db.prepare('SELECT key FROM simhash_keys WHERE document_id = ? ORDER BY key').pluck();
    hashes.forEach((h, i) => expect(keysOf.all(i + 1)).toEqual([...simhashKeys(h)].sort((a, b) => a - b)));
    db.close();
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
