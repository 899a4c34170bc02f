import type { CodedDocument, CodedEvent } from '../types.js';
import type { EvalError } from './report.js';

/** Events that count for scoring: negated events did not happen and are left out. */
export function scoredEvents(doc: CodedDocument | undefined): CodedEvent[] {
  return (doc?.events ?? []).filter((e) => e.modality !== 'negated');
}

/** The coded document for each gold id (the coder keeps ids). */
export function byId(coded: CodedDocument[]): Map<string, CodedDocument> {
  return new Map(coded.map((d) => [d.id, d]));
}

/** First three letters of an actor code, '---' for none. */
export function code3(code: string | null | undefined): string {
  return code ? code.slice(0, 3).toUpperCase() : '---';
}

/** Confusion matrix over labels in the given order (rows gold, columns predicted). */
export function confusion(pairs: [string, string][], order: string[]): { labels: string[]; matrix: number[][] } {
  const labels = order.filter((l) => pairs.some(([g, p]) => g === l || p === l));
  const at = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  for (const [g, p] of pairs) matrix[at.get(g)!][at.get(p)!]++;
  return { labels, matrix };
}

/** Precision, recall and F1 from counts (0 where undefined). */
export function prf(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** A readable one-line summary of events: "PRK→RUS SUPPORT 051; …" or "(no event)". */
export function describeEvents(events: CodedEvent[]): string {
  if (events.length === 0) return '(no event)';
  return events.map((e) => `${code3(e.source.code)}→${code3(e.target?.code)} ${e.plover.event} ${e.cameo}${e.modality === 'asserted' ? '' : ` (${e.modality})`}`).join('; ');
}

/** The worst errors first (highest severity), at most 20. */
export function worst(errors: (EvalError & { severity: number })[]): EvalError[] {
  return errors
    .sort((a, b) => b.severity - a.severity)
    .slice(0, 20)
    .map(({ severity: _s, ...e }) => e);
}
