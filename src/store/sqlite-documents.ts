/**
 * Writing documents: dedup, versions, stories and the current coding, in one transaction per document.
 * The rules are stated in store.ts.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { CodedDocument } from '../types.js';
import { hamming, simhashBands, simhashHex } from './fingerprint.js';
import type { Db, Row } from './sqlite-db.js';
import {
  StoreError,
  type DocumentKey,
  type DocumentSaveInput,
  type DocumentSummary,
  type DocumentVersion,
  type SaveResult,
} from './store.js';
import { normaliseUrl } from './url.js';

/** Raw bytes below this size are stored as they are; above, raw-deflated. */
const DEFLATE_FROM = 512;

export const DOC_COLUMNS = `d.id, d.url, d.source, d.external_id, d.title, d.date, d.language, d.version, d.content_hash,
  d.simhash, d.story_id, d.feed_url, d.first_seen_at, d.last_seen_at, d.missing_since, d.tone, d.domains`;

export function toDocumentSummary(r: Row): DocumentSummary {
  return {
    id: r.id as number,
    url: r.url as string | null,
    source: r.source as string | null,
    externalId: r.external_id as string | null,
    title: r.title as string | null,
    date: r.date as string | null,
    language: r.language as string,
    version: r.version as number,
    contentHash: r.content_hash as string,
    simhash: r.simhash as string,
    storyId: r.story_id as number,
    feedUrl: r.feed_url as string | null,
    firstSeenAt: r.first_seen_at as string,
    lastSeenAt: r.last_seen_at as string,
    missingSince: r.missing_since as string | null,
    tone: r.tone as number,
    domains: JSON.parse(r.domains as string) as string[],
  };
}

/** The identity of an input: see store.ts. */
export function documentKey(k: DocumentKey): string | null {
  if (k.externalId) return `id:${k.source ?? ''}\x1f${k.externalId}`;
  if (k.url) return `url:${normaliseUrl(k.url)}`;
  return null;
}

export function findDocument(db: Db, k: DocumentKey): DocumentSummary | null {
  const key = documentKey(k);
  let row: Row | undefined;
  if (key?.startsWith('id:')) row = db.get(`SELECT ${DOC_COLUMNS} FROM documents d WHERE d.doc_key = ?`, key);
  else if (key) row = db.get(`SELECT ${DOC_COLUMNS} FROM documents d WHERE d.url = ? ORDER BY d.id LIMIT 1`, normaliseUrl(k.url!));
  else if (k.contentHash)
    row = db.get(`SELECT ${DOC_COLUMNS} FROM documents d WHERE d.content_hash = ? ORDER BY d.id LIMIT 1`, k.contentHash);
  return row ? toDocumentSummary(row) : null;
}

function checkInput(input: DocumentSaveInput, coded: CodedDocument): void {
  const where = `document ${input.externalId ?? input.url ?? coded.id}`;
  if (!/^[0-9a-f]{64}$/.test(input.contentHash)) throw new StoreError(`${where}: contentHash is not a sha256 hex digest`);
  if (typeof input.text !== 'string') throw new StoreError(`${where}: text is missing`);
  if (!input.language) throw new StoreError(`${where}: language is missing`);
  if (input.date != null && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(input.date))
    throw new StoreError(`${where}: date "${input.date}" is not ISO YYYY-MM-DD`);
}

export function saveDocument(db: Db, input: DocumentSaveInput, coded: CodedDocument, maxDistance: number): SaveResult {
  checkInput(input, coded);
  const now = input.fetchedAt ?? new Date().toISOString();
  const url = input.url ? normaliseUrl(input.url) : null;
  const feedUrl = input.feedUrl ? normaliseUrl(input.feedUrl) : null;
  const sim = simhashHex(input.simhash);
  const key = documentKey(input) ?? `hash:${input.contentHash}`;
  return db.raw.transaction((): SaveResult => {
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
    const storyId = joinStory(db, sim, bands, input.source ?? '', now, maxDistance);
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
  }).immediate();
}

/** The story of the nearest document within maxDistance bits (its mention and source counts bumped), or a new story. */
function joinStory(db: Db, sim: string, bands: number[], source: string, now: string, maxDistance: number): number {
  const candidates = db.all<{ simhash: string; story_id: number }>(
    'SELECT simhash, story_id FROM documents WHERE sh0 = ? OR sh1 = ? OR sh2 = ? OR sh3 = ? ORDER BY id',
    ...bands,
  );
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

function insertCoding(db: Db, documentId: number, version: number, input: DocumentSaveInput, coded: CodedDocument): void {
  const text = input.text;
  const pubDate = input.date ?? coded.date ?? '';
  const ev = db.stmt(
    `INSERT INTO events (document_id, version, sentence, span_start, span_end, evidence,
       src_text, src_name, src_country, src_sector, src_code, has_target, tgt_text, tgt_name, tgt_country, tgt_sector, tgt_code,
       plover, plover_mode, plover_context, cameo, goldstein, quad_class, modality, date, day, attr_agency, attr_country, rule)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const e of coded.events) {
    const t = e.target;
    ev.run(
      documentId, version, e.sentence, e.span[0], e.span[1], text.slice(e.span[0], e.span[1]),
      e.source.text, e.source.name, e.source.country, e.source.sector, e.source.code,
      t ? 1 : 0, t?.text ?? null, t?.name ?? null, t?.country ?? null, t?.sector ?? null, t?.code ?? null,
      e.plover.event, e.plover.mode, JSON.stringify(e.plover.context), e.cameo, e.goldstein, e.quad_class, e.modality,
      e.date, e.date ?? pubDate, e.attribution?.agency ?? null, e.attribution?.country ?? null, e.rule,
    );
  }
  const sg = db.stmt(
    `INSERT INTO signals (document_id, version, kind, channel,
       sender_name, sender_role, sender_country, sender_org, sender_sector, sender_text,
       recipient_name, recipient_role, recipient_country, recipient_org, recipient_sector, recipient_text,
       on_behalf_of, occasion, occasion_type, date, day, span_start, span_end, evidence, rule)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const s of coded.signals) {
    const p = [s.sender, s.recipient].flatMap((x) => [x.name, x.role, x.country, x.org, x.sector ?? null, x.text ?? null]);
    sg.run(
      documentId, version, s.kind, s.channel, ...p, s.on_behalf_of, s.occasion, s.occasion_type, s.date, s.date ?? pubDate,
      s.span[0], s.span[1], text.slice(s.span[0], s.span[1]), s.rule,
    );
  }
  const mk = db.stmt('INSERT INTO markers (document_id, version, marker, count, spans) VALUES (?, ?, ?, ?, ?)');
  for (const m of coded.markers) mk.run(documentId, version, m.marker, m.count, JSON.stringify(m.spans));
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

function toVersion(r: Row): DocumentVersion {
  const raw = r.raw as Buffer;
  return {
    version: r.version as number,
    fetchedAt: r.fetched_at as string,
    contentHash: r.content_hash as string,
    simhash: r.simhash as string,
    title: r.title as string | null,
    date: r.date as string | null,
    text: r.text as string,
    rawType: r.raw_type as string,
    raw: r.raw_encoding === 'deflate' ? inflateRawSync(raw) : raw,
  };
}

export function versions(db: Db, documentId: number): DocumentVersion[] {
  return db.all('SELECT * FROM document_versions WHERE document_id = ? ORDER BY version', documentId).map(toVersion);
}

/** Documents named by a numeric id, a URL or an external id. */
export function documentsNamed(db: Db, urlOrId: string | number): DocumentSummary[] {
  const s = String(urlOrId).trim();
  const sql = `SELECT ${DOC_COLUMNS} FROM documents d WHERE `;
  const rows = /^\d+$/.test(s)
    ? db.all(sql + 'd.id = ?', Number(s))
    : /^[a-z][a-z0-9+.-]*:\/\//i.test(s)
      ? db.all(sql + 'd.url = ? ORDER BY d.id', normaliseUrl(s))
      : db.all(sql + 'd.external_id = ? ORDER BY d.id', s);
  return rows.map(toDocumentSummary);
}
