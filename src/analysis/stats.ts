/** Small numeric helpers shared by the analyses (rounding for stable output, medians, collecting streams). */

/** `x` rounded to `digits` decimals (and -0 read as 0), so outputs compare exactly. */
export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
}

/** Median of numbers (mean of the two middle values for an even count), or null when empty. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** (x - y) / (|x| + |y|): +1 all on x's side, -1 all on y's, 0 balanced; null when both are 0. */
export function asymmetry(x: number, y: number): number | null {
  const d = Math.abs(x) + Math.abs(y);
  return d === 0 ? null : round((x - y) / d);
}

/** Every item of a stream, in order. */
export async function collect<T>(items: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}
