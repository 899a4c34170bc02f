/**
 * Date arithmetic shared by the analyses: ISO day numbers, periods, days of the year on a circle
 * (so that 30 December and 2 January are 3 days apart for New Year rituals).
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export type PeriodUnit = 'month' | 'quarter' | 'year';

/** True for a full ISO calendar date (YYYY-MM-DD) that exists. */
export function isIsoDay(s: string | null | undefined): s is string {
  if (!s) return false;
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Days since 1970-01-01 of an ISO date (callers check isIsoDay first). */
export function dayNumber(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * The date an event or signal is placed at: its own date when it is a full ISO date no more than a year
 * before and a month after its document's publication (a later or far older date is a resolution error or
 * history, not news of the day), else the publication date (when a full date), else null.
 */
export function effectiveDate(own: string | null | undefined, published: string | null | undefined): string | null {
  const pub = isIsoDay(published) ? published : null;
  if (isIsoDay(own)) {
    if (!pub) return own;
    const d = daysBetween(pub, own);
    if (d >= -366 && d <= 31) return own;
  }
  return pub;
}

/** The period an ISO date falls in: "2011-12", "2011-Q4" or "2011". */
export function periodOf(iso: string, unit: PeriodUnit): string {
  if (unit === 'year') return iso.slice(0, 4);
  if (unit === 'month') return iso.slice(0, 7);
  return `${iso.slice(0, 4)}-Q${Math.floor((+iso.slice(5, 7) - 1) / 3) + 1}`;
}

/** Cumulative days before each month in a non-leap year. */
const MONTH_START = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
export const YEAR_DAYS = 365;

/**
 * Day of the year 0–364 of an ISO date or an MM-DD, counted on a non-leap year (29 February reads as
 * 1 March), so the same calendar day has the same number every year.
 */
export function dayOfYear(isoOrMmdd: string): number {
  const mmdd = isoOrMmdd.length === 5 ? isoOrMmdd : isoOrMmdd.slice(5, 10);
  const month = +mmdd.slice(0, 2);
  const day = +mmdd.slice(3, 5);
  return Math.min(MONTH_START[month - 1] + day - 1, YEAR_DAYS - 1);
}

/** MM-DD of a day of the year (non-leap). */
export function mmddOf(doy: number): string {
  let m = 11;
  while (MONTH_START[m] > doy) m--;
  return `${String(m + 1).padStart(2, '0')}-${String(doy - MONTH_START[m] + 1).padStart(2, '0')}`;
}

/** Signed distance from day-of-year `from` to `to` on the year circle, in (-183, 182]. */
export function circularLag(from: number, to: number): number {
  let d = (to - from) % YEAR_DAYS;
  if (d > YEAR_DAYS / 2) d -= YEAR_DAYS;
  if (d <= -YEAR_DAYS / 2) d += YEAR_DAYS;
  return d;
}
