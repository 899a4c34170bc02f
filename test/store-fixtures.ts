/**
 * Small documents and codings in the real contract shapes, for the store suite. Spans point into the
 * text they are built with, so evidence can be checked.
 */
import type { ActorRef, CodedDocument, CodedEvent, PloverEvent, Signal } from '../src/types.js';
import { contentHash, simhash } from '../src/store/fingerprint.js';
import type { DocumentSaveInput } from '../src/store/store.js';

export const COUNTRIES: Record<string, { name: string; code: string }> = {
  PRK: { name: 'DPRK', code: 'PRKGOV' },
  CHN: { name: 'China', code: 'CHNGOV' },
  RUS: { name: 'Russia', code: 'RUSGOV' },
  KOR: { name: 'South Korea', code: 'KORGOV' },
  USA: { name: 'United States', code: 'USAGOV' },
};

export function actor(country: string, text = COUNTRIES[country].name): ActorRef {
  return { text, name: COUNTRIES[country].name, country, sector: 'GOV', code: COUNTRIES[country].code };
}

export interface EventSpec {
  sentence: string;
  src: string;
  tgt: string | null;
  plover: PloverEvent;
  cameo: string;
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
  date?: string | null;
}

export interface DocSpec {
  key: string;
  url?: string | null;
  source?: string;
  date?: string | null;
  title?: string;
  events?: EventSpec[];
  extra?: string;
  signal?: { sender: string; recipient: string; kind: Signal['kind']; occasion_type: Signal['occasion_type'] };
  markers?: string[];
  feedUrl?: string;
}

/** A document whose text is its events' sentences (plus `extra`), coded with exactly those events. */
export function makeDoc(spec: DocSpec): { input: DocumentSaveInput; coded: CodedDocument } {
  const parts: string[] = [];
  let offset = 0;
  const events: CodedEvent[] = [];
  const sentences = [...(spec.events ?? []).map((e) => e.sentence), ...(spec.extra ? [spec.extra] : [])];
  sentences.forEach((s, i) => {
    const e = spec.events?.[i];
    if (e) {
      const srcAt = s.indexOf(COUNTRIES[e.src].name);
      events.push({
        sentence: i,
        span: [offset, offset + s.length],
        source: actor(e.src, srcAt >= 0 ? COUNTRIES[e.src].name : 'it'),
        target: e.tgt ? actor(e.tgt) : null,
        plover: { event: e.plover, mode: null, context: ['diplomatic'] },
        cameo: e.cameo,
        goldstein: e.goldstein,
        quad_class: e.quad,
        modality: 'asserted',
        date: e.date === undefined ? (spec.date ?? null) : e.date,
        attribution: { agency: 'KCNA', country: 'PRK' },
        rule: `trigger '${e.plover.toLowerCase()}' (data/triggers/test.txt:${i + 1})`,
      });
    }
    parts.push(s);
    offset += s.length + 1;
  });
  const text = parts.join(' ');
  const signals: Signal[] = spec.signal
    ? [
        {
          kind: spec.signal.kind,
          channel: 'message',
          sender: { name: COUNTRIES[spec.signal.sender].name, role: 'leader', country: spec.signal.sender, org: null, sector: 'GOV' },
          recipient: { name: COUNTRIES[spec.signal.recipient].name, role: null, country: spec.signal.recipient, org: null },
          on_behalf_of: null,
          occasion: 'the national day',
          occasion_type: spec.signal.occasion_type,
          date: spec.date ?? null,
          span: [0, Math.min(40, text.length)],
          rule: 'signal (data/signals/test.txt:3)',
        },
      ]
    : [];
  const markers = (spec.markers ?? []).map((m) => {
    const at = text.toLowerCase().indexOf(m);
    return { marker: m, count: 1, spans: [[at, at + m.length]] as [number, number][] };
  });
  const coded: CodedDocument = {
    id: spec.key,
    date: spec.date ?? null,
    source: spec.source ?? 'KCNA',
    language: 'en',
    title: spec.title ?? null,
    url: spec.url ?? null,
    events,
    signals,
    markers,
    domains: ['security'],
    tone: 1.5,
  };
  const input: DocumentSaveInput = {
    url: spec.url === undefined ? `https://example.org/news/${spec.key}` : spec.url,
    source: spec.source ?? 'KCNA',
    title: spec.title ?? null,
    date: spec.date ?? null,
    language: 'en',
    text,
    raw: `<html><body><p>${text}</p></body></html>`,
    rawType: 'text/html',
    contentHash: contentHash(text),
    simhash: simhash(text),
    feedUrl: spec.feedUrl ?? null,
  };
  return { input, coded };
}

/** Collect an async iterable. */
export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
