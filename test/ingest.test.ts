/**
 * `attache ingest` end to end through the CLI: files, directories, JSONL, HTML and feed files, pages and
 * feeds over loopback HTTP; every bad input counted as failed with its reason while the run goes on;
 * idempotence (a second run adds nothing) and versions (changed text → a new version, re-coded).
 */
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.js';
import type { DocumentSummary } from '../src/store/store.js';
import { attache } from './ingest-cli.js';
import { serve, type TestServer } from './fixtures/sources/serve.js';

const FIX = join(import.meta.dirname, 'fixtures/sources');
const fixture = (name: string) => readFileSync(join(FIX, name), 'utf8');

/** The counts of a summary printed by ingest. */
function counts(out: string): Record<'new' | 'updated' | 'duplicate' | 'failed', number> {
  const n = (k: string) => Number(new RegExp(`^\\s+${k}\\s+(\\d+)$`, 'm').exec(out)?.[1] ?? NaN);
  return { new: n('new'), updated: n('updated'), duplicate: n('duplicate'), failed: n('failed') };
}

describe('attache ingest: files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attache-ingest-'));
  const db = join(dir, 'store.db');
  const inputs = join(dir, 'in');

  beforeAll(() => {
    cpSync(join(FIX, 'dir'), join(inputs, 'dir'), { recursive: true });
    for (const f of ['article.html', 'feed.rss', 'docs.jsonl', 'billion-laughs.xml', 'xxe.rss', 'malformed.xml', 'no-article.html']) {
      cpSync(join(FIX, f), join(inputs, f));
    }
    writeFileSync(join(inputs, 'empty.txt'), '');
    writeFileSync(join(inputs, 'latin1.txt'), Buffer.from('Pyöngyang', 'latin1'));
    writeFileSync(join(inputs, 'big.txt'), 'word '.repeat(20_000));
    symlinkSync(join(inputs, 'nowhere.txt'), join(inputs, 'link.txt'));
  });

  it('ingests what it can, lists every failure with its reason, exits non-zero', async () => {
    const r = await attache(['ingest', inputs, '--db', db, '--max-size', '64k', '--workers', '1']);
    expect(r.status).toBe(1);
    // dir: 2 texts; article.html: 1; feed.rss: 2 entries; docs.jsonl: 3 good lines.
    expect(counts(r.out)).toEqual({ new: 8, updated: 0, duplicate: 0, failed: 11 });
    const failures = r.out.slice(r.out.indexOf('failures:'));
    for (const reason of [
      /big\.txt: 100000 bytes exceeds the limit of 65536 bytes/,
      /billion-laughs\.xml: refused: the XML declares a DOCTYPE/,
      /xxe\.rss: refused: the XML declares a DOCTYPE/,
      /malformed\.xml: malformed XML/,
      /no-article\.html: no article found in the page/,
      /empty\.txt: empty file/,
      /latin1\.txt: not valid UTF-8/,
      /link\.txt: cannot read: ENOENT/,
      /docs\.jsonl:3: date: date must be YYYY-MM-DD/,
      /docs\.jsonl:4: not JSON/,
      /docs\.jsonl:5: empty text/,
    ]) {
      expect(failures).toMatch(reason);
    }
    const store = await openStore(db);
    try {
      const docs: DocumentSummary[] = [];
      for await (const d of store.documents()) docs.push(d);
      expect(docs).toHaveLength(8);
      const es = docs.find((d) => d.externalId === 'doc-2');
      expect(es?.language).toBe('es'); // detected: the line declares no language
      const page = docs.find((d) => d.title?.includes('Victory Day'));
      expect(page).toMatchObject({ date: '2025-05-09', language: 'en' });
      const full = await store.getDocument(page!.id);
      expect(full!.text).toMatch(/^PYONGYANG, May 9 -- Kim Jong Un sent a message of greetings/);
      expect(full!.coded.signals.length + full!.coded.events.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('adds nothing the second time', async () => {
    const r = await attache(['ingest', inputs, '--db', db, '--max-size', '64k', '--workers', '0']);
    expect(counts(r.out)).toEqual({ new: 0, updated: 0, duplicate: 8, failed: 11 });
  });

  it('stores a new version when a document changes, and re-codes it', async () => {
    const path = join(inputs, 'dir/telegram.txt');
    writeFileSync(path, `${fixture('dir/telegram.txt').trim()} Kim Jong Un also sent a message of condolence to the President of Cuba.\n`);
    const r = await attache(['ingest', path, '--db', db, '--workers', '0']);
    expect(r.status).toBe(0);
    expect(counts(r.out)).toEqual({ new: 0, updated: 1, duplicate: 0, failed: 0 });
    const store = await openStore(db);
    try {
      const doc = await store.findDocument({ externalId: path, source: null });
      expect(doc?.version).toBe(2);
      const stored = await store.getDocument(doc!.id);
      expect(stored!.coded.signals.some((s) => s.kind === 'condolences')).toBe(true);
      expect((await store.stats()).documents).toBe(8);
    } finally {
      await store.close();
    }
  });
});

describe('attache ingest: URLs', () => {
  let srv: TestServer;
  const dir = mkdtempSync(join(tmpdir(), 'attache-ingest-url-'));
  const db = join(dir, 'store.db');
  beforeAll(async () => {
    srv = await serve((req, res) => {
      const send = (status: number, type: string, body: string) => res.writeHead(status, { 'content-type': type }).end(body);
      if (req.url === '/story') return send(200, 'text/html; charset=utf-8', fixture('article.html'));
      if (req.url === '/rss') return send(200, 'application/rss+xml', fixture('feed.rss'));
      if (req.url === '/atom') return send(200, 'application/atom+xml', fixture('feed.atom'));
      if (req.url === '/500') return send(500, 'text/plain', 'down');
      if (req.url === '/hang') return; // never answers
      send(404, 'text/plain', 'no');
    });
  });
  afterAll(() => srv.close());

  it('ingests pages and feeds by URL and fails 500s and timeouts with their reasons', async () => {
    const urls = ['/story', '/rss', '/atom', '/500', '/hang'].map((p) => srv.url + p);
    const r = await attache(['ingest', ...urls, '--db', db, '--timeout', '1000', '--workers', '0']);
    expect(r.status).toBe(1);
    expect(counts(r.out)).toEqual({ new: 4, updated: 0, duplicate: 0, failed: 2 });
    expect(r.out).toContain(`${srv.url}/500: HTTP 500 Internal Server Error`);
    expect(r.out).toContain(`${srv.url}/hang: timeout after 1000 ms`);
    // Not a TTY: progress comes as plain lines on stderr, never bar redraws.
    expect(r.err).not.toContain('\r');
    const again = await attache(['ingest', ...urls.slice(0, 3), '--db', db, '--workers', '0']);
    expect(again.status).toBe(0);
    expect(counts(again.out)).toEqual({ new: 0, updated: 0, duplicate: 4, failed: 0 });
  });
});
