/** Alerts defined for the store (`attache alert add`), and one alert's current matches with their evidence. */
import { useApi } from '../api';
import { paramsOf } from '../router';
import { Status } from '../components/Status';
import { PageTable, Table } from '../components/Table';
import type { Page } from '../types';
import type { AlertMatch } from '../../../src/analysis/alerts';
import type { AlertRow } from '../../../src/server/routes/alerts';

function Matches({ name, params }: { name: string; params: Record<string, string> }) {
  const { name: _n, ...rest } = params;
  return (
    <PageTable<AlertMatch>
      caption={`Matches of ${name}`}
      path={`alerts/${encodeURIComponent(name)}`}
      params={params}
      query={rest}
      columns={[
        { label: 'Date', render: (m) => m.date ?? '—' },
        { label: 'Match', render: (m) => m.summary },
        { label: 'Evidence', render: (m) => (m.evidence ? <q>{m.evidence}</q> : '—') },
        { label: 'Report', render: (m) => (m.doc ? <a href={`/documents/${m.doc.id}`}>{m.doc.title ?? `document ${m.doc.id}`}</a> : '—') },
      ]}
    />
  );
}

export function Alerts({ url }: { url: URL }) {
  const params = paramsOf(url);
  const list = useApi<Page<AlertRow>>('alerts');
  return (
    <section>
      <h1>Alerts</h1>
      <Status state={list} />
      {list.data && (
        <Table
          caption="Alerts"
          rows={list.data.rows}
          download={{ path: 'alerts', params: {} }}
          empty="No alert is defined: add one with `attache alert add NAME --dyad A-B` (or --type, --marker, --missing-ritual)."
          columns={[
            { label: 'Name', render: (a) => <a href={`/alerts?name=${encodeURIComponent(a.name)}`}>{a.name}</a> },
            { label: 'Watches', render: (a) => a.query },
            { label: 'Delivered to', render: (a) => <span class="mono">{a.to}</span> },
            { label: 'Fired', num: true, render: (a) => a.fired },
          ]}
        />
      )}
      {params.name && <Matches name={params.name} params={params} />}
    </section>
  );
}
