/**
 * The `attache sources` table: one row per source (a feed, or an outlet ingested from files: store.ts
 * SourceInput), as table, JSON or CSV.
 */
import type { SourceHealth } from '../store/store.js';

export interface HealthRow {
  name: string;
  url: string;
  kind: string;
  interval_s: number | null;
  last_success: string | null;
  last_poll: string | null;
  items_per_day: number;
  consecutive_failures: number;
  last_error: string | null;
  silent_since: string | null;
  documents: number;
}

export function healthRows(h: SourceHealth[]): HealthRow[] {
  return h.map((s) => ({
    name: s.source.name,
    url: s.source.url,
    kind: s.source.kind,
    interval_s: s.source.intervalSeconds,
    last_success: s.lastSuccessAt,
    last_poll: s.lastPollAt,
    items_per_day: Math.round(s.itemsPerDay * 100) / 100,
    consecutive_failures: s.consecutiveFailures,
    last_error: s.lastError,
    silent_since: s.silentSince,
    documents: s.documents,
  }));
}

const COLUMNS: (keyof HealthRow)[] = [
  'name', 'url', 'kind', 'interval_s', 'last_success', 'last_poll', 'items_per_day', 'consecutive_failures', 'last_error', 'silent_since', 'documents',
];

const csvCell = (v: unknown) => {
  const s = v == null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** A time without seconds' fractions, or "never". */
const when = (iso: string | null) => (iso ? iso.replace(/:\d\d(\.\d+)?Z$/, 'Z').replace('T', ' ') : 'never');

function status(r: HealthRow): string {
  if (r.consecutive_failures) return `failing: ${r.last_error ?? ''}`;
  if (r.silent_since) return `silent since ${when(r.silent_since)}`;
  return r.kind === 'feed' && !r.last_poll ? 'not watched' : 'ok';
}

export function formatHealth(rows: HealthRow[], format: 'table' | 'json' | 'csv'): string {
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  if (format === 'csv') return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';
  if (rows.length === 0) return 'no sources yet: attache ingest PATH… stores documents, attache watch --feeds FILE polls feeds\n';
  const head = ['SOURCE', 'LAST SUCCESS', 'ITEMS/DAY', 'FAILURES', 'DOCS', 'STATUS'];
  const body = rows.map((r) => [
    r.kind === 'feed' ? `${r.name} <${r.url}>` : `${r.name} (ingested)`,
    when(r.last_success),
    r.items_per_day.toFixed(1),
    String(r.consecutive_failures),
    String(r.documents),
    status(r),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [line(head), ...body.map(line)].join('\n') + '\n';
}
