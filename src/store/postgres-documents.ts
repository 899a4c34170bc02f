/**
 * Reading documents back from PostgreSQL, and marking feed items missing: the same rules and the same
 * row shapes as sqlite-documents.ts (records.ts maps them).
 */
import type pg from 'pg';
import { DOC_COLUMNS, findQuery, nameKind, toDocumentSummary, toVersion, type Row } from './records.js';
import type { DocumentKey, DocumentSummary, DocumentVersion } from './store.js';
import { normaliseUrl } from './url.js';

type Queryable = pg.Pool | pg.PoolClient;

async function rows(db: Queryable, sql: string, params: unknown[]): Promise<Row[]> {
  return (await db.query(sql, params)).rows as Row[];
}

export async function findDocument(db: Queryable, k: DocumentKey): Promise<DocumentSummary | null> {
  const q = findQuery(k, '$1');
  const [found] = q ? await rows(db, q.sql, [q.value]) : [];
  return found ? toDocumentSummary(found) : null;
}

/** Documents named by a numeric id, a URL or an external id. */
export async function documentsNamed(db: Queryable, urlOrId: string | number): Promise<DocumentSummary[]> {
  const name = nameKind(urlOrId);
  if (!name) return [];
  return (await rows(db, `SELECT ${DOC_COLUMNS} FROM documents d WHERE ${name.by} = $1 ORDER BY d.id`, [name.value])).map(toDocumentSummary);
}

export async function versions(db: Queryable, documentId: number): Promise<DocumentVersion[]> {
  const found = await rows(db, 'SELECT * FROM document_versions WHERE document_id = $1 ORDER BY version', [documentId]);
  return found.map((r) => toVersion(r, r.raw as Buffer));
}

export async function markMissing(db: pg.PoolClient, feedUrl: string, present: string[], now = new Date().toISOString()): Promise<number> {
  const feed = normaliseUrl(feedUrl);
  const urls = present.map(normaliseUrl);
  await db.query(
    'UPDATE documents SET missing_since = NULL WHERE feed_url = $1 AND missing_since IS NOT NULL AND url = ANY($2::text[])',
    [feed, urls],
  );
  const r = await db.query(
    `UPDATE documents SET missing_since = $1 WHERE feed_url = $2 AND missing_since IS NULL
       AND url IS NOT NULL AND NOT (url = ANY($3::text[]))`,
    [now, feed, urls],
  );
  return r.rowCount ?? 0;
}
