/**
 * When to poll a feed again. Within bounds of a quarter to eight times the feed's configured interval:
 * a poll that brought new items halves the interval, a quiet poll stretches it by half, and a failed
 * poll backs off exponentially (base × 2^failures) to the upper bound.
 */

export interface Bounds {
  min: number;
  max: number;
}

export function bounds(baseSeconds: number): Bounds {
  return { min: baseSeconds / 4, max: baseSeconds * 8 };
}

export interface PollFacts {
  ok: boolean;
  itemsNew: number;
  /** Consecutive failures including this poll (0 after a success). */
  consecutiveFailures: number;
}

/** Seconds until the next poll, given the interval used last time (null on the first poll). */
export function nextInterval(baseSeconds: number, previous: number | null, facts: PollFacts): number {
  const { min, max } = bounds(baseSeconds);
  const prev = previous ?? baseSeconds;
  const next = !facts.ok
    ? baseSeconds * 2 ** facts.consecutiveFailures
    : facts.itemsNew > 0
      ? prev / 2
      : prev * 1.5;
  return Math.round(Math.min(max, Math.max(min, next)));
}
