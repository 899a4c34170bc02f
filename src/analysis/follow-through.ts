/**
 * Follow-through: were verbal commitments between two countries followed by deeds in the same domain?
 *
 * A commitment is an asserted or future intent to cooperate (CAMEO 03) or agreement (PLOVER AGREE), or a
 * promised (future) SUPPORT or CONSULT, that is not itself a deed. A deed is an asserted event of PLOVER COOPERATE or AID, CAMEO 06 or
 * 07, an agreement signed (057) or a visit made or hosted (042, 043). Both sides count both ways (A→B or
 * B→A). An event's domains are its document's domains plus those its PLOVER contexts imply; a commitment
 * without any is 'general' and any deed fulfils it. Each commitment, in each of its domains, is linked to the
 * first deed strictly later and within the horizon that shares the domain.
 */
import type { CodedEvent, PloverEvent } from '../types.js';
import type { EventRow, Store } from '../store/store.js';
import { daysBetween, effectiveDate } from './dates.js';
import { collect, median, round } from './stats.js';

export interface FollowOptions {
  a: string;
  b: string;
  /** Days within which a deed counts as follow-through. Default 180. */
  horizon?: number;
  /** Inclusive bounds on the commitments' dates. */
  from?: string;
  to?: string;
  /** The last day observed; a commitment whose horizon reaches past it is still open. Default: the latest event date. */
  asOf?: string;
}

/** PLOVER contexts that name a cooperation domain of data/framing/domains.txt. */
const CONTEXT_DOMAIN: Record<string, string> = {
  military: 'security', peacekeeping: 'security', cbrn: 'security', intelligence: 'security',
  economic: 'economic',
  humanitarian: 'humanitarian', human_security: 'humanitarian', asylum: 'humanitarian',
  political_institutions: 'political', democracy: 'political', executive: 'political', legal: 'political',
};

export const GENERAL = 'general';

const DEED_EVENTS = new Set<PloverEvent>(['COOPERATE', 'AID']);
const DEED_CAMEO = new Set(['057', '042', '043']);
const PROMISE_EVENTS = new Set<PloverEvent>(['SUPPORT', 'CONSULT']);

/** A deed: material cooperation, aid, an agreement signed, a visit made or hosted. */
export function isDeed(e: CodedEvent): boolean {
  if (e.modality !== 'asserted') return false;
  const root = e.cameo.slice(0, 2);
  return DEED_EVENTS.has(e.plover.event) || root === '06' || root === '07' || DEED_CAMEO.has(e.cameo.slice(0, 3));
}

/**
 * A verbal commitment (not itself a deed): an intent to cooperate (CAMEO 03) or an agreement (AGREE), said or
 * promised; support or consultation (SUPPORT, CONSULT) only when promised (modality future) — praise
 * given or a meeting held is not a commitment to a later deed.
 */
export function isCommitment(e: CodedEvent): boolean {
  if ((e.modality !== 'asserted' && e.modality !== 'future') || isDeed({ ...e, modality: 'asserted' })) return false;
  return e.cameo.startsWith('03') || e.plover.event === 'AGREE' || (e.modality === 'future' && PROMISE_EVENTS.has(e.plover.event));
}

export interface FollowEvent {
  id: number;
  date: string;
  source: string;
  target: string;
  plover: PloverEvent;
  cameo: string;
  evidence: string;
  rule: string;
  domains: string[];
  doc: { id: number; title: string | null; url: string | null };
}

export type FollowState = 'fulfilled' | 'unfulfilled' | 'open';

export interface FollowLink {
  domain: string;
  commitment: FollowEvent;
  deed: FollowEvent | null;
  /** Days from commitment to deed. */
  lag: number | null;
  /** open: no deed yet but the horizon has not passed by asOf. */
  state: FollowState;
}

export interface DomainFollow {
  domain: string;
  commitments: number;
  fulfilled: number;
  unfulfilled: number;
  open: number;
  /** fulfilled / (fulfilled + unfulfilled), null when none is decided. */
  rate: number | null;
  lag: { min: number; median: number; max: number } | null;
}

export interface FollowReport {
  a: string;
  b: string;
  horizon: number;
  from: string | null;
  to: string | null;
  asOf: string;
  /** Per domain, sorted by name. */
  domains: DomainFollow[];
  /** One per commitment and domain, by commitment date. */
  links: FollowLink[];
  /** The links still unfulfilled (horizon passed, no deed). */
  unfulfilled: FollowLink[];
}

/** The domains of an event: its document's plus those its PLOVER contexts imply; 'general' when none. */
export function eventDomains(e: CodedEvent, docDomains: readonly string[]): string[] {
  const out = new Set(docDomains);
  for (const c of e.plover.context) if (CONTEXT_DOMAIN[c]) out.add(CONTEXT_DOMAIN[c]);
  return out.size ? [...out].sort() : [GENERAL];
}

function followEvent(row: EventRow, date: string, domains: string[]): FollowEvent {
  const e = row.event;
  return {
    id: row.id, date, source: e.source.country!, target: e.target!.country!, plover: e.plover.event, cameo: e.cameo,
    evidence: row.evidence, rule: e.rule, domains, doc: { id: row.doc.id, title: row.doc.title, url: row.doc.url },
  };
}

/**
 * Follow-through over event rows between A and B (others are ignored). `docDomains` gives each document's
 * cooperation domains (DocumentSummary.domains); documents missing from it have none.
 */
export function followThrough(rows: Iterable<EventRow>, docDomains: ReadonlyMap<number, readonly string[]>, opts: FollowOptions): FollowReport {
  const { a, b } = opts;
  const horizon = opts.horizon ?? 180;
  const commitments: FollowEvent[] = [];
  const deeds: FollowEvent[] = [];
  let latest = '';
  for (const row of rows) {
    const e = row.event;
    const s = e.source.country;
    const t = e.target?.country;
    if (!((s === a && t === b) || (s === b && t === a))) continue;
    const date = effectiveDate(e.date, row.doc.date);
    if (!date || (opts.asOf && date > opts.asOf)) continue;
    if (date > latest) latest = date;
    const domains = () => eventDomains(e, docDomains.get(row.doc.id) ?? []);
    if (isDeed(e)) deeds.push(followEvent(row, date, domains()));
    else if (isCommitment(e) && !(opts.from && date < opts.from) && !(opts.to && date > opts.to)) commitments.push(followEvent(row, date, domains()));
  }
  const asOf = opts.asOf ?? latest;
  const byDate = (x: FollowEvent, y: FollowEvent) => x.date.localeCompare(y.date) || x.id - y.id;
  commitments.sort(byDate);
  deeds.sort(byDate);
  const links: FollowLink[] = [];
  for (const c of commitments) {
    for (const domain of c.domains) {
      const deed = deeds.find((d) => d.date > c.date && daysBetween(c.date, d.date) <= horizon && (domain === GENERAL || d.domains.includes(domain))) ?? null;
      const lag = deed ? daysBetween(c.date, deed.date) : null;
      const state: FollowState = deed ? 'fulfilled' : daysBetween(c.date, asOf) > horizon ? 'unfulfilled' : 'open';
      links.push({ domain, commitment: c, deed, lag, state });
    }
  }
  const names = [...new Set(links.map((l) => l.domain))].sort();
  const domains = names.map((domain): DomainFollow => {
    const ls = links.filter((l) => l.domain === domain);
    const lags = ls.filter((l) => l.lag !== null).map((l) => l.lag!);
    const n = (s: FollowState) => ls.filter((l) => l.state === s).length;
    const decided = n('fulfilled') + n('unfulfilled');
    return {
      domain,
      commitments: ls.length,
      fulfilled: n('fulfilled'),
      unfulfilled: n('unfulfilled'),
      open: n('open'),
      rate: decided ? round(n('fulfilled') / decided) : null,
      lag: lags.length ? { min: Math.min(...lags), median: median(lags)!, max: Math.max(...lags) } : null,
    };
  });
  return { a, b, horizon, from: opts.from ?? null, to: opts.to ?? null, asOf, domains, links, unfulfilled: links.filter((l) => l.state === 'unfulfilled') };
}

/**
 * Follow-through from a store: streams the dyad's events, then the domains of their documents (streamed
 * over the events' date range; a DocRef carrying `domains` would save this second pass).
 */
export async function followThroughFromStore(store: Store, opts: FollowOptions): Promise<FollowReport> {
  const rows = await collect(store.events({ dyad: { a: opts.a, b: opts.b }, from: opts.from, to: opts.asOf }));
  const wanted = new Set(rows.map((r) => r.doc.id));
  const dates = rows.map((r) => r.doc.date).filter((d): d is string => !!d).sort();
  const domains = new Map<number, string[]>();
  if (dates.length) {
    for await (const d of store.documents({ from: dates[0], to: dates[dates.length - 1] })) if (wanted.has(d.id)) domains.set(d.id, d.domains);
  }
  return followThrough(rows, domains, opts);
}
