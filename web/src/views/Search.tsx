/** Full-text search over the reports, best first; the snippet's matches are marked. */
import { paramsOf } from '../router';
import { FilterForm, Field } from '../components/Form';
import { PageTable } from '../components/Table';
import type { SearchHit } from '../types';

/** The store wraps matches in [ ]. */
function Snippet({ text }: { text: string }) {
  return <>{text.split(/(\[[^\]]*\])/).map((p) => (p.startsWith('[') && p.endsWith(']') ? <mark>{p.slice(1, -1)}</mark> : p))}</>;
}

export function Search({ url }: { url: URL }) {
  const params = paramsOf(url);
  return (
    <section>
      <h1>Search</h1>
      <FilterForm label="Search the reports">
        <Field name="q" label="Words" type="search" value={params.q} placeholder='condolences OR "Victory Day"' />
      </FilterForm>
      {params.q && (
        <PageTable<SearchHit>
          caption="Matching reports"
          path="search"
          params={params}
          columns={[
            { label: 'Date', render: (h) => h.date ?? '—' },
            { label: 'Outlet', render: (h) => h.source ?? '—' },
            { label: 'Report', render: (h) => <a href={`/documents/${h.documentId}`}>{h.title ?? `document ${h.documentId}`}</a> },
            { label: 'Snippet', render: (h) => <Snippet text={h.snippet} /> },
          ]}
        />
      )}
    </section>
  );
}
