import { describe, expect, it } from 'vitest';
import { nextInterval } from './schedule.js';

describe('nextInterval', () => {
  it('polls faster while items flow, down to a quarter of the base', () => {
    let i: number | null = null;
    const seen: number[] = [];
    for (let k = 0; k < 4; k++) seen.push((i = nextInterval(800, i, { ok: true, itemsNew: 3, consecutiveFailures: 0 })));
    expect(seen).toEqual([400, 200, 200, 200]);
  });
  it('slows down when quiet, up to eight times the base', () => {
    let i: number | null = 800;
    const seen: number[] = [];
    for (let k = 0; k < 7; k++) seen.push((i = nextInterval(800, i, { ok: true, itemsNew: 0, consecutiveFailures: 0 })));
    expect(seen).toEqual([1200, 1800, 2700, 4050, 6075, 6400, 6400]);
  });
  it('backs off exponentially on failure, bounded', () => {
    const seen = [1, 2, 3, 4, 5].map((f) => nextInterval(60, 60, { ok: false, itemsNew: 0, consecutiveFailures: f }));
    expect(seen).toEqual([120, 240, 480, 480, 480]);
  });
});
