/** /api/documents (list, pages and downloads) and /api/documents/:id (text, coding, versions and their diff). */
import { z } from 'zod';
import { HTTPException } from 'hono/http-exception';
import type { Api } from '../api.js';
import type { ServerDeps } from '../deps.js';
import type { DocumentSummary } from '../../store/store.js';
import { diffWords } from '../diff.js';
import { context, flag, format, page } from '../params.js';
import { respondTable, type Table } from '../tables.js';

const documentsQuery = z
  .object({
    language: z.string().regex(/^[a-z]{2,3}$/, 'expected a language code such as en').optional(),
    missing: flag.optional().describe('only documents gone from their feed (true) or only present ones (false)'),
    ...context,
    ...page,
    format,
  })
  .strict();

const version = z.coerce.number().int().min(1);
const documentQuery = z
  .object({
    from: version.optional().describe('diff from this version (default: the one before `to`)'),
    to: version.optional().describe('diff to this version (default: the latest)'),
  })
  .strict();
const documentParams = z.object({ id: z.coerce.number().int().min(1).describe('document id') });

const documentsTable: Table<DocumentSummary> = {
  name: 'documents',
  columns: [
    ['id', (r) => r.id],
    ['date', (r) => r.date],
    ['outlet', (r) => r.source],
    ['title', (r) => r.title],
    ['language', (r) => r.language],
    ['version', (r) => r.version],
    ['tone', (r) => r.tone],
    ['domains', (r) => r.domains.join(' ')],
    ['story_id', (r) => r.storyId],
    ['missing_since', (r) => r.missingSince],
    ['url', (r) => r.url],
  ],
};

export function register(api: Api, { store }: ServerDeps): void {
  api.get(
    { path: '/api/documents', tag: 'documents', summary: 'Documents in the store', query: documentsQuery, downloads: true },
    (c, q) =>
      respondTable(c, documentsTable, q, (limit, offset) =>
        store.documents({ language: q.language, missing: q.missing, source: q.source, from: q.from, to: q.to, q: q.q, limit, offset }),
      ),
  );
  api.get(
    {
      path: '/api/documents/:id',
      tag: 'documents',
      summary: 'One document: text, current coding, story, every version and the word diff between two versions',
      params: documentParams,
      query: documentQuery,
    },
    async (c, q, p) => {
      const doc = await store.getDocument(p.id);
      if (!doc) throw new HTTPException(404, { message: `no document with id ${p.id}` });
      const history = (await store.history(p.id)).find((h) => h.document.id === p.id);
      const versions = history?.versions ?? [];
      const latest = versions.length ? versions[versions.length - 1].version : doc.version;
      const to = q.to ?? latest;
      const from = q.from ?? to - 1;
      const byNumber = new Map(versions.map((v) => [v.version, v]));
      for (const [name, n] of [['from', q.from], ['to', q.to]] as const) {
        if (n !== undefined && !byNumber.has(n)) {
          const known = [...byNumber.keys()].join(', ') || 'none';
          throw new HTTPException(400, { message: `bad query parameter '${name}': document ${p.id} has versions ${known}, not ${n}` });
        }
      }
      const a = byNumber.get(from);
      const b = byNumber.get(to);
      return c.json({
        ...doc,
        versions: versions.map(({ raw: _raw, text, ...v }) => ({ ...v, length: text.length })),
        diff: a && b ? { from, to, parts: diffWords(a.text, b.text) } : null,
      });
    },
  );
}
