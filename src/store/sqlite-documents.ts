/**
 * Writing documents: dedup, versions, stories and the current coding, in one transaction per document.
 * The rules are stated in store.ts.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { CodedDocument } from '../types.js';
import { hamming, simhashHex } from './fingerprint.js';
import { bandProbes, simhashBands } from './simhash-index.js';
import { CODING_COLUMNS, codingRows } from './coding-rows.js';
import {
  DOC_COLUMNS,
  checkDocumentInput,
  findQuery,
  nameKind,
  originOf,
  registersOrigin,
  storedKey,
  toDocumentSummary,
  toVersion,
  type Row,
} from './records.js';
import type { Db } from './sqlite-db.js';
import type { DocumentKey, DocumentSaveInput, DocumentSummary, DocumentVersion, SaveResult } from './store.js';
import { normaliseUrl } from './url.js';

/** Raw bytes below this size are stored as they are; above, raw-deflated. */
const DEFLATE_FROM = 512;

export function findDocument(db: Db, k: DocumentKey): DocumentSummary | null {
  const q = findQuery(k, '?');
  const row = q && db.get(q.sql, q.value);
  return row ? toDocumentSummary(row) : null;
}

export function saveDocument(db: Db, input: DocumentSaveInput, coded: CodedDocument, maxDistance: number): SaveResult {
  checkDocumentInput(input, coded);
  const now = input.fetchedAt ?? new Date().toISOString();
  const url = input.url ? normaliseUrl(input.url) : null;
  const feedUrl = input.feedUrl ? normaliseUrl(input.feedUrl) : null;
  const sim = simhashHex(input.simhash);
  const key = storedKey(input);
  return db.raw.transaction((): SaveResult => {
    const saved = write();
    if (registersOrigin(saved.status, input)) {
      const o = originOf(input);
      db.run('INSERT INTO sources (name, url, kind, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (url) DO NOTHING', o.name, o.url, o.kind, now);
    }
    return saved;
  }).immediate();

  function write(): SaveResult {
    const existing =
      db.get<Row>('SELECT id, version, content_hash, story_id FROM documents WHERE doc_key = ?', key) ??
      (key.startsWith('hash:')
        ? db.get<Row>('SELECT id, version, content_hash, story_id FROM documents WHERE content_hash = ? ORDER BY id LIMIT 1', input.contentHash)
        : undefined);
    if (existing && existing.content_hash === input.contentHash) {
      db.run(
        'UPDATE documents SET last_seen_at = ?, missing_since = CASE WHEN ? IS NULL THEN missing_since ELSE NULL END WHERE id = ?',
        now,
        feedUrl,
        existing.id,
      );
      return { status: 'duplicate', documentId: existing.id as number, version: existing.version as number, storyId: existing.story_id as number };
    }
    const bands = simhashBands(sim);
    if (existing) {
      const id = existing.id as number;
      const version = (existing.version as number) + 1;
      unindexCurrent(db, id, existing.version as number);
      db.run(
        `UPDATE documents SET url = coalesce(?, url), title = ?, date = ?, language = ?, version = ?, content_hash = ?,
           simhash = ?, sh0 = ?, sh1 = ?, sh2 = ?, sh3 = ?, feed_url = coalesce(?, feed_url), last_seen_at = ?,
           missing_since = NULL, tone = ?, domains = ? WHERE id = ?`,
        url, input.title ?? null, input.date ?? null, input.language, version, input.contentHash,
        sim, ...bands, feedUrl, now, coded.tone, JSON.stringify(coded.domains), id,
      );
      for (const t of ['events', 'signals', 'markers']) db.run(`DELETE FROM ${t} WHERE document_id = ?`, id);
      insertVersion(db, id, version, input, sim, now);
      insertCoding(db, id, version, input, coded);
      return { status: 'updated', documentId: id, version, storyId: existing.story_id as number };
    }
    const storyId = joinStory(db, sim, input.source ?? '', now, maxDistance);
    const id = Number(
      db.run(
        `INSERT INTO documents (doc_key, url, source, external_id, title, date, language, version, content_hash, simhash,
           sh0, sh1, sh2, sh3, story_id, feed_url, first_seen_at, last_seen_at, tone, domains)
         VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        key, url, input.source ?? null, input.externalId ?? null, input.title ?? null, input.date ?? null, input.language,
        input.contentHash, sim, ...bands, storyId, feedUrl, now, now, coded.tone, JSON.stringify(coded.domains),
      ).lastInsertRowid,
    );
    insertVersion(db, id, 1, input, sim, now);
    insertCoding(db, id, 1, input, coded);
    return { status: 'new', documentId: id, version: 1, storyId };
  }
}

/** The documents whose bands match the probes (simhash-index.ts), oldest first. */
const candidatesSql = (probes: number[][]) =>
  `SELECT simhash, story_id FROM documents WHERE ${probes.map((p, i) => `sh${i} IN (${p.map(() => '?').join(', ')})`).join(' OR ')} ORDER BY id`;

/**
 * The story of the nearest document within maxDistance bits (ties: the oldest; its mention and source
 * counts bumped), or a new story.
 */
function joinStory(db: Db, sim: string, source: string, now: string, maxDistance: number): number {
  const probes = bandProbes(sim, maxDistance);
  const candidates = db.all<{ simhash: string; story_id: number }>(candidatesSql(probes), ...probes.flat());
  let best: number | null = null;
  let bestDistance = maxDistance + 1;
  for (const c of candidates) {
    const d = hamming(sim, c.simhash);
    if (d < bestDistance) {
      bestDistance = d;
      best = c.story_id;
    }
  }
  if (best === null) {
    const id = Number(db.run('INSERT INTO stories (mentions, sources, first_seen_at) VALUES (1, 1, ?)', now).lastInsertRowid);
    db.run('INSERT INTO story_sources (story_id, source) VALUES (?, ?)', id, source);
    return id;
  }
  const added = db.run('INSERT OR IGNORE INTO story_sources (story_id, source) VALUES (?, ?)', best, source).changes;
  db.run('UPDATE stories SET mentions = mentions + 1, sources = sources + ? WHERE id = ?', added, best);
  return best;
}

function unindexCurrent(db: Db, documentId: number, version: number): void {
  db.run(
    `INSERT INTO documents_fts (documents_fts, rowid, title, text)
     SELECT 'delete', id, title, text FROM document_versions WHERE document_id = ? AND version = ?`,
    documentId,
    version,
  );
}

function insertVersion(db: Db, documentId: number, version: number, input: DocumentSaveInput, sim: string, now: string): void {
  const bytes = typeof input.raw === 'string' ? Buffer.from(input.raw, 'utf8') : input.raw;
  const deflate = bytes.length >= DEFLATE_FROM;
  const versionId = db.run(
    `INSERT INTO document_versions (document_id, version, fetched_at, content_hash, simhash, title, date, text, raw, raw_type, raw_encoding)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    documentId, version, now, input.contentHash, sim, input.title ?? null, input.date ?? null, input.text,
    deflate ? deflateRawSync(bytes) : bytes, input.rawType, deflate ? 'deflate' : 'identity',
  ).lastInsertRowid;
  db.run('INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)', versionId, input.title ?? null, input.text);
}

/** INSERT of one row of each coding table, its columns as named parameters. */
const INSERT_CODING = Object.entries(CODING_COLUMNS).map(([table, cols]) => {
  const names = cols.map(([n]) => n);
  return {
    table: table as keyof typeof CODING_COLUMNS,
    sql: `INSERT INTO ${table} (document_id, version, ${names.join(', ')}) VALUES (@document_id, @version, ${names.map((n) => `@${n}`).join(', ')})`,
  };
});

function insertCoding(db: Db, documentId: number, version: number, input: DocumentSaveInput, coded: CodedDocument): void {
  const rows = codingRows(input, coded);
  for (const { table, sql } of INSERT_CODING) {
    const insert = db.stmt(sql);
    for (const r of rows[table]) insert.run({ document_id: documentId, version, ...r });
  }
}

export function markMissing(db: Db, feedUrl: string, present: string[], now = new Date().toISOString()): number {
  const feed = normaliseUrl(feedUrl);
  const urls = JSON.stringify(present.map(normaliseUrl));
  return db.raw.transaction(() => {
    db.run(
      'UPDATE documents SET missing_since = NULL WHERE feed_url = ? AND missing_since IS NOT NULL AND url IN (SELECT value FROM json_each(?))',
      feed,
      urls,
    );
    return db.run(
      `UPDATE documents SET missing_since = ? WHERE feed_url = ? AND missing_since IS NULL
         AND url IS NOT NULL AND url NOT IN (SELECT value FROM json_each(?))`,
      now,
      feed,
      urls,
    ).changes;
  }).immediate();
}

export function versions(db: Db, documentId: number): DocumentVersion[] {
  return db
    .all('SELECT * FROM document_versions WHERE document_id = ? ORDER BY version', documentId)
    .map((r) => toVersion(r, r.raw_encoding === 'deflate' ? inflateRawSync(r.raw as Buffer) : (r.raw as Buffer)));
}

/** Documents named by a numeric id, a URL or an external id. */
export function documentsNamed(db: Db, urlOrId: string | number): DocumentSummary[] {
  const name = nameKind(urlOrId);
  return name ? db.all(`SELECT ${DOC_COLUMNS} FROM documents d WHERE ${name.by} = ? ORDER BY d.id`, name.value).map(toDocumentSummary) : [];
}
