/**
 * The rows a save writes for a document's coding (events, signals, markers), built once for both stores:
 * SQLite inserts them with named parameters, PostgreSQL hands them to attache_save as JSON.
 */
import type { CodedDocument } from '../types.js';
import type { Row } from './records.js';
import type { DocumentSaveInput } from './store.js';

/** A column of a coding table: name and type (integer, real or text). */
export type Column = readonly [name: string, type: 'integer' | 'real' | 'text'];

const PARTY = ['name', 'role', 'country', 'org', 'sector', 'text'] as const;

/** The columns a save writes into each coding table (besides document_id and version), in table order. */
export const CODING_COLUMNS: Record<'events' | 'signals' | 'markers', readonly Column[]> = {
  events: [
    ['sentence', 'integer'], ['span_start', 'integer'], ['span_end', 'integer'], ['evidence', 'text'],
    ['src_text', 'text'], ['src_name', 'text'], ['src_country', 'text'], ['src_sector', 'text'], ['src_code', 'text'],
    ['has_target', 'integer'], ['tgt_text', 'text'], ['tgt_name', 'text'], ['tgt_country', 'text'], ['tgt_sector', 'text'],
    ['tgt_code', 'text'], ['plover', 'text'], ['plover_mode', 'text'], ['plover_context', 'text'], ['cameo', 'text'],
    ['goldstein', 'real'], ['quad_class', 'integer'], ['modality', 'text'], ['date', 'text'], ['day', 'text'],
    ['attr_agency', 'text'], ['attr_country', 'text'], ['rule', 'text'],
  ],
  signals: [
    ['kind', 'text'], ['channel', 'text'],
    ...PARTY.map((f): Column => [`sender_${f}`, 'text']),
    ...PARTY.map((f): Column => [`recipient_${f}`, 'text']),
    ['on_behalf_of', 'text'], ['occasion', 'text'], ['occasion_type', 'text'], ['date', 'text'], ['day', 'text'],
    ['span_start', 'integer'], ['span_end', 'integer'], ['evidence', 'text'], ['rule', 'text'],
  ],
  markers: [['marker', 'text'], ['count', 'integer'], ['spans', 'text']],
};

/**
 * The rows of a document's coding, keyed by column name. Evidence is the slice of the text at the span;
 * `day` is the row's date, else the publication date, else '' (what --from / --to filter on).
 */
export function codingRows(input: DocumentSaveInput, coded: CodedDocument): { events: Row[]; signals: Row[]; markers: Row[] } {
  const text = input.text;
  const pubDate = input.date ?? coded.date ?? '';
  const events = coded.events.map((e) => {
    const t = e.target;
    return {
      sentence: e.sentence, span_start: e.span[0], span_end: e.span[1], evidence: text.slice(e.span[0], e.span[1]),
      src_text: e.source.text, src_name: e.source.name, src_country: e.source.country, src_sector: e.source.sector,
      src_code: e.source.code, has_target: t ? 1 : 0, tgt_text: t?.text ?? null, tgt_name: t?.name ?? null,
      tgt_country: t?.country ?? null, tgt_sector: t?.sector ?? null, tgt_code: t?.code ?? null,
      plover: e.plover.event, plover_mode: e.plover.mode, plover_context: JSON.stringify(e.plover.context), cameo: e.cameo,
      goldstein: e.goldstein, quad_class: e.quad_class, modality: e.modality, date: e.date, day: e.date ?? pubDate,
      attr_agency: e.attribution?.agency ?? null, attr_country: e.attribution?.country ?? null, rule: e.rule,
    };
  });
  const signals = coded.signals.map((s) => {
    const parties: Row = {};
    for (const [p, x] of [['sender', s.sender], ['recipient', s.recipient]] as const)
      for (const f of PARTY) parties[`${p}_${f}`] = x[f] ?? null;
    return {
      kind: s.kind, channel: s.channel, ...parties, on_behalf_of: s.on_behalf_of, occasion: s.occasion,
      occasion_type: s.occasion_type, date: s.date, day: s.date ?? pubDate, span_start: s.span[0], span_end: s.span[1],
      evidence: text.slice(s.span[0], s.span[1]), rule: s.rule,
    };
  });
  const markers = coded.markers.map((m) => ({ marker: m.marker, count: m.count, spans: JSON.stringify(m.spans) }));
  return { events, signals, markers };
}
