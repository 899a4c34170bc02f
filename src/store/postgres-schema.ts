/**
 * The PostgreSQL schema as numbered migrations, holding the same tables and columns as the SQLite ones
 * (sqlite-schema.ts; version 2 changes only attache_save, which SQLite does not have, so version 3 is
 * SQLite's version 2), so rows map to records through the same functions. Never edit an applied
 * migration; add the next one.
 *
 * Differences from SQLite, all deliberate:
 *  - full-text search is a tsvector column on documents (the current version only) with a GIN index,
 *    over title + text folded as FTS5's unicode61 tokenizer does (postgres-fts.ts foldWords: lower case,
 *    diacritics removed, every non-alphanumeric character a separator) and stemmed by Snowball's original
 *    Porter stemmer with no stop words, as FTS5's porter tokenizer does;
 *  - raw bytes are bytea, compressed by PostgreSQL itself (TOAST), so there is no raw_encoding;
 *  - the simhash is also kept as a signed bigint (sim) so the Hamming distance is computed in SQL;
 *  - dates and days are text in the "C" collation: ISO strings compare byte-wise, as in SQLite;
 *  - saving a document is one server-side function, attache_save (postgres-save.ts). Every migration that
 *    changes what it reads or writes (re)creates it with the current definition: its body is resolved
 *    when it is called, after all migrations have run.
 */
import type { PgMigration } from './postgres-db.js';
import { SAVE_FUNCTION } from './postgres-save.js';

export const PG_MIGRATIONS: PgMigration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
CREATE TEXT SEARCH DICTIONARY attache_porter (TEMPLATE = snowball, Language = porter);
CREATE TEXT SEARCH CONFIGURATION attache (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION attache ALTER MAPPING FOR asciiword, word, numword WITH attache_porter;

CREATE TABLE sources (
  id bigserial PRIMARY KEY,
  name text COLLATE "C" NOT NULL,
  url text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('file', 'jsonl', 'html', 'feed')),
  interval_s integer,
  created_at text NOT NULL,
  etag text,
  last_modified text,
  last_poll_at text,
  last_success_at text,
  last_new_item_at text,
  consecutive_failures integer NOT NULL DEFAULT 0,
  last_error text,
  last_status integer,
  next_poll_at text
);

CREATE TABLE polls (
  id bigserial PRIMARY KEY,
  source_id bigint NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  at text NOT NULL,
  ok boolean NOT NULL,
  http_status integer,
  items_seen integer NOT NULL,
  items_new integer NOT NULL,
  error text,
  duration_ms integer
);
CREATE INDEX polls_source_at ON polls (source_id, at);

CREATE TABLE stories (
  id bigserial PRIMARY KEY,
  mentions integer NOT NULL,
  sources integer NOT NULL,
  first_seen_at text NOT NULL
);

CREATE TABLE story_sources (
  story_id bigint NOT NULL REFERENCES stories(id),
  source text NOT NULL,
  PRIMARY KEY (story_id, source)
);

-- doc_key: 'id:' || source || x'1f' || external_id, else 'url:' || normalised url, else 'hash:' || content_hash.
CREATE TABLE documents (
  id bigserial PRIMARY KEY,
  doc_key text NOT NULL UNIQUE,
  url text,
  source text,
  external_id text,
  title text,
  date text COLLATE "C",
  language text NOT NULL,
  version integer NOT NULL,
  content_hash text NOT NULL,
  simhash text NOT NULL,
  sim bigint NOT NULL,
  sh0 integer NOT NULL,
  sh1 integer NOT NULL,
  sh2 integer NOT NULL,
  sh3 integer NOT NULL,
  story_id bigint NOT NULL REFERENCES stories(id),
  feed_url text,
  first_seen_at text NOT NULL,
  last_seen_at text NOT NULL,
  missing_since text,
  tone double precision NOT NULL,
  domains text NOT NULL,
  tsv tsvector NOT NULL
);
CREATE INDEX documents_url ON documents (url);
CREATE INDEX documents_hash ON documents (content_hash);
CREATE INDEX documents_date ON documents (date);
CREATE INDEX documents_source ON documents (lower(source), date);
CREATE INDEX documents_feed ON documents (feed_url, first_seen_at);
CREATE INDEX documents_external ON documents (external_id);
CREATE INDEX documents_story ON documents (story_id);
CREATE INDEX documents_sh0 ON documents (sh0);
CREATE INDEX documents_sh1 ON documents (sh1);
CREATE INDEX documents_sh2 ON documents (sh2);
CREATE INDEX documents_sh3 ON documents (sh3);
CREATE INDEX documents_tsv ON documents USING gin (tsv);

CREATE TABLE document_versions (
  id bigserial PRIMARY KEY,
  document_id bigint NOT NULL REFERENCES documents(id),
  version integer NOT NULL,
  fetched_at text NOT NULL,
  content_hash text NOT NULL,
  simhash text NOT NULL,
  title text,
  date text,
  text text NOT NULL,
  raw bytea NOT NULL,
  raw_type text NOT NULL,
  UNIQUE (document_id, version)
);

-- day: the event's date, else the document's publication date, else '' (what --from/--to filter on).
CREATE TABLE events (
  id bigserial PRIMARY KEY,
  document_id bigint NOT NULL REFERENCES documents(id),
  version integer NOT NULL,
  sentence integer NOT NULL,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  evidence text NOT NULL,
  src_text text NOT NULL,
  src_name text,
  src_country text,
  src_sector text,
  src_code text,
  has_target integer NOT NULL,
  tgt_text text,
  tgt_name text,
  tgt_country text,
  tgt_sector text,
  tgt_code text,
  plover text NOT NULL,
  plover_mode text,
  plover_context text NOT NULL,
  cameo text NOT NULL,
  goldstein double precision NOT NULL,
  quad_class integer NOT NULL CHECK (quad_class BETWEEN 1 AND 4),
  modality text NOT NULL,
  date text,
  day text COLLATE "C" NOT NULL,
  attr_agency text,
  attr_country text,
  rule text NOT NULL
);
CREATE INDEX events_document ON events (document_id);
CREATE INDEX events_day ON events (day, id);
CREATE INDEX events_dyad ON events (src_country, tgt_country, day);
CREATE INDEX events_target ON events (tgt_country, day);
CREATE INDEX events_plover ON events (plover, day);
CREATE INDEX events_cameo ON events (cameo text_pattern_ops);
CREATE INDEX events_quad ON events (quad_class, day);

CREATE TABLE signals (
  id bigserial PRIMARY KEY,
  document_id bigint NOT NULL REFERENCES documents(id),
  version integer NOT NULL,
  kind text NOT NULL,
  channel text,
  sender_name text, sender_role text, sender_country text, sender_org text, sender_sector text, sender_text text,
  recipient_name text, recipient_role text, recipient_country text, recipient_org text, recipient_sector text,
  recipient_text text,
  on_behalf_of text,
  occasion text,
  occasion_type text NOT NULL,
  date text,
  day text COLLATE "C" NOT NULL,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  evidence text NOT NULL,
  rule text NOT NULL
);
CREATE INDEX signals_document ON signals (document_id);
CREATE INDEX signals_day ON signals (day, id);
CREATE INDEX signals_dyad ON signals (sender_country, recipient_country, day);
CREATE INDEX signals_recipient ON signals (recipient_country, day);
CREATE INDEX signals_kind ON signals (kind, day);
CREATE INDEX signals_occasion ON signals (occasion_type, day);

CREATE TABLE markers (
  id bigserial PRIMARY KEY,
  document_id bigint NOT NULL REFERENCES documents(id),
  version integer NOT NULL,
  marker text NOT NULL,
  count integer NOT NULL,
  spans text NOT NULL
);
CREATE INDEX markers_document ON markers (document_id);
CREATE INDEX markers_marker ON markers (marker);

${SAVE_FUNCTION}
`,
  },
  {
    version: 2,
    name: 'near-duplicates within 7 bits',
    // attache_save probes each simhash band and its one-bit neighbours (simhash-index.ts)
    sql: SAVE_FUNCTION,
  },
  {
    version: 3,
    name: 'a source for every document',
    // As SQLite's version 2: the index on the source each document counts for (records.ts ORIGIN), and
    // the sources of the documents stored before.
    sql: `
CREATE INDEX documents_origin ON documents ((CAST(coalesce(feed_url, 'outlet:' || coalesce(source, '')) AS TEXT)), first_seen_at, last_seen_at);

INSERT INTO sources (name, url, kind, created_at)
SELECT coalesce(nullif(trim(min(source)), ''), min(feed_url), '(no outlet)'),
  origin,
  CASE WHEN min(feed_url) LIKE 'http://%' OR min(feed_url) LIKE 'https://%' THEN 'feed' ELSE 'file' END,
  min(first_seen_at)
FROM (SELECT coalesce(feed_url, 'outlet:' || coalesce(source, '')) AS origin, feed_url, source, first_seen_at FROM documents) d
WHERE origin NOT IN (SELECT url FROM sources)
GROUP BY origin;
`,
  },
];
