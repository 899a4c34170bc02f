/** The end-of-run summary of `attache ingest` and `attache watch --once`. */
import type { IngestSummary } from './ingest.js';

export function formatSummary(s: IngestSummary, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (s.done / elapsedMs) * 1000 : 0;
  const lines = [
    `${s.done} items in ${(elapsedMs / 1000).toFixed(1)} s (${rate.toFixed(0)} items/s)`,
    `  new        ${s.new}`,
    `  updated    ${s.updated}`,
    `  duplicate  ${s.duplicate}`,
    `  failed     ${s.failed}`,
  ];
  if (s.failures.length) {
    lines.push('failures:');
    for (const f of s.failures) lines.push(`  ${f.origin}: ${f.reason}`);
  }
  return lines.join('\n') + '\n';
}
