import type { ActorRef, CodedDocument, CodedEvent, Signal, SignalParty } from '../types.js';
import { csvRow } from './csv.js';

/**
 * Flat views of coded documents: one row per event or signal, with its evidence excerpt.
 * Used by `attache code --format csv|table`.
 */
export const CODED_COLUMNS = [
  'id', 'record', 'sentence', 'start', 'end', 'source', 'source_code', 'target', 'target_code', 'plover',
  'cameo', 'goldstein', 'quad_class', 'modality', 'kind', 'channel', 'occasion', 'occasion_type', 'date',
  'rule', 'evidence',
] as const;

type Row = Record<(typeof CODED_COLUMNS)[number], string | number | null>;

const actorName = (a: ActorRef | null) => (a ? (a.name ?? a.text) : null);
const partyName = (p: SignalParty) => p.name ?? p.org ?? p.text ?? p.country;
const partyCode = (p: SignalParty) => (p.country ? p.country + (p.sector ?? '') : null);

export function codedRows(doc: CodedDocument, text: string): Row[] {
  const evidence = (span: [number, number]) => text.slice(span[0], span[1]).replace(/\s+/g, ' ').trim();
  const events = doc.events.map((e: CodedEvent): Row => ({
    id: doc.id, record: 'event', sentence: e.sentence, start: e.span[0], end: e.span[1],
    source: actorName(e.source), source_code: e.source.code, target: actorName(e.target), target_code: e.target?.code ?? null,
    plover: e.plover.event + (e.plover.mode ? `/${e.plover.mode}` : ''), cameo: e.cameo, goldstein: e.goldstein,
    quad_class: e.quad_class, modality: e.modality, kind: null, channel: null, occasion: null, occasion_type: null,
    date: e.date, rule: e.rule, evidence: evidence(e.span),
  }));
  const signals = doc.signals.map((s: Signal): Row => ({
    id: doc.id, record: 'signal', sentence: null, start: s.span[0], end: s.span[1],
    source: partyName(s.sender), source_code: partyCode(s.sender), target: partyName(s.recipient), target_code: partyCode(s.recipient),
    plover: null, cameo: null, goldstein: null, quad_class: null, modality: null, kind: s.kind, channel: s.channel,
    occasion: s.occasion, occasion_type: s.occasion_type, date: s.date, rule: s.rule, evidence: evidence(s.span),
  }));
  return [...events, ...signals];
}

export const csvHeader = () => csvRow(CODED_COLUMNS);

export function codedCsv(doc: CodedDocument, text: string): string {
  return codedRows(doc, text).map((r) => csvRow(CODED_COLUMNS.map((c) => r[c]))).join('');
}

/** A readable terminal view: one block per event or signal, evidence excerpt and rule under it. */
export function codedTable(doc: CodedDocument, text: string, width = 100): string {
  const rows = codedRows(doc, text);
  const head = `${doc.id}  ${doc.date ?? 'date unknown'}  ${doc.source ?? ''}  ${doc.events.length} events, ${doc.signals.length} signals, tone ${doc.tone}`;
  const lines = [head, '='.repeat(Math.min(width, head.length))];
  for (const r of rows) {
    const what =
      r.record === 'event'
        ? `${r.plover} ${r.cameo} (G ${r.goldstein}, Q${r.quad_class}, ${r.modality})`
        : `${r.kind} by ${r.channel ?? '?'}${r.occasion ? `, ${r.occasion} (${r.occasion_type})` : ''}`;
    lines.push(`${String(r.record).padEnd(6)}  ${r.source ?? '?'} [${r.source_code ?? '-'}] → ${r.target ?? '-'} [${r.target_code ?? '-'}]  ${what}  ${r.date ?? ''}`);
    lines.push(`        “${excerpt(String(r.evidence), width - 10)}”`);
    lines.push(`        rule: ${r.rule}`);
  }
  const markers = doc.markers.map((m) => `${m.marker}×${m.count}`).join(', ');
  lines.push(`markers: ${markers || '-'}`, `domains: ${doc.domains.join(', ') || '-'}`, '');
  return lines.join('\n');
}

function excerpt(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
