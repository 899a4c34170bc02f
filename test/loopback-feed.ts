/** A loopback RSS feed for the watch tests: the test changes its entries and ETag between polls. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TestServer } from './fixtures/sources/serve.js';

export interface Entry {
  guid: string;
  title: string;
  text: string;
}

/** A loopback feed whose entries and ETag the test changes between polls; it answers 304 to its current ETag. */
export class LoopbackFeed {
  etag = '"v1"';
  constructor(
    private readonly srv: TestServer,
    public entries: Entry[],
  ) {
    srv.handler = (req, res) => this.answer(req, res);
  }
  get url(): string {
    return `${this.srv.url}/feed`;
  }
  private answer(req: IncomingMessage, res: ServerResponse): void {
    if (req.url !== '/feed') return void res.writeHead(404).end();
    if (req.headers['if-none-match'] === this.etag) return void res.writeHead(304, { etag: this.etag }).end();
    const base = this.srv.url;
    const items = this.entries.map(
      (e) => `<item><title>${e.title}</title><link>${base}/story/${e.guid}</link><guid>${base}/story/${e.guid}</guid>
<pubDate>Mon, 12 Dec 2011 09:00:00 +0900</pubDate><description>${e.text}</description></item>`,
    );
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: this.etag }).end(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Loopback Times</title><link>${base}/</link><description>test</description>
${items.join('\n')}
</channel></rss>`);
  }
}
