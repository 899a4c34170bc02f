/**
 * Dyad timeline: what two countries did to each other, period by period and in each direction — counts by
 * quad class and PLOVER type, Goldstein sum and mean, mean tone, the asymmetry between the directions, and
 * the strongest events with their evidence and the rule that coded them.
 */
import type { Modality, PloverEvent } from '../types.js';
import type { EventRow, Store } from '../store/store.js';
import { effectiveDate, periodOf, type PeriodUnit } from './dates.js';
import { asymmetry, collect, round } from './stats.js';

export interface DyadOptions {
  /** Country codes (ISO alpha-3) of the two sides; A→B is the first direction. */
  a: string;
  b: string;
  /** Period unit. Default 'year'. */
  by?: PeriodUnit;
  /** Inclusive ISO date bounds on the event's date (its own date, else its document's). */
  from?: string;
  to?: string;
  /** How many top events to list. Default 10. */
  top?: number;
  /** Modalities counted. Default asserted and future (negated, hypothetical and historical events are not deeds of the period). */
  modalities?: Modality[];
}

export type QuadCounts = Record<'1' | '2' | '3' | '4', number>;

/** One direction of a dyad in one period. */
export interface DyadDirection {
  source: string;
  target: string;
  events: number;
  quadClass: QuadCounts;
  /** Events per PLOVER type, keys sorted. */
  plover: Partial<Record<PloverEvent, number>>;
  goldsteinSum: number;
  goldsteinMean: number | null;
  /** Mean tone of the events' documents (one value per event), null when no event. */
  toneMean: number | null;
}

export interface DyadAsymmetry {
  /** (A→B − B→A) / (A→B + B→A) of event counts: +1 all from A, −1 all from B; null when no event. */
  events: number | null;
  /** The same over Goldstein sums, (ab − ba) / (|ab| + |ba|); null when both are 0. */
  goldstein: number | null;
}

export interface DyadPeriod {
  period: string;
  ab: DyadDirection;
  ba: DyadDirection;
  asymmetry: DyadAsymmetry;
}

export interface DyadEvent {
  /** Store event id. */
  id: number;
  date: string;
  source: string;
  target: string;
  plover: PloverEvent;
  mode: string | null;
  cameo: string;
  goldstein: number;
  quadClass: 1 | 2 | 3 | 4;
  modality: Modality;
  evidence: string;
  rule: string;
  doc: { id: number; date: string | null; source: string | null; title: string | null; url: string | null };
}

export interface DyadReport {
  a: string;
  b: string;
  by: PeriodUnit;
  from: string | null;
  to: string | null;
  modalities: Modality[];
  /** Periods with at least one event, oldest first. */
  periods: DyadPeriod[];
  total: { ab: DyadDirection; ba: DyadDirection; asymmetry: DyadAsymmetry };
  /** Strongest events first: by |Goldstein|, then newest first, then id. */
  top: DyadEvent[];
}

export const DEFAULT_MODALITIES: Modality[] = ['asserted', 'future'];

interface Acc {
  events: number;
  quad: QuadCounts;
  plover: Map<PloverEvent, number>;
  gold: number;
  tone: number;
}

const newAcc = (): Acc => ({ events: 0, quad: { 1: 0, 2: 0, 3: 0, 4: 0 }, plover: new Map(), gold: 0, tone: 0 });

function add(acc: Acc, row: EventRow): void {
  const e = row.event;
  acc.events++;
  acc.quad[String(e.quad_class) as keyof QuadCounts]++;
  acc.plover.set(e.plover.event, (acc.plover.get(e.plover.event) ?? 0) + 1);
  acc.gold += e.goldstein;
  acc.tone += row.doc.tone;
}

function direction(acc: Acc, source: string, target: string): DyadDirection {
  const plover: Partial<Record<PloverEvent, number>> = {};
  for (const k of [...acc.plover.keys()].sort()) plover[k] = acc.plover.get(k);
  return {
    source,
    target,
    events: acc.events,
    quadClass: { ...acc.quad },
    plover,
    goldsteinSum: round(acc.gold, 2),
    goldsteinMean: acc.events ? round(acc.gold / acc.events) : null,
    toneMean: acc.events ? round(acc.tone / acc.events) : null,
  };
}

function pair(ab: Acc, ba: Acc, a: string, b: string) {
  return {
    ab: direction(ab, a, b),
    ba: direction(ba, b, a),
    asymmetry: { events: asymmetry(ab.events, ba.events), goldstein: asymmetry(round(ab.gold, 2), round(ba.gold, 2)) },
  };
}

/** The dyad report over event rows (any rows: those not between A and B are ignored). */
export function dyad(rows: Iterable<EventRow>, opts: DyadOptions): DyadReport {
  const { a, b } = opts;
  const by = opts.by ?? 'year';
  const modalities = opts.modalities ?? DEFAULT_MODALITIES;
  const periods = new Map<string, [Acc, Acc]>();
  const total: [Acc, Acc] = [newAcc(), newAcc()];
  const kept: { row: EventRow; date: string }[] = [];
  for (const row of rows) {
    const e = row.event;
    const s = e.source.country;
    const t = e.target?.country;
    if (!((s === a && t === b) || (s === b && t === a)) || !modalities.includes(e.modality)) continue;
    const dir = s === a ? 0 : 1;
    const date = effectiveDate(e.date, row.doc.date);
    if (!date || (opts.from && date < opts.from) || (opts.to && date > opts.to)) continue;
    const p = periodOf(date, by);
    let accs = periods.get(p);
    if (!accs) periods.set(p, (accs = [newAcc(), newAcc()]));
    add(accs[dir], row);
    add(total[dir], row);
    kept.push({ row, date });
  }
  const top = kept
    .sort(
      (x, y) =>
        Math.abs(y.row.event.goldstein) - Math.abs(x.row.event.goldstein) ||
        (x.date < y.date ? 1 : x.date > y.date ? -1 : 0) ||
        x.row.id - y.row.id,
    )
    .slice(0, opts.top ?? 10)
    .map(({ row, date }) => dyadEvent(row, date));
  return {
    a,
    b,
    by,
    from: opts.from ?? null,
    to: opts.to ?? null,
    modalities,
    periods: [...periods.keys()].sort().map((period) => ({ period, ...pair(...periods.get(period)!, a, b) })),
    total: pair(...total, a, b),
    top,
  };
}

function dyadEvent(row: EventRow, date: string): DyadEvent {
  const e = row.event;
  return {
    id: row.id,
    date,
    source: e.source.country!,
    target: e.target!.country!,
    plover: e.plover.event,
    mode: e.plover.mode,
    cameo: e.cameo,
    goldstein: e.goldstein,
    quadClass: e.quad_class,
    modality: e.modality,
    evidence: row.evidence,
    rule: e.rule,
    doc: { id: row.doc.id, date: row.doc.date, source: row.doc.source, title: row.doc.title, url: row.doc.url },
  };
}

/** The dyad report from a store: streams the events between A and B (both directions). */
export async function dyadFromStore(store: Store, opts: DyadOptions): Promise<DyadReport> {
  const rows = await collect(store.events({ dyad: { a: opts.a, b: opts.b }, from: opts.from, to: opts.to }));
  return dyad(rows, opts);
}
