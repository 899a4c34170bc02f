import { describe, expect, it } from 'vitest';
import { circularLag, dayOfYear, daysBetween, effectiveDate, isIsoDay, mmddOf, periodOf } from './dates.js';

describe('analysis dates', () => {
  it('checks ISO days', () => {
    expect(isIsoDay('2012-02-29')).toBe(true);
    expect(isIsoDay('2011-02-29')).toBe(false);
    expect(isIsoDay('2011-12')).toBe(false);
    expect(isIsoDay(null)).toBe(false);
  });

  it('places an event at its own date when plausible, else at publication', () => {
    expect(effectiveDate('2011-12-17', '2011-12-19')).toBe('2011-12-17');
    expect(effectiveDate('2011-12', '2011-12-19')).toBe('2011-12-19');
    // a date years after publication is a resolution error
    expect(effectiveDate('2027-12-24', '2012-01-03')).toBe('2012-01-03');
    expect(effectiveDate('1950-06-25', '2012-06-25')).toBe('2012-06-25');
    expect(effectiveDate('2012-01-03', null)).toBe('2012-01-03');
    expect(effectiveDate(null, null)).toBeNull();
    expect(daysBetween('2011-12-30', '2012-01-02')).toBe(3);
  });

  it('names periods', () => {
    expect(periodOf('2011-12-19', 'month')).toBe('2011-12');
    expect(periodOf('2011-12-19', 'quarter')).toBe('2011-Q4');
    expect(periodOf('2011-04-01', 'quarter')).toBe('2011-Q2');
    expect(periodOf('2011-12-19', 'year')).toBe('2011');
  });

  it('counts days of the year on a non-leap circle', () => {
    expect(dayOfYear('2012-01-01')).toBe(0);
    expect(dayOfYear('12-31')).toBe(364);
    expect(dayOfYear('2012-02-29')).toBe(dayOfYear('03-01'));
    expect(dayOfYear('2012-03-01')).toBe(dayOfYear('2011-03-01'));
    expect(mmddOf(dayOfYear('10-01'))).toBe('10-01');
    expect(circularLag(dayOfYear('12-30'), dayOfYear('01-02'))).toBe(3);
    expect(circularLag(dayOfYear('01-02'), dayOfYear('12-30'))).toBe(-3);
  });
});
