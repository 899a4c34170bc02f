/**
 * SQLite's side of the queries (filters.ts): its dialect, and users' words as FTS5 queries.
 */
import type { Dialect } from './filters.js';
import { StoreError } from './store.js';

/**
 * A user's words as an FTS5 query: plain words are ANDed (a hyphenated or dotted term is a phrase, so
 * "Jong-un" finds "Jong Un"); a query using FTS5 syntax (quotes, AND/OR/NOT/NEAR, *, parentheses)
 * is passed through.
 */
export function toFtsQuery(q: string): string {
  const trimmed = q.trim();
  if (!trimmed) throw new StoreError('search query is empty');
  if (/["*()]|\b(AND|OR|NOT|NEAR)\b/.test(trimmed)) return trimmed;
  const terms = trimmed
    .split(/\s+/)
    .map((t) => (t.match(/[\p{L}\p{N}]+/gu) ?? []).join(' '))
    .filter(Boolean);
  if (!terms.length) throw new StoreError(`search query "${q}" has no words`);
  return terms.map((t) => `"${t}"`).join(' ');
}

const FTS_DOCS = `SELECT document_id FROM document_versions WHERE id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)`;

export const SQLITE: Dialect = {
  param: () => '?',
  sourceIs: 'd.source = ? COLLATE NOCASE',
  // TEXT columns compare byte-wise (BINARY collation) by default
  compare: (col, op) => `${col} ${op} ?`,
  bytewise: (expr) => expr,
  textMatch: (docId, q) => ({ clause: `${docId} IN (${FTS_DOCS})`, param: toFtsQuery(q) }),
  // LIKE ignores ASCII case in SQLite
  ilike: 'LIKE',
  // a negative limit is no limit
  limit: (limit) => limit ?? -1,
};
