/**
 * The near-duplicate index: which stored documents can lie within the story distance of a new one.
 *
 * A 64-bit simhash is cut into 8 bytes. Two hashes at most k bits apart differ in at most k bytes, so
 * for k ≤ 6 at least 2 of their 8 bytes are equal (pigeonhole). The index therefore keeps, for every
 * document, one key per pair of byte positions (28 keys: pair number, then the two bytes); a document
 * within 6 bits of another shares at least one key with it, and the exact distance of the few documents
 * sharing a key decides. Candidates per lookup: 28·N/65,536 for N uniform hashes (11.5 on the 22,337
 * KCNA stories), where 8 single-byte bands (exact to 7 bits) would give N/32 (748 on KCNA).
 *
 * The story distance (DEFAULT_NEAR_DISTANCE), measured on the KCNA corpus (20,221 distinct English
 * texts; `npm run bench -- store` prints these tables):
 *  - recall: 1,000 stories of 100+ words, each republished with a light edit (dateline prefixed, byline
 *    appended, headline prefixed, a typo and a changed case, the last sentence dropped), 5,000 edits:
 *    within 3 bits 58.3%, 4: 72.6%, 5: 82.5%, 6: 89.0%, 7: 92.8%, 8: 95.3%; dateline alone: 61.4% at 3,
 *    93.7% at 6, 97.7% at 7;
 *  - false joins: pairs of distinct texts (204M pairs) within 3 bits: 1 (the same story re-scraped),
 *    4: 3, 5: 4, 6: 9, 7: 21, 8: 42; the pairs at 5–8 bits are templated reports of different events
 *    ("Kim Jong Il's work carried by a Bangladeshi / Peruvian paper"). Documents with a distinct text
 *    within 6 bits: 16 of 20,221 (0.08%); within 7: 32 (0.16%).
 * 6 bits keeps 89% of edited republications (3 bits: 58%) at 9 false pairs in 204M, and is the largest
 * distance this two-byte index finds exactly; 7 would more than double the false pairs for +3.8 points.
 */
import { parseSimhash } from './fingerprint.js';

/** The largest story distance the index finds exactly, and the store's default. */
export const MAX_NEAR_DISTANCE = 6;
export const DEFAULT_NEAR_DISTANCE = 6;

/** The 28 pairs of byte positions (byte 0 is the lowest), in key order. */
const PAIRS: [number, number][] = [];
for (let i = 0; i < 8; i++) for (let j = i + 1; j < 8; j++) PAIRS.push([i, j]);

/** The 8 bytes of a simhash, the lowest first. */
export function simhashBytes(h: bigint | string): number[] {
  const v = parseSimhash(h);
  const lo = Number(v & 0xffffffffn);
  const hi = Number(v >> 32n);
  return [0, 1, 2, 3, 4, 5, 6, 7].map((k) => ((k < 4 ? lo : hi) >>> (8 * (k & 3))) & 0xff);
}

/** The index keys of a simhash: pair number × 65,536 + first byte × 256 + second byte. */
export function simhashKeys(h: bigint | string): number[] {
  const b = simhashBytes(h);
  return PAIRS.map(([i, j], p) => p * 65536 + b[i] * 256 + b[j]);
}

/**
 * SQL (SQLite and PostgreSQL alike) filling simhash_keys from the 16-bit bands sh0…sh3 of schema version 1
 * (sh0 the lowest): the migration from the band index to this one.
 */
export function keysFromBandsSql(): string {
  const byte = (k: number) => `((sh${k >> 1} >> ${8 * (k & 1)}) & 255)`;
  const selects = PAIRS.map(([i, j], p) => `SELECT ${p * 65536} + ${byte(i)} * 256 + ${byte(j)}, id FROM documents`);
  return `INSERT INTO simhash_keys (key, document_id)\n${selects.join('\nUNION ALL ')};`;
}
