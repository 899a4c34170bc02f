/**
 * Ritual calendar: recurring diplomatic signals learnt from history, and for one year which of them came
 * (on time or late, with the lag), which are MISSING, and which signals came for the first time. Signals
 * within one country (sender and recipient the same) are not diplomatic rituals and are left out.
 *
 * A ritual is keyed by sender country → recipient country and kind (greetings count as congratulations,
 * sympathy as condolences: see RITUAL_KIND; countries, not persons: a succession
 * changes the sender's name, not the ritual; the change is reported), and its occasion is its usual day of
 * the year: the observed day that gathers the most history years within ±tolerance days (ties: the smallest
 * total distance, then the earliest day), learnt from signals of calendar occasion types; its occasion type
 * is the commonest among them. The occasion type does not split a ritual (the same national day is read as
 * national_day one year and anniversary the next): any signal of the pair and kind within the tolerance
 * counts as on time; a late one must name the ritual's occasion type. Years are matched on real dates around the usual day, so
 * New Year greetings sent on 30 December count for the next year's 1 January.
 */
import type { OccasionType, SignalKind } from '../types.js';
import type { SignalRow, Store } from '../store/store.js';
import { circularLag, dayNumber, dayOfYear, effectiveDate, mmddOf } from './dates.js';
import { collect } from './stats.js';

export interface RitualOptions {
  /** The year to check. Default: the latest year with a signal. */
  year?: number;
  /** Only rituals where this country (ISO alpha-3) sends or receives. */
  actor?: string;
  /** Days either side of the usual day that count as on time. Default 7. */
  tolerance?: number;
  /** History years before `year` that are looked at. Default 3. */
  window?: number;
  /** Of those, how many must have the signal for it to be a ritual. Default 2. */
  minYears?: number;
  /** Days after the tolerance in which a signal still counts as received (late). Default 30. */
  late?: number;
  /** The last day observed, ISO. Default: the latest publication date of all rows. Expected days after it are pending. */
  asOf?: string;
  /**
   * Occasion types learnt as rituals: the calendar occasions. Default national_day, anniversary, birthday,
   * new_year, holiday (deaths, disasters, elections, appointments and signals without an occasion do not recur
   * on a day of the year). First-time signals are listed whatever their occasion type.
   */
  occasions?: OccasionType[];
}

export interface RitualKey {
  sender: string;
  recipient: string;
  kind: SignalKind;
  occasionType: OccasionType;
}

/** One signal as the ritual calendar cites it. */
export interface RitualSignal {
  /** Store signal id. */
  id: number;
  date: string;
  senderName: string | null;
  recipientName: string | null;
  occasion: string | null;
  evidence: string;
  doc: { id: number; title: string | null; url: string | null };
}

export interface NameChange {
  /** Names seen in the history years, sorted. */
  before: string[];
  now: string;
}

export type RitualState = 'on_time' | 'late' | 'missing' | 'pending';

export interface RitualStatus extends RitualKey {
  /** The commonest occasion wording in history, ordinals and numbers removed. */
  occasion: string | null;
  /** Usual day, MM-DD. */
  usualDay: string;
  /** History years in which it was seen. */
  yearsSeen: number[];
  /** The day it was expected in the year checked, ISO. */
  expected: string;
  status: RitualState;
  /** Days from the expected day to the day received (negative: early). Null unless received. */
  lag: number | null;
  received: RitualSignal | null;
  /** Last occurrence in history (for a missing ritual: when it was last seen). */
  lastSeen: RitualSignal;
  senderChange: NameChange | null;
  recipientChange: NameChange | null;
}

export interface FirstTimeSignal extends RitualKey {
  occasion: string | null;
  /** Signals of this key in the year within ±tolerance of the first, counted as one. */
  count: number;
  first: RitualSignal;
}

export interface RitualReport {
  year: number;
  asOf: string;
  actor: string | null;
  tolerance: number;
  window: number;
  minYears: number;
  late: number;
  summary: { expected: number; onTime: number; late: number; missing: number; pending: number; firstTime: number };
  /** Every ritual expected in the year, by expected day then key. */
  rituals: RitualStatus[];
  /** Signals of the year never seen before (same key, within ±tolerance of the day of the year). */
  firstTime: FirstTimeSignal[];
}

interface Occ {
  day: number;
  doy: number;
  row: SignalRow;
  date: string;
}

/** The occasion types that recur on a day of the year. */
export const RITUAL_OCCASIONS: OccasionType[] = ['national_day', 'anniversary', 'birthday', 'new_year', 'holiday'];

type PairKind = Omit<RitualKey, 'occasionType'>;

/**
 * Kinds that stand for one another in a ritual: a national day is congratulated one year and greeted the
 * next ("sent a message of greeting"), a death mourned by condolences or by sympathy. A ritual is keyed by
 * the first kind of each pair and shown with the kind its signals have most often.
 */
const RITUAL_KIND: Partial<Record<SignalKind, SignalKind>> = { greetings: 'congratulations', sympathy: 'condolences' };
export const ritualKind = (k: SignalKind): SignalKind => RITUAL_KIND[k] ?? k;

const keyOf = (k: RitualKey) => `${k.sender}>${k.recipient}|${k.kind}|${k.occasionType}`;

/** "63rd founding anniversary of the DPRK" → "founding anniversary of the DPRK". */
export function normaliseOccasion(occasion: string | null): string | null {
  if (!occasion) return null;
  const s = occasion.replace(/\b\d+(st|nd|rd|th)?\b/gi, ' ').replace(/\s+/g, ' ').trim().replace(/^the /i, '');
  return s || null;
}

function cite(o: Occ): RitualSignal {
  const s = o.row.signal;
  return {
    id: o.row.id,
    date: o.date,
    senderName: s.sender.name,
    recipientName: s.recipient.name,
    occasion: s.occasion,
    evidence: o.row.evidence,
    doc: { id: o.row.doc.id, title: o.row.doc.title, url: o.row.doc.url },
  };
}

/** The day number of a (non-leap) day of the year in `year`: from 1 March on, a leap year is one day later. */
const dayIn = (year: number, doy: number) =>
  Date.UTC(year, 0, 1) / 86_400_000 + doy + (doy >= 59 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 1 : 0);

interface Learnt {
  doy: number;
  years: number[];
  hits: Occ[];
}

/** The rituals of one key: greedy, best-supported usual day first, its occurrences then set aside. */
function learn(occs: Occ[], histYears: number[], tol: number, minYears: number): Learnt[] {
  const out: Learnt[] = [];
  let pool = occs;
  for (;;) {
    let best: Learnt | null = null;
    let bestCost = Infinity;
    const candidates = [...new Set(pool.filter((o) => histYears.some((h) => Math.abs(o.day - dayIn(h, o.doy)) <= tol)).map((o) => o.doy))].sort((x, y) => x - y);
    for (const doy of candidates) {
      const years: number[] = [];
      const hits: Occ[] = [];
      let cost = 0;
      for (const h of histYears) {
        const centre = dayIn(h, doy);
        let nearest: Occ | null = null;
        for (const o of pool) if (Math.abs(o.day - centre) <= tol && (!nearest || Math.abs(o.day - centre) < Math.abs(nearest.day - centre))) nearest = o;
        if (nearest) {
          years.push(h);
          hits.push(nearest);
          cost += Math.abs(nearest.day - centre);
        }
      }
      if (!best || years.length > best.years.length || (years.length === best.years.length && cost < bestCost)) {
        best = { doy, years, hits };
        bestCost = cost;
      }
    }
    if (!best || best.years.length < minYears) return out;
    out.push(best);
    const centre = best.doy;
    pool = pool.filter((o) => Math.abs(circularLag(centre, o.doy)) > tol);
  }
}

function commonest(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && v < best)) best = v;
  return best;
}

function nameChange(history: (string | null)[], now: string | null): NameChange | null {
  const before = [...new Set(history.filter((n): n is string => !!n))].sort();
  return now && before.length > 0 && !before.includes(now) ? { before, now } : null;
}

/**
 * The ritual calendar for a year, from signal rows (any rows: the actor filter is applied here; the
 * latest date of all rows is the default asOf).
 */
export function rituals(rows: Iterable<SignalRow>, opts: RitualOptions = {}): RitualReport {
  const tol = opts.tolerance ?? 7;
  const window = opts.window ?? 3;
  const minYears = opts.minYears ?? 2;
  const late = opts.late ?? 30;
  const occasions = new Set<OccasionType>(opts.occasions ?? RITUAL_OCCASIONS);
  const groups = new Map<string, { key: PairKind; occs: Occ[] }>();
  let latest = '';
  for (const row of rows) {
    const s = row.signal;
    const sender = s.sender.country;
    const recipient = s.recipient.country;
    const date = effectiveDate(s.date, row.doc.date);
    if (!date || (opts.asOf && date > opts.asOf)) continue;
    const published = row.doc.date ?? date;
    if (published > latest) latest = published;
    if (!sender || !recipient || sender === recipient) continue;
    if (opts.actor && sender !== opts.actor && recipient !== opts.actor) continue;
    const key: PairKind = { sender, recipient, kind: s.kind };
    const k = `${sender}>${recipient}|${ritualKind(s.kind)}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { key, occs: [] }));
    g.occs.push({ day: dayNumber(date), doy: dayOfYear(date), row, date });
  }
  const year = opts.year ?? (latest ? +latest.slice(0, 4) : new Date().getUTCFullYear());
  const asOf = opts.asOf ?? latest;
  const asOfDay = asOf ? dayNumber(asOf) : -Infinity;
  const histYears = Array.from({ length: window }, (_, i) => year - window + i);
  const yearStart = dayNumber(`${year}-01-01`);
  const yearEnd = dayNumber(`${year}-12-31`);

  const statuses: RitualStatus[] = [];
  const firstTime: FirstTimeSignal[] = [];
  for (const { key, occs } of groups.values()) {
    occs.sort((x, y) => x.day - y.day || x.row.id - y.row.id);
    key.kind = commonest(occs.map((o) => o.row.signal.kind)) as SignalKind;
    const learnt = learn(occs.filter((o) => o.day < yearStart && occasions.has(o.row.signal.occasion_type)), histYears, tol, minYears);
    // on time first (nearest to each expected day), then late receipts from what no ritual's on-time window holds
    const expectedDays = learnt.map((r) => dayIn(year, r.doy));
    const onTimeOf = new Set<Occ>(occs.filter((o) => expectedDays.some((e) => Math.abs(o.day - e) <= tol)));
    const claimed = new Set<Occ>();
    const got: (Occ | null)[] = expectedDays.map((e) => {
      const near = occs.filter((o) => Math.abs(o.day - e) <= tol && !claimed.has(o)).sort((x, y) => Math.abs(x.day - e) - Math.abs(y.day - e))[0] ?? null;
      if (near) claimed.add(near);
      return near;
    });
    const types = learnt.map((r) => commonest(r.hits.map((h) => h.row.signal.occasion_type)) as OccasionType);
    expectedDays.forEach((e, i) => {
      if (got[i]) return;
      // a late receipt must name the same occasion type: a month later, another occasion's signal is likelier
      got[i] = occs.find((o) => o.day > e + tol && o.day <= e + tol + late && o.row.signal.occasion_type === types[i] && !onTimeOf.has(o) && !claimed.has(o)) ?? null;
      if (got[i]) claimed.add(got[i]!);
    });
    learnt.forEach((r, i) => {
      const expected = expectedDays[i];
      const o = got[i];
      const lag = o ? o.day - expected : null;
      const status: RitualState = o ? (lag! <= tol ? 'on_time' : 'late') : asOfDay > expected + tol ? 'missing' : 'pending';
      statuses.push({
        ...key,
        occasionType: types[i],
        occasion: normaliseOccasion(commonest(r.hits.map((h) => normaliseOccasion(h.row.signal.occasion)))),
        usualDay: mmddOf(r.doy),
        yearsSeen: r.years,
        expected: `${year}-${mmddOf(r.doy)}`,
        status,
        lag,
        received: o ? cite(o) : null,
        lastSeen: cite(r.hits[r.hits.length - 1]),
        senderChange: o ? nameChange(r.hits.map((h) => h.row.signal.sender.name), o.row.signal.sender.name) : null,
        recipientChange: o ? nameChange(r.hits.map((h) => h.row.signal.recipient.name), o.row.signal.recipient.name) : null,
      });
    });
    const earlier = occs.filter((o) => o.day < yearStart);
    let open: FirstTimeSignal | null = null;
    let openDoy = 0;
    for (const o of occs) {
      if (o.day < yearStart || o.day > yearEnd || claimed.has(o) || onTimeOf.has(o)) continue;
      if (earlier.some((e) => Math.abs(circularLag(e.doy, o.doy)) <= tol)) continue;
      if (open && Math.abs(circularLag(openDoy, o.doy)) <= tol) {
        open.count++;
        continue;
      }
      open = { ...key, occasionType: o.row.signal.occasion_type, occasion: normaliseOccasion(o.row.signal.occasion), count: 1, first: cite(o) };
      openDoy = o.doy;
      firstTime.push(open);
    }
  }
  statuses.sort((x, y) => x.expected.localeCompare(y.expected) || keyOf(x).localeCompare(keyOf(y)));
  firstTime.sort((x, y) => x.first.date.localeCompare(y.first.date) || keyOf(x).localeCompare(keyOf(y)));
  const count = (s: RitualState) => statuses.filter((r) => r.status === s).length;
  return {
    year,
    asOf,
    actor: opts.actor ?? null,
    tolerance: tol,
    window,
    minYears,
    late,
    summary: { expected: statuses.length, onTime: count('on_time'), late: count('late'), missing: count('missing'), pending: count('pending'), firstTime: firstTime.length },
    rituals: statuses,
    firstTime,
  };
}

/**
 * The ritual calendar from a store. Streams every signal up to asOf (not only the actor's): the last
 * observed day, which decides missing against pending, is the latest signal of the whole store.
 */
export async function ritualsFromStore(store: Store, opts: RitualOptions = {}): Promise<RitualReport> {
  return rituals(await collect(store.signals({ to: opts.asOf })), opts);
}
