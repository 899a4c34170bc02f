/** /api/search: full-text search over documents' title and text, best first. */
import { z } from 'zod';
import type { Api } from '../api.js';
import type { ServerDeps } from '../deps.js';
import type { SearchHit } from '../../store/store.js';
import { DEFAULT_LIMIT, format, page } from '../params.js';
import { respondTable, sliceRows, type Table } from '../tables.js';

const searchQuery = z
  .object({ q: z.string().trim().min(1, 'give words to search for').max(500).describe('FTS5 query: words, "phrases", OR, NOT, prefix*'), ...page, format })
  .strict();

const searchTable: Table<SearchHit> = {
  name: 'search',
  columns: [
    ['document_id', (r) => r.documentId],
    ['date', (r) => r.date],
    ['outlet', (r) => r.source],
    ['title', (r) => r.title],
    ['snippet', (r) => r.snippet],
    ['rank', (r) => r.rank],
    ['url', (r) => r.url],
  ],
};

/** The most hits one search returns (search ranks, so it cannot stream). */
const MAX_HITS = 1000;

export function register(api: Api, { store }: ServerDeps): void {
  api.get(
    { path: '/api/search', tag: 'documents', summary: 'Full-text search, best first, with snippets', query: searchQuery, downloads: true },
    async (c, q) => {
      const want = q.format === 'json' ? q.offset + (q.limit ?? DEFAULT_LIMIT) + 1 : Math.min(MAX_HITS, q.offset + (q.limit ?? MAX_HITS));
      const hits = await store.search(q.q, Math.min(want, MAX_HITS + 1));
      return respondTable(c, searchTable, q, sliceRows(hits));
    },
  );
}
