/**
 * The near-duplicate index: which stored documents can lie within the story distance of a new one.
 *
 * Every document keeps its 64-bit simhash cut into four 16-bit bands (columns sh0…sh3, each indexed).
 * Two hashes at most 7 bits apart differ in at most 1 bit in at least one band (pigeonhole: 7 bits over
 * 4 bands), so a lookup probes, in each band, the new hash's value and its 16 one-bit neighbours (68
 * index probes; within 3 bits the values alone); the exact distance of the few documents found decides. Writing stays at four index
 * entries a document. (Measured against an index of the 28 pairs of simhash bytes, exact to 6 bits:
 * that one wrote 28 rows a document and halved SQLite's batch insert rate, 4,000 → 2,200 docs/s CPU.)
 * Candidates per lookup: 68·N/65,536 for N uniform hashes.
 *
 * The story distance (DEFAULT_NEAR_DISTANCE), measured on the KCNA corpus (20,221 distinct English
 * texts; `npm run bench -- store` prints these tables):
 *  - recall: 1,000 stories of 100+ words (3+ sentences), each republished with a light edit (dateline
 *    prefixed, byline appended, headline prefixed, a typo and a changed case, the last sentence dropped),
 *    5,000 edits: within 3 bits 60.2%, 4: 73.8%, 5: 83.1%, 6: 89.3%, 7: 92.8%, 8: 94.7%; dateline
 *    alone: 64.5% at 3, 96.4% at 6, 97.9% at 7; the dropped last sentence is the hard case (71.1% at 6);
 *  - false joins: pairs of distinct texts (204M pairs) within 3 bits: 1 (the same story re-scraped),
 *    4: 3, 5: 4, 6: 9, 7: 21, 8: 42; the pairs at 5–8 bits are templated reports of different events
 *    ("Kim Jong Il's work carried by a Bangladeshi / Peruvian paper");
 *  - through the store (all 20,221 texts saved, then the 5,000 edits under other outlets' names): at
 *    3 bits 1 distinct text joined another's story and 62.9% of edits joined their original's; at 6
 *    bits 8 and 90.9%; at 7 bits 18 and 94.0%.
 * 6 bits keeps 89% of edited republications (3 bits: 60%) at 9 false pairs in 204M; 7 would more than
 * double the false pairs for +3.5 points, so 6 is the default and 7 the most a store accepts.
 */
import { parseSimhash } from './fingerprint.js';

/** The largest story distance the index finds exactly, and the store's default. */
export const MAX_NEAR_DISTANCE = 7;
export const DEFAULT_NEAR_DISTANCE = 6;

/** The four 16-bit bands of a simhash, the lowest first (columns sh0…sh3). */
export function simhashBands(h: bigint | string): [number, number, number, number] {
  const v = parseSimhash(h);
  return [Number(v & 0xffffn), Number((v >> 16n) & 0xffffn), Number((v >> 32n) & 0xffffn), Number((v >> 48n) & 0xffffn)];
}

/**
 * The values probed in each band for a story distance: the band itself, then, beyond 3 bits, its 16
 * one-bit neighbours (17 a band, 68 in all). Within 3 bits some band is equal (4 probes, ~4 µs a lookup
 * in SQLite); within 7, some band differs by at most one bit (68 probes, ~60 µs).
 */
export function bandProbes(h: bigint | string, maxDistance: number): number[][] {
  const neighbours = maxDistance > 3 ? 16 : 0;
  return simhashBands(h).map((b) => [b, ...Array.from({ length: neighbours }, (_, i) => b ^ (1 << i))]);
}

/** The 8 bytes of a simhash, the lowest first: two hashes within 7 bits have at least one equal byte. */
export function simhashBytes(h: bigint | string): number[] {
  const v = parseSimhash(h);
  return Array.from({ length: 8 }, (_, k) => Number((v >> BigInt(8 * k)) & 0xffn));
}
