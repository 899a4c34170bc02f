/**
 * PostgreSQL's side of the queries (filters.ts): $n parameters, ILIKE, dates compared in the "C"
 * collation (byte-wise, as SQLite does) and full-text search over documents.tsv (postgres-fts.ts).
 */
import type { Dialect } from './filters.js';
import { toTsQuery } from './postgres-fts.js';

export const POSTGRES: Dialect = {
  param: (n) => `$${n}`,
  sourceIs: 'lower(d.source) = lower(?)',
  compare: (col, op) => `${col} ${op} ? COLLATE "C"`,
  bytewise: (expr) => `${expr} COLLATE "C"`,
  textMatch: (docId, q) => ({
    clause: `${docId} IN (SELECT id FROM documents WHERE tsv @@ to_tsquery('attache', ?))`,
    param: toTsQuery(q),
  }),
  ilike: 'ILIKE',
  // SQLite reads a negative limit as "no limit"; so does this store (NULL is none).
  limit: (limit) => (limit !== null && limit >= 0 ? limit : null),
};
