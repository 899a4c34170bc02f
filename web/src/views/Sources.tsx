/**
 * Source health: per source (a feed, or an outlet ingested from files), documents, items per day, last
 * success (a file source's: its last ingest), failures and silence.
 */
import { paramsOf } from '../router';
import { PageTable } from '../components/Table';
import type { SourceHealth } from '../types';

const when = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 16) : '—');

/** As `attache sources` says it; a feed never polled was read once by ingest, and nobody watches it. */
function state(r: SourceHealth) {
  if (r.silentSince) return <strong class="bad">silent since {when(r.silentSince)}</strong>;
  if (r.lastError) return <span class="bad">{r.lastError}</span>;
  return r.source.kind === 'feed' && !r.lastPollAt ? 'not watched' : 'ok';
}

export function Sources({ url }: { url: URL }) {
  const params = paramsOf(url);
  return (
    <section>
      <h1>Source health</h1>
      <PageTable<SourceHealth>
        caption="Sources"
        path="sources"
        params={params}
        empty="No sources yet: ingest files or watch feeds first."
        columns={[
          { label: 'Source', render: (r) => r.source.name },
          { label: 'Kind', render: (r) => r.source.kind },
          { label: 'Documents', num: true, render: (r) => r.documents },
          { label: 'Items/day', num: true, render: (r) => r.itemsPerDay.toFixed(1) },
          { label: 'Last success', render: (r) => when(r.lastSuccessAt) },
          { label: 'Failures', num: true, render: (r) => (r.consecutiveFailures ? <strong class="bad">{r.consecutiveFailures}</strong> : 0) },
          { label: 'State', render: state },
          { label: 'Location', render: (r) => <span class="mono">{r.source.url}</span> },
        ]}
      />
    </section>
  );
}
