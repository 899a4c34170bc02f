/**
 * Reading documents back from PostgreSQL, and marking feed items missing: the same rules and the same
 * row shapes as sqlite-documents.ts.
 */
import type pg from 'pg';
import { DOC_COLUMNS, documentKey, toDocumentSummary } from './sqlite-documents.js';
import type { DocumentKey, DocumentSummary, DocumentVersion } from './store.js';
import { normaliseUrl } from './url.js';

type Row = Record<string, unknown>;
type Queryable = pg.Pool | pg.PoolClient;

async function rows(db: Queryable, sql: string, params: unknown[]): Promise<Row[]> {
  return (await db.query(sql, params)).rows as Row[];
}

export async function findDocument(db: Queryable, k: DocumentKey): Promise<DocumentSummary | null> {
  const key = documentKey(k);
  const select = `SELECT ${DOC_COLUMNS} FROM documents d WHERE`;
  let found: Row[] = [];
  if (key?.startsWith('id:')) found = await rows(db, `${select} d.doc_key = $1`, [key]);
  else if (key) found = await rows(db, `${select} d.url = $1 ORDER BY d.id LIMIT 1`, [normaliseUrl(k.url!)]);
  else if (k.contentHash) found = await rows(db, `${select} d.content_hash = $1 ORDER BY d.id LIMIT 1`, [k.contentHash]);
  return found.length ? toDocumentSummary(found[0]) : null;
}

/** Documents named by a numeric id, a URL or an external id. */
export async function documentsNamed(db: Queryable, urlOrId: string | number): Promise<DocumentSummary[]> {
  const s = String(urlOrId).trim();
  const select = `SELECT ${DOC_COLUMNS} FROM documents d WHERE`;
  const found = /^\d+$/.test(s)
    ? Number(s) <= Number.MAX_SAFE_INTEGER
      ? await rows(db, `${select} d.id = $1`, [Number(s)])
      : []
    : /^[a-z][a-z0-9+.-]*:\/\//i.test(s)
      ? await rows(db, `${select} d.url = $1 ORDER BY d.id`, [normaliseUrl(s)])
      : await rows(db, `${select} d.external_id = $1 ORDER BY d.id`, [s]);
  return found.map(toDocumentSummary);
}

export async function versions(db: Queryable, documentId: number): Promise<DocumentVersion[]> {
  const found = await rows(db, 'SELECT * FROM document_versions WHERE document_id = $1 ORDER BY version', [documentId]);
  return found.map((r) => ({
    version: r.version as number,
    fetchedAt: r.fetched_at as string,
    contentHash: r.content_hash as string,
    simhash: r.simhash as string,
    title: r.title as string | null,
    date: r.date as string | null,
    text: r.text as string,
    rawType: r.raw_type as string,
    raw: r.raw as Buffer,
  }));
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
