import { describe, expect, it } from 'vitest';
import { asymmetry, collect, median, round } from './stats.js';

describe('analysis stats', () => {
  it('rounds without negative zero', () => {
    expect(round(0.18857)).toBe(0.189);
    expect(round(-0.0001)).toBe(0);
    expect(Object.is(round(-0.0001), -0)).toBe(false);
    expect(round(7.1000000001, 2)).toBe(7.1);
  });

  it('takes medians of odd and even counts', () => {
    expect(median([90, 45, 234])).toBe(90);
    expect(median([1, 4, 2, 10])).toBe(3);
    expect(median([])).toBeNull();
  });

  it('measures asymmetry between two sides', () => {
    expect(asymmetry(3, 1)).toBe(0.5);
    expect(asymmetry(7.1, 10.4)).toBe(-0.189);
    expect(asymmetry(-8, 0)).toBe(-1);
    expect(asymmetry(0, 0)).toBeNull();
  });

  it('collects async streams', async () => {
    async function* gen() {
      yield 1;
      yield 2;
    }
    expect(await collect(gen())).toEqual([1, 2]);
  });
});
