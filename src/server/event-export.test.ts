import { describe, expect, it } from 'vitest';
import type { EventRow } from '../store/store.js';
import { eventStream } from './event-export.js';

/** Rows enough for many chunks; records whether the consumer closed the iterator (as the store closes its cursor). */
function rows(n: number) {
  const state = { yielded: 0, closed: false };
  async function* gen() {
    try {
      for (let i = 0; i < n; i++) {
        state.yielded++;
        yield { id: i, evidence: 'x'.repeat(200) } as unknown as EventRow;
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, iterable: gen() };
}

describe('eventStream', () => {
  it('streams every row and closes the rows at the end', async () => {
    const { state, iterable } = rows(5000);
    const text = await new Response(eventStream(iterable, 'jsonl')).text();
    expect(text.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(state.closed).toBe(true);
  });

  it('reads no further than the client and stops the rows when the client goes away', async () => {
    const { state, iterable } = rows(1_000_000);
    const reader = eventStream(iterable, 'jsonl').getReader();
    await reader.read();
    await new Promise((r) => setTimeout(r, 50));
    // Backpressure: a handful of 64 KB chunks ahead of the reader, not the million rows.
    expect(state.yielded).toBeLessThan(5000);
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 50));
    expect(state.closed).toBe(true);
    expect(state.yielded).toBeLessThan(5000);
  });
});
