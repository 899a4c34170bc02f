import { describe, expect, it } from 'vitest';
import { isoDate } from './item.js';

describe('isoDate', () => {
  it('keeps the date as written by the publisher', () => {
    expect(isoDate('2011-12-19T08:00:00+09:00')).toBe('2011-12-19');
    expect(isoDate('Mon, 19 Dec 2011 08:00:00 +0900')).toBe('2011-12-19'); // 18 December in UTC
    expect(isoDate('19 December 2011')).toBe('2011-12-19');
    expect(isoDate('December 19, 2011')).toBe('2011-12-19');
  });
  it('gives null for no date', () => {
    expect(isoDate('')).toBeNull();
    expect(isoDate(undefined)).toBeNull();
    expect(isoDate('yesterday-ish')).toBeNull();
  });
});
