/**
 * Framing shifts: how the documents carrying signals between two countries are framed, year by year —
 * the marker profile (documents, count, count per document) — and what changed between consecutive years:
 * markers gained and lost, markers used more or less, and phrases new this year.
 *
 * A phrase is a word n-gram (2–4 words) inside one sentence whose first and last words are nouns, proper
 * nouns or adjectives and whose inner words are those or prepositions (wink-nlp POS), with no digits and
 * without cutting a name ("respect for sovereignty", "new era", not "jong il on mansu" nor "statues of president"
 * before "Kim Il Sung"). New means never seen in an earlier year of the same selection.
 * A new phrase inside a longer new phrase found in as many documents is left out.
 */
import type { MarkerHit, Token } from '../types.js';
import type { SignalRow, Store } from '../store/store.js';
import { analyse } from '../text/analyse.js';
import { round } from './stats.js';

export interface FramingDoc {
  id: number;
  /** Publication date, ISO; documents without one are left out. */
  date: string | null;
  text: string;
  markers: MarkerHit[];
}

export interface FramingOptions {
  a: string;
  b: string;
  /** Only signals whose occasion type equals this, or whose occasion contains it (case-insensitive). */
  occasion?: string;
  /** New phrases listed per year. Default 15. */
  top?: number;
}

export interface MarkerProfile {
  marker: string;
  /** Documents of the year that use the marker. */
  documents: number;
  count: number;
  /** count / all documents of the year. */
  perDocument: number;
}

export interface YearProfile {
  year: string;
  documents: number;
  /** By count, most first, then name. */
  markers: MarkerProfile[];
}

export interface MarkerChange {
  marker: string;
  before: number;
  after: number;
  /** after − before, per document. */
  delta: number;
}

export interface NewPhrase {
  phrase: string;
  documents: number;
  count: number;
}

export interface FramingShift {
  from: string;
  to: string;
  /** Markers used this year and not the year before (this year's counts). */
  gained: MarkerProfile[];
  /** Markers used the year before and not this year (last year's counts). */
  lost: MarkerProfile[];
  /** Markers of both years whose count per document changed, biggest change first. */
  changed: MarkerChange[];
  /** Phrases of this year never seen in an earlier year: most documents, then count, then longest first. */
  newPhrases: NewPhrase[];
}

export interface FramingReport {
  a: string;
  b: string;
  occasion: string | null;
  years: YearProfile[];
  shifts: FramingShift[];
}

/** The documents (ids) of the signals between A and B, in either direction, matching the occasion filter. */
export function signalDocuments(rows: Iterable<SignalRow>, opts: FramingOptions): number[] {
  const occ = opts.occasion?.toLowerCase();
  const ids = new Set<number>();
  for (const r of rows) {
    const s = r.signal;
    const sc = s.sender.country;
    const rc = s.recipient.country;
    if (!((sc === opts.a && rc === opts.b) || (sc === opts.b && rc === opts.a))) continue;
    if (occ && s.occasion_type !== occ && !(s.occasion ?? '').toLowerCase().includes(occ)) continue;
    ids.add(r.doc.id);
  }
  return [...ids].sort((x, y) => x - y);
}

const EDGE_POS = new Set(['NOUN', 'PROPN', 'ADJ']);
const INNER_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'ADP']);
const DIGIT = /\d/;

/** A phrase never starts inside a name ("jong il on mansu"). */
const startsInName = (tok: Token, before: Token | undefined) => tok.pos === 'PROPN' && before?.pos === 'PROPN';
/** Nor ends where a name goes on, or a title runs into one ("statues of president" before "Kim Il Sung"). */
const endsBeforeName = (tok: Token, after: Token | undefined) => (tok.pos === 'PROPN' || tok.pos === 'NOUN') && after?.pos === 'PROPN';

/** The phrases of a text with their counts. */
export function phrases(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of analyse(text).sentences) {
    const t = s.tokens;
    for (let i = 0; i < t.length; i++) {
      if (!EDGE_POS.has(t[i].pos) || DIGIT.test(t[i].text) || startsInName(t[i], t[i - 1])) continue;
      for (let n = 2; n <= 4 && i + n <= t.length; n++) {
        const last = t[i + n - 1];
        if (!INNER_POS.has(last.pos) || DIGIT.test(last.text)) break;
        if (!EDGE_POS.has(last.pos) || endsBeforeName(last, t[i + n])) continue;
        const p = t.slice(i, i + n).map((x) => x.lower).join(' ');
        out.set(p, (out.get(p) ?? 0) + 1);
      }
    }
  }
  return out;
}

function profile(year: string, docs: FramingDoc[]): YearProfile {
  const acc = new Map<string, { documents: number; count: number }>();
  for (const d of docs)
    for (const m of d.markers) {
      const a = acc.get(m.marker) ?? { documents: 0, count: 0 };
      a.documents++;
      a.count += m.count;
      acc.set(m.marker, a);
    }
  const markers = [...acc].map(([marker, a]) => ({ marker, ...a, perDocument: round(a.count / docs.length) }));
  markers.sort((x, y) => y.count - x.count || x.marker.localeCompare(y.marker));
  return { year, documents: docs.length, markers };
}

function newPhrases(docs: FramingDoc[], seen: Set<string>, perDoc: Map<number, Map<string, number>>, top: number): NewPhrase[] {
  const acc = new Map<string, NewPhrase>();
  for (const d of docs)
    for (const [phrase, n] of perDoc.get(d.id)!) {
      if (seen.has(phrase)) continue;
      const p = acc.get(phrase) ?? { phrase, documents: 0, count: 0 };
      p.documents++;
      p.count += n;
      acc.set(phrase, p);
    }
  const all = [...acc.values()];
  const longer = (p: NewPhrase) => all.some((q) => q.documents === p.documents && q.phrase.length > p.phrase.length && ` ${q.phrase} `.includes(` ${p.phrase} `));
  return all
    .filter((p) => !longer(p))
    .sort((x, y) => y.documents - x.documents || y.count - x.count || y.phrase.split(' ').length - x.phrase.split(' ').length || x.phrase.localeCompare(y.phrase))
    .slice(0, top);
}

/** Year profiles and shifts over the selected documents. */
export function framingShift(docs: FramingDoc[], opts: FramingOptions): FramingReport {
  const byYear = new Map<string, FramingDoc[]>();
  for (const d of docs) {
    if (!d.date) continue;
    const y = d.date.slice(0, 4);
    const list = byYear.get(y);
    if (list) list.push(d);
    else byYear.set(y, [d]);
  }
  const years = [...byYear.keys()].sort();
  const profiles = years.map((y) => profile(y, byYear.get(y)!));
  const perDoc = new Map(docs.map((d) => [d.id, phrases(d.text)]));
  const seen = new Set<string>();
  const shifts: FramingShift[] = [];
  years.forEach((y, i) => {
    if (i > 0) {
      const prev = new Map(profiles[i - 1].markers.map((m) => [m.marker, m]));
      const cur = new Map(profiles[i].markers.map((m) => [m.marker, m]));
      const changed = [...cur.values()]
        .filter((m) => prev.has(m.marker) && prev.get(m.marker)!.perDocument !== m.perDocument)
        .map((m) => ({ marker: m.marker, before: prev.get(m.marker)!.perDocument, after: m.perDocument, delta: round(m.perDocument - prev.get(m.marker)!.perDocument) }))
        .sort((x, z) => Math.abs(z.delta) - Math.abs(x.delta) || x.marker.localeCompare(z.marker));
      shifts.push({
        from: years[i - 1],
        to: y,
        gained: [...cur.values()].filter((m) => !prev.has(m.marker)),
        lost: [...prev.values()].filter((m) => !cur.has(m.marker)),
        changed,
        newPhrases: newPhrases(byYear.get(y)!, seen, perDoc, opts.top ?? 15),
      });
    }
    for (const d of byYear.get(y)!) for (const p of perDoc.get(d.id)!.keys()) seen.add(p);
  });
  return { a: opts.a, b: opts.b, occasion: opts.occasion ?? null, years: profiles, shifts };
}

/** Framing shifts from a store: the dyad's signals (both directions), then each of their documents. */
export async function framingShiftFromStore(store: Store, opts: FramingOptions): Promise<FramingReport> {
  const rows: SignalRow[] = [];
  for (const [a, b] of [[opts.a, opts.b], [opts.b, opts.a]]) for await (const r of store.signals({ senderCountry: a, recipientCountry: b })) rows.push(r);
  const docs: FramingDoc[] = [];
  for (const id of signalDocuments(rows, opts)) {
    const d = await store.getDocument(id);
    if (d) docs.push({ id, date: d.date, text: d.text, markers: d.coded.markers });
  }
  return framingShift(docs, opts);
}
