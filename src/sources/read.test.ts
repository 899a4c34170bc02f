import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type TestServer } from '../../test/fixtures/sources/serve.js';
import type { SourceEvent } from './item.js';
import { countInputs, readInputs } from './read.js';

const FIX = new URL('../../test/fixtures/sources/', import.meta.url).pathname;
const fixture = (name: string) => readFileSync(join(FIX, name), 'utf8');
const limits = { maxBytes: 64 * 1024, timeoutMs: 1500 };

async function collect(inputs: string[], opts = limits): Promise<SourceEvent[]> {
  const out: SourceEvent[] = [];
  for await (const e of readInputs(inputs, opts)) out.push(e);
  return out;
}
const failures = (evs: SourceEvent[]) => evs.flatMap((e) => (e.kind === 'failure' ? [`${e.origin}: ${e.reason}`] : []));
const texts = (evs: SourceEvent[]) => evs.flatMap((e) => (e.kind === 'item' ? [e.item.text] : []));

describe('readInputs: files and directories', () => {
  it('walks a directory recursively, taking known types and skipping others', async () => {
    const evs = await collect([join(FIX, 'dir')]);
    expect(failures(evs)).toEqual([]);
    expect(texts(evs).map((t) => t.slice(0, 30))).toEqual(['A government delegation of Lao', 'Kim Jong Un sent a telegram of']);
    const first = evs[1].kind === 'item' ? evs[1].item : null;
    expect(first?.externalId).toBe(join(FIX, 'dir/telegram.txt'));
    expect(first?.rawType).toBe('text/plain');
  });
  it('reads HTML, RSS, Atom and JSON feed files', async () => {
    const evs = await collect(['article.html', 'feed.rss', 'feed.atom', 'feed.json'].map((f) => join(FIX, f)));
    expect(failures(evs)).toEqual([]);
    expect(texts(evs)).toHaveLength(5);
  });
  it('reads JSONL line by line: bad lines fail with file:line, the rest go on', async () => {
    const path = join(FIX, 'docs.jsonl');
    const evs = await collect([path]);
    expect(texts(evs)).toHaveLength(3);
    expect(failures(evs)).toEqual([
      `${path}:3: date: date must be YYYY-MM-DD`,
      expect.stringMatching(new RegExp(`^${path}:4: not JSON`)),
      `${path}:5: empty text`,
    ]);
    const first = evs[0].kind === 'item' ? evs[0].item : null;
    expect(first).toMatchObject({ externalId: 'doc-1', date: '2011-12-19', source: 'Pyongyang Times', language: 'en', rawType: 'application/json' });
  });
  it('reads .jsonl.gz and reports corrupt gzip', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attache-read-'));
    writeFileSync(join(dir, 'a.jsonl.gz'), gzipSync(readFileSync(join(FIX, 'docs.jsonl'))));
    writeFileSync(join(dir, 'b.jsonl.gz'), Buffer.from('not gzip at all'));
    const evs = await collect([join(dir, 'a.jsonl.gz'), join(dir, 'b.jsonl.gz')]);
    expect(texts(evs)).toHaveLength(3);
    expect(failures(evs).at(-1)).toMatch(/b\.jsonl\.gz: corrupt gzip data/);
  });
  it('counts each bad file as a failure with its reason and goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attache-bad-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x50, 0x79, 0xf6, 0x6e, 0x67, 0x79, 0x61, 0x6e, 0x67]));
    writeFileSync(join(dir, 'big.txt'), 'x '.repeat(40 * 1024));
    writeFileSync(join(dir, 'good.txt'), 'The delegation left Pyongyang on Monday.');
    // A page that declares its legacy charset is decoded by it, not refused as invalid UTF-8.
    const [before, after] = fixture('article.html').replace('<meta charset="utf-8">', '<meta charset="euc-kr">').split('<p>He wished');
    const euckr = Buffer.concat([Buffer.from(`${before}<p>`), Buffer.from([0xc6, 0xf2, 0xbe, 0xe7]), Buffer.from(` He wished${after}`)]); // 평양 in EUC-KR
    writeFileSync(join(dir, 'korean.html'), euckr);
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'link.txt'));
    writeFileSync(join(dir, 'laughs.xml'), fixture('billion-laughs.xml'));
    writeFileSync(join(dir, 'malformed.xml'), fixture('malformed.xml'));
    writeFileSync(join(dir, 'login.html'), fixture('no-article.html'));
    const evs = await collect([dir, join(dir, 'missing.txt')]);
    expect(texts(evs)[0]).toBe('The delegation left Pyongyang on Monday.');
    expect(texts(evs)[1]).toMatch(/\n\n평양 He wished the Russian people/);
    expect(texts(evs)).toHaveLength(2);
    expect(failures(evs)).toEqual([
      `${dir}/big.txt: 81920 bytes exceeds the limit of 65536 bytes (--max-size)`,
      `${dir}/empty.txt: empty file`,
      `${dir}/latin1.txt: not valid UTF-8`,
      `${dir}/laughs.xml: refused: the XML declares a DOCTYPE (DTDs and entity declarations are never processed)`,
      expect.stringMatching(new RegExp(`^${dir}/link.txt: cannot read: ENOENT`)),
      expect.stringMatching(new RegExp(`^${dir}/login.html: no article found in the page`)),
      `${dir}/malformed.xml: malformed XML`,
      `${dir}/missing.txt: cannot read: no such file or directory`,
    ]);
  });
});

describe('countInputs', () => {
  it('counts JSONL lines (plain and gzipped), known files in directories, and gives up on URLs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attache-count-'));
    writeFileSync(join(dir, 'docs.jsonl.gz'), gzipSync(readFileSync(join(FIX, 'docs.jsonl'))));
    writeFileSync(join(dir, 'no-newline.jsonl'), '{"id": "a", "text": "x"}\n\n{"id": "b", "text": "y"}');
    // docs.jsonl: 6 non-empty lines of 7; dir: 2 texts (notes.bin skipped); article.html: 1.
    expect(await countInputs([join(FIX, 'docs.jsonl'), join(FIX, 'dir'), join(FIX, 'article.html')])).toBe(9);
    expect(await countInputs([dir])).toBe(8);
    expect(await countInputs([join(FIX, 'dir'), 'https://news.example.org/rss'])).toBeNull();
  });
});

describe('readInputs: URLs', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await serve((req, res) => {
      const send = (status: number, type: string, body: string | Buffer) => res.writeHead(status, { 'content-type': type }).end(body);
      switch (req.url) {
        case '/article': return send(200, 'text/html; charset=utf-8', fixture('article.html'));
        case '/feed': return send(200, 'application/rss+xml', fixture('feed.rss'));
        case '/atom-as-html': return send(200, 'text/html', fixture('feed.atom')); // a mislabelled feed
        case '/broken': return send(500, 'text/plain', 'boom');
        case '/huge': return send(200, 'text/plain', 'y'.repeat(100 * 1024));
        case '/latin1': return send(200, 'text/plain; charset=iso-8859-1', Buffer.from('Pyöngyang is the capital of the country.', 'latin1'));
        case '/bad-utf8': return send(200, 'text/plain', Buffer.from([0x61, 0xff, 0x62]));
        case '/silent': return; // never answers
        default: return send(404, 'text/plain', 'no');
      }
    });
  });
  afterAll(() => srv.close());

  it('tells pages from feeds by Content-Type and body', async () => {
    const evs = await collect([`${srv.url}/article`, `${srv.url}/feed`, `${srv.url}/atom-as-html`]);
    expect(failures(evs)).toEqual([]);
    const items = evs.flatMap((e) => (e.kind === 'item' ? [e.item] : []));
    expect(items.map((i) => i.rawType)).toEqual(['text/html', 'application/xml', 'application/xml', 'application/xml']);
    expect(items[0]).toMatchObject({ url: `${srv.url}/article`, date: '2025-05-09', language: 'en' });
  });
  it('decodes a declared charset', async () => {
    expect(texts(await collect([`${srv.url}/latin1`]))).toEqual(['Pyöngyang is the capital of the country.']);
  });
  it('fails on 500, size limit, invalid UTF-8, timeout and refused connections', async () => {
    const closed = await serve(() => undefined);
    await closed.close();
    const dead = `${closed.url}/feed`;
    const evs = await collect([`${srv.url}/broken`, `${srv.url}/huge`, `${srv.url}/bad-utf8`, `${srv.url}/silent`, dead]);
    expect(failures(evs)).toEqual([
      `${srv.url}/broken: HTTP 500 Internal Server Error`,
      `${srv.url}/huge: body above the size limit of 65536 bytes (--max-size)`,
      `${srv.url}/bad-utf8: not valid UTF-8`,
      `${srv.url}/silent: timeout after 1500 ms`,
      `${dead}: connection refused`,
    ]);
  });
});
