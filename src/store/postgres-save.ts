/**
 * Saving a document in PostgreSQL: the dedup / versions / stories rules of store.ts, run server-side by
 * one function (attache_save) so that a save is one round trip, and made safe for many concurrent
 * writers (worker processes on several machines) by transaction-scoped advisory locks:
 *  - on the document key and on the content hash: two writers of the same document serialise, and the
 *    second sees the first's row (a duplicate or a new version, never a unique-key error);
 *  - on each of the 8 simhash bytes (position and value): two near-duplicates (distance ≤ 7) have at
 *    least one equal byte, so they serialise and the second joins the first's story. A batch of 1,000
 *    documents takes at most 2,048 such locks.
 * Locks are taken in ascending key order, so writers never deadlock.
 *
 * The JavaScript side checks the input and builds the rows (evidence slices, days), as the SQLite store does.
 */
import { parseSimhash, simhashHex } from './fingerprint.js';
import { lockKey } from './postgres-db.js';
import { foldWords } from './postgres-fts.js';
import { CODING_COLUMNS, codingRows } from './coding-rows.js';
import { checkDocumentInput, storedKey } from './records.js';
import { MAX_NEAR_DISTANCE, bandProbes, simhashBands, simhashBytes } from './simhash-index.js';
import { StoreError, type DocumentSaveInput } from './store.js';
import type { CodedDocument } from '../types.js';
import { normaliseUrl } from './url.js';

const PG_TYPES = { integer: 'integer', real: 'double precision', text: 'text' } as const;

/** INSERT of the coding rows held in the JSON array d->'<table>'. */
function insertRows(table: keyof typeof CODING_COLUMNS): string {
  const cols = CODING_COLUMNS[table];
  const names = cols.map(([n]) => n).join(', ');
  const defs = cols.map(([n, t]) => `${n} ${PG_TYPES[t]}`).join(', ');
  return `INSERT INTO ${table} (document_id, version, ${names})
    SELECT o_document_id, o_version, ${names} FROM jsonb_to_recordset(d->'${table}') AS x(${defs});`;
}

export const SAVE_FUNCTION = `
CREATE OR REPLACE FUNCTION attache_save(d jsonb, raw bytea, locks bigint[], max_distance integer,
  OUT o_status text, OUT o_document_id bigint, OUT o_version integer, OUT o_story_id bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  k bigint;
  ex record;
  have boolean;
  added integer;
  now_ text := d->>'now';
  feed text := d->>'feed_url';
  sim_ bigint := (d->>'sim')::bigint;
  b integer[] := ARRAY(SELECT jsonb_array_elements_text(d->'bands')::integer);
  pr integer[] := ARRAY(SELECT jsonb_array_elements_text(d->'probes')::integer);
BEGIN
  FOREACH k IN ARRAY locks LOOP
    PERFORM pg_advisory_xact_lock(k);
  END LOOP;
  SELECT id, version AS v, content_hash AS h, story_id AS s INTO ex FROM documents WHERE doc_key = d->>'key';
  have := FOUND;
  IF NOT have AND starts_with(d->>'key', 'hash:') THEN
    SELECT id, version AS v, content_hash AS h, story_id AS s INTO ex FROM documents
      WHERE content_hash = d->>'content_hash' ORDER BY id LIMIT 1;
    have := FOUND;
  END IF;
  IF have AND ex.h = d->>'content_hash' THEN
    UPDATE documents SET last_seen_at = now_, missing_since = CASE WHEN feed IS NULL THEN missing_since END WHERE id = ex.id;
    o_status := 'duplicate'; o_document_id := ex.id; o_version := ex.v; o_story_id := ex.s;
    RETURN;
  END IF;
  IF have THEN
    o_status := 'updated'; o_document_id := ex.id; o_version := ex.v + 1; o_story_id := ex.s;
    UPDATE documents SET url = coalesce(d->>'url', url), title = d->>'title', date = d->>'date', language = d->>'language',
      version = o_version, content_hash = d->>'content_hash', simhash = d->>'simhash', sim = sim_,
      sh0 = b[1], sh1 = b[2], sh2 = b[3], sh3 = b[4], feed_url = coalesce(feed, feed_url), last_seen_at = now_,
      missing_since = NULL, tone = (d->>'tone')::double precision, domains = d->>'domains',
      tsv = to_tsvector('attache', d->>'folded')
    WHERE id = ex.id;
    DELETE FROM events WHERE document_id = ex.id;
    DELETE FROM signals WHERE document_id = ex.id;
    DELETE FROM markers WHERE document_id = ex.id;
  ELSE
    o_status := 'new'; o_version := 1;
    -- the nearest document within max_distance bits (ties: the oldest) gives its story; the band probes
    -- (simhash-index.ts) find every document within 7 bits
    SELECT story_id INTO o_story_id FROM documents
      WHERE (sh0 = ANY(pr[1:17]) OR sh1 = ANY(pr[18:34]) OR sh2 = ANY(pr[35:51]) OR sh3 = ANY(pr[52:68]))
        AND bit_count((sim # sim_)::bit(64)) <= max_distance
      ORDER BY bit_count((sim # sim_)::bit(64)), id LIMIT 1;
    IF o_story_id IS NULL THEN
      INSERT INTO stories (mentions, sources, first_seen_at) VALUES (1, 1, now_) RETURNING id INTO o_story_id;
      INSERT INTO story_sources (story_id, source) VALUES (o_story_id, coalesce(d->>'source', ''));
    ELSE
      INSERT INTO story_sources (story_id, source) VALUES (o_story_id, coalesce(d->>'source', '')) ON CONFLICT DO NOTHING;
      GET DIAGNOSTICS added = ROW_COUNT;
      UPDATE stories SET mentions = mentions + 1, sources = sources + added WHERE id = o_story_id;
    END IF;
    INSERT INTO documents (doc_key, url, source, external_id, title, date, language, version, content_hash, simhash, sim,
        sh0, sh1, sh2, sh3, story_id, feed_url, first_seen_at, last_seen_at, tone, domains, tsv)
      VALUES (d->>'key', d->>'url', d->>'source', d->>'external_id', d->>'title', d->>'date', d->>'language', 1,
        d->>'content_hash', d->>'simhash', sim_, b[1], b[2], b[3], b[4], o_story_id, feed, now_, now_,
        (d->>'tone')::double precision, d->>'domains', to_tsvector('attache', d->>'folded'))
      RETURNING id INTO o_document_id;
  END IF;
  INSERT INTO document_versions (document_id, version, fetched_at, content_hash, simhash, title, date, text, raw, raw_type)
    VALUES (o_document_id, o_version, now_, d->>'content_hash', d->>'simhash', d->>'title', d->>'date', d->>'text', raw,
      d->>'raw_type');
  ${insertRows('events')}
  ${insertRows('signals')}
  ${insertRows('markers')}
END
$fn$;
`;

/** The arguments of attache_save for one document: the JSON, the raw bytes and what to lock. */
export interface SaveArgs {
  doc: string;
  raw: Buffer;
  /** What the locks are taken on (key, content hash, simhash bytes): sortedLocks gives their keys. */
  lockNames: string[];
}

export function saveArgs(input: DocumentSaveInput, coded: CodedDocument): SaveArgs {
  checkDocumentInput(input, coded);
  if (input.text.includes('\0'))
    throw new StoreError(`document ${input.externalId ?? input.url ?? coded.id}: text holds NUL characters, which PostgreSQL cannot store`);
  const sim = parseSimhash(input.simhash);
  const bands = simhashBands(sim);
  const key = storedKey(input);
  const text = input.text;
  const doc = {
    key,
    url: input.url ? normaliseUrl(input.url) : null,
    source: input.source ?? null,
    external_id: input.externalId ?? null,
    title: input.title ?? null,
    date: input.date ?? null,
    language: input.language,
    content_hash: input.contentHash,
    simhash: simhashHex(sim),
    sim: BigInt.asIntN(64, sim).toString(),
    bands,
    probes: bandProbes(sim, MAX_NEAR_DISTANCE).flat(),
    feed_url: input.feedUrl ? normaliseUrl(input.feedUrl) : null,
    now: input.fetchedAt ?? new Date().toISOString(),
    tone: coded.tone,
    domains: JSON.stringify(coded.domains),
    text,
    folded: foldWords(`${input.title ?? ''} ${text}`).join(' '),
    raw_type: input.rawType,
    ...codingRows(input, coded),
  };
  const names = [`key:${key}`, `hash:${input.contentHash}`, ...simhashBytes(sim).map((b, i) => `simbyte:${i}:${b}`)];
  return {
    doc: JSON.stringify(doc),
    raw: typeof input.raw === 'string' ? Buffer.from(input.raw, 'utf8') : input.raw,
    lockNames: names,
  };
}

/** Distinct lock keys of the given names, ascending. */
export function sortedLocks(names: string[]): bigint[] {
  return [...new Set(names.map(lockKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
