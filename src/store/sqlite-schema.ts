/**
 * The SQLite schema as numbered migrations. A migration is applied once, in order, inside a
 * transaction, and recorded in schema_migrations; never edit an applied migration, add the next one.
 *
 * Layout: sources (+ polls) → documents (current state, dedup keys, simhash bands: simhash-index.ts) →
 * document_versions (every version's text and raw bytes; FTS5 indexes the current version of each document) →
 * events / signals / markers (the current coding, one row each) and stories (near-duplicate clusters).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  url TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('file', 'jsonl', 'html', 'feed')),
  interval_s INTEGER,
  created_at TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  last_poll_at TEXT,
  last_success_at TEXT,
  last_new_item_at TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  last_status INTEGER,
  next_poll_at TEXT
);

CREATE TABLE polls (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  ok INTEGER NOT NULL,
  http_status INTEGER,
  items_seen INTEGER NOT NULL,
  items_new INTEGER NOT NULL,
  error TEXT,
  duration_ms INTEGER
);
CREATE INDEX polls_source_at ON polls (source_id, at);

CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  mentions INTEGER NOT NULL,
  sources INTEGER NOT NULL,
  first_seen_at TEXT NOT NULL
);

CREATE TABLE story_sources (
  story_id INTEGER NOT NULL REFERENCES stories(id),
  source TEXT NOT NULL,
  PRIMARY KEY (story_id, source)
) WITHOUT ROWID;

-- doc_key: 'id:' || source || x'1f' || external_id, else 'url:' || normalised url, else 'hash:' || content_hash.
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  doc_key TEXT NOT NULL UNIQUE,
  url TEXT,
  source TEXT,
  external_id TEXT,
  title TEXT,
  date TEXT,
  language TEXT NOT NULL,
  version INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  simhash TEXT NOT NULL,
  sh0 INTEGER NOT NULL,
  sh1 INTEGER NOT NULL,
  sh2 INTEGER NOT NULL,
  sh3 INTEGER NOT NULL,
  story_id INTEGER NOT NULL REFERENCES stories(id),
  feed_url TEXT,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  missing_since TEXT,
  tone REAL NOT NULL,
  domains TEXT NOT NULL
);
CREATE INDEX documents_url ON documents (url);
CREATE INDEX documents_hash ON documents (content_hash);
CREATE INDEX documents_date ON documents (date);
CREATE INDEX documents_source ON documents (source COLLATE NOCASE, date);
CREATE INDEX documents_feed ON documents (feed_url, first_seen_at);
CREATE INDEX documents_external ON documents (external_id);
CREATE INDEX documents_story ON documents (story_id);
CREATE INDEX documents_sh0 ON documents (sh0);
CREATE INDEX documents_sh1 ON documents (sh1);
CREATE INDEX documents_sh2 ON documents (sh2);
CREATE INDEX documents_sh3 ON documents (sh3);

-- raw_encoding: 'identity' or 'deflate' (zlib raw deflate of the original bytes).
CREATE TABLE document_versions (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  version INTEGER NOT NULL,
  fetched_at TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  simhash TEXT NOT NULL,
  title TEXT,
  date TEXT,
  text TEXT NOT NULL,
  raw BLOB NOT NULL,
  raw_type TEXT NOT NULL,
  raw_encoding TEXT NOT NULL CHECK (raw_encoding IN ('identity', 'deflate')),
  UNIQUE (document_id, version)
);

-- Indexes the current version of each document only (external content: the text is stored once).
CREATE VIRTUAL TABLE documents_fts USING fts5 (
  title, text,
  content = 'document_versions', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- day: the event's date, else the document's publication date, else '' (what --from/--to filter on).
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  version INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  evidence TEXT NOT NULL,
  src_text TEXT NOT NULL,
  src_name TEXT,
  src_country TEXT,
  src_sector TEXT,
  src_code TEXT,
  has_target INTEGER NOT NULL,
  tgt_text TEXT,
  tgt_name TEXT,
  tgt_country TEXT,
  tgt_sector TEXT,
  tgt_code TEXT,
  plover TEXT NOT NULL,
  plover_mode TEXT,
  plover_context TEXT NOT NULL,
  cameo TEXT NOT NULL,
  goldstein REAL NOT NULL,
  quad_class INTEGER NOT NULL CHECK (quad_class BETWEEN 1 AND 4),
  modality TEXT NOT NULL,
  date TEXT,
  day TEXT NOT NULL,
  attr_agency TEXT,
  attr_country TEXT,
  rule TEXT NOT NULL
);
CREATE INDEX events_document ON events (document_id);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_dyad ON events (src_country, tgt_country, day);
CREATE INDEX events_target ON events (tgt_country, day);
CREATE INDEX events_plover ON events (plover, day);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_quad ON events (quad_class, day);

CREATE TABLE signals (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  version INTEGER NOT NULL,
  kind TEXT NOT NULL,
  channel TEXT,
  sender_name TEXT, sender_role TEXT, sender_country TEXT, sender_org TEXT, sender_sector TEXT, sender_text TEXT,
  recipient_name TEXT, recipient_role TEXT, recipient_country TEXT, recipient_org TEXT, recipient_sector TEXT,
  recipient_text TEXT,
  on_behalf_of TEXT,
  occasion TEXT,
  occasion_type TEXT NOT NULL,
  date TEXT,
  day TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  evidence TEXT NOT NULL,
  rule TEXT NOT NULL
);
CREATE INDEX signals_document ON signals (document_id);
CREATE INDEX signals_day ON signals (day);
CREATE INDEX signals_dyad ON signals (sender_country, recipient_country, day);
CREATE INDEX signals_recipient ON signals (recipient_country, day);
CREATE INDEX signals_kind ON signals (kind, day);
CREATE INDEX signals_occasion ON signals (occasion_type, day);

CREATE TABLE markers (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  version INTEGER NOT NULL,
  marker TEXT NOT NULL,
  count INTEGER NOT NULL,
  spans TEXT NOT NULL
);
CREATE INDEX markers_document ON markers (document_id);
CREATE INDEX markers_marker ON markers (marker);
`,
  },
  {
    version: 2,
    name: 'a source for every document',
    // Every document counts for one source: its feed's, else its outlet's file source ('outlet:' || outlet).
    // The index is on that expression exactly as health() writes it (records.ts ORIGIN). Documents stored
    // before get their sources here: outlets of files as 'file', feeds read by ingest as 'feed' (an
    // older ingest set feed_url to the path of a feed file: 'file').
    sql: `
CREATE INDEX documents_origin ON documents (CAST(coalesce(feed_url, 'outlet:' || coalesce(source, '')) AS TEXT), first_seen_at, last_seen_at);

INSERT INTO sources (name, url, kind, created_at)
SELECT coalesce(nullif(trim(min(source)), ''), min(feed_url), '(no outlet)'),
  origin,
  CASE WHEN min(feed_url) LIKE 'http://%' OR min(feed_url) LIKE 'https://%' THEN 'feed' ELSE 'file' END,
  min(first_seen_at)
FROM (SELECT coalesce(feed_url, 'outlet:' || coalesce(source, '')) AS origin, feed_url, source, first_seen_at FROM documents)
WHERE origin NOT IN (SELECT url FROM sources)
GROUP BY origin;
`,
  },
];
