import { describe, expect, it } from 'vitest';
import { countryCode, csv, duration, excerpt, signed, table } from './cli-support.js';

describe('analysis CLI support', () => {
  it('reads durations in days, weeks, months and years', () => {
    expect(['180d', '180', '26w', '6m', '1y'].map((s) => duration.parse(s))).toEqual([180, 180, 182, 180, 365]);
    expect(duration.safeParse('soon').success).toBe(false);
  });

  it('upper-cases country codes and refuses names', () => {
    expect(countryCode.parse(' prk ')).toBe('PRK');
    expect(countryCode.safeParse('China').success).toBe(false);
  });

  it('aligns tables, numbers to the right', () => {
    expect(table(['name', 'n'], [['PRK', 12], ['CHN', 3], ['RUS', null]])).toBe('name   n\n----  --\nPRK   12\nCHN    3\nRUS    -\n');
  });

  it('writes CSV and short texts', () => {
    expect(csv(['a', 'b'], [['x, y', 1]])).toBe('a,b\n"x, y",1\n');
    expect(signed(0.1886)).toBe('+0.19');
    expect(signed(null)).toBe('-');
    expect(excerpt('one  two\nthree', 9)).toBe('one two …');
  });
});
