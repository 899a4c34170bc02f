/**
 * Document fingerprints for dedup: an exact content hash and a 64-bit SimHash for near-duplicates.
 *
 * Both work on the fingerprint form of a text: Unicode NFKC, whitespace runs collapsed, trimmed.
 * SimHash (Charikar) sums, bit by bit, the 64-bit hashes of the text's word 3-shingles (lower case);
 * texts that share most shingles get hashes a few bits apart, so "one report republished with a
 * changed byline" stays within the store's near-duplicate distance while unrelated texts are ~32 apart.
 */
import { createHash } from 'node:crypto';

/** NFKC, collapsed whitespace, trimmed: the text both fingerprints are taken of. */
export function fingerprintText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** sha256 hex of the fingerprint form. */
export function contentHash(text: string): string {
  return createHash('sha256').update(fingerprintText(text)).digest('hex');
}

const WORD = /[\p{L}\p{N}]+/gu;
const SHINGLE = 3;

/** 32-bit FNV-1a of a string with a given offset basis. */
function fnv1a(s: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mix three word hashes into one 32-bit shingle hash (murmur3 finaliser over a running combine). */
function mix(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const counts = new Int32Array(64);

function addBits(lo: number, hi: number): void {
  for (let i = 0; i < 32; i++) {
    counts[i] += (lo >>> i) & 1 ? 1 : -1;
    counts[32 + i] += (hi >>> i) & 1 ? 1 : -1;
  }
}

/** 64-bit SimHash over lower-cased word 3-shingles (whole text as one shingle when shorter). */
export function simhash(text: string): bigint {
  const words = fingerprintText(text).toLowerCase().match(WORD) ?? [];
  const lo: number[] = new Array(words.length);
  const hi: number[] = new Array(words.length);
  for (let i = 0; i < words.length; i++) {
    lo[i] = fnv1a(words[i], 0x811c9dc5);
    hi[i] = fnv1a(words[i], 0x050c5d1f);
  }
  counts.fill(0);
  const n = words.length;
  if (n < SHINGLE) {
    addBits(mix(lo[0] ?? 0, lo[1] ?? 0, n), mix(hi[0] ?? 0, hi[1] ?? 0, n));
  } else {
    for (let i = 0; i + SHINGLE <= n; i++) addBits(mix(lo[i], lo[i + 1], lo[i + 2]), mix(hi[i], hi[i + 1], hi[i + 2]));
  }
  let outLo = 0;
  let outHi = 0;
  for (let i = 0; i < 32; i++) {
    if (counts[i] > 0) outLo |= 1 << i;
    if (counts[32 + i] > 0) outHi |= 1 << i;
  }
  return (BigInt(outHi >>> 0) << 32n) | BigInt(outLo >>> 0);
}

/** A simhash as 16 lower-case hex digits. */
export function simhashHex(h: bigint | string): string {
  const v = typeof h === 'bigint' ? h : parseSimhash(h);
  return v.toString(16).padStart(16, '0');
}

/** Parse a 16-digit hex simhash (or pass a bigint through), checking it is 64 bits. */
export function parseSimhash(h: bigint | string): bigint {
  if (typeof h === 'bigint') {
    if (h < 0n || h >> 64n !== 0n) throw new RangeError(`simhash ${h} is not an unsigned 64-bit value`);
    return h;
  }
  if (!/^[0-9a-fA-F]{1,16}$/.test(h)) throw new RangeError(`simhash "${h}" is not 1-16 hex digits`);
  return BigInt('0x' + h);
}

/** Set bits of a 32-bit integer. */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Bits in which two simhashes differ. */
export function hamming(a: bigint | string, b: bigint | string): number {
  const x = parseSimhash(a) ^ parseSimhash(b);
  return popcount32(Number(x & 0xffffffffn)) + popcount32(Number(x >> 32n));
}
