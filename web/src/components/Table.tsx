/**
 * A table of API rows: caption, a download link to the same query as CSV, and previous/next pages that move
 * `offset` in the URL (so a page is a URL too). PageTable fetches the page of a table route itself.
 */
import type { ComponentChildren } from 'preact';
import { Download } from './Download';
import { Status } from './Status';
import { useApi } from '../api';
import { qs } from '../router';
import type { Page } from '../types';

export interface Column<T> {
  label: string;
  render: (row: T) => ComponentChildren;
  /** Numeric columns are right-aligned. */
  num?: boolean;
}

interface Props<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  /** API path and params of the table, for the CSV download. */
  download?: { path: string; params: Record<string, string | undefined> };
  /** The page, when the rows came from a table route. */
  page?: Page<T>;
  /** The current view's params, to build the page links from. */
  params?: Record<string, string>;
  empty?: string;
}

export function Table<T>({ caption, columns, rows, download, page, params, empty }: Props<T>) {
  const pageHref = (offset: number) => location.pathname + qs({ ...params, offset: offset || undefined });
  return (
    <div class="table-block">
      <div class="table-head">
        <h2 class="caption">{caption}</h2>
        {download && <Download path={download.path} params={download.params} label={`Download ${caption.toLowerCase()} as CSV`} />}
      </div>
      {rows.length === 0 ? (
        <p class="empty">{empty ?? 'Nothing matches.'}</p>
      ) : (
        <div class="scroll" tabIndex={0} role="region" aria-label={caption}>
          <table>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th scope="col" class={c.num ? 'num' : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  {columns.map((c) => (
                    <td class={c.num ? 'num' : undefined} data-label={c.label}>
                      {c.render(r)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && (page.offset > 0 || page.next !== null) && (
        <nav class="pager" aria-label={`${caption} pages`}>
          {page.offset > 0 ? <a href={pageHref(Math.max(0, page.offset - page.limit))}>← Previous</a> : <span />}
          <span>
            rows {page.offset + 1}–{page.offset + page.rows.length}
            {page.total !== null ? ` of ${page.total}` : ''}
          </span>
          {page.next !== null ? <a href={pageHref(page.next)}>Next →</a> : <span />}
        </nav>
      )}
    </div>
  );
}

/**
 * The page of the table route `path` asked with `query` (default: the view's `params`), with its loading and
 * error states; the page links keep the view's params, the download asks for the same query.
 */
export function PageTable<T>({ path, params, query = params, ...table }: Omit<Props<T>, 'rows' | 'page' | 'download' | 'params'> & { path: string; params: Record<string, string>; query?: Record<string, string> }) {
  const state = useApi<Page<T>>(path, query);
  return (
    <>
      <Status state={state} />
      {state.data && <Table {...table} rows={state.data.rows} page={state.data} params={params} download={{ path, params: query }} />}
    </>
  );
}
