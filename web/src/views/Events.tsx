/** The event table: every filter of /api/events as a URL parameter; evidence with its actors, trigger and rule. */
import { paramsOf } from '../router';
import { FilterForm, Field, Select } from '../components/Form';
import { Evidence } from '../components/Evidence';
import { PageTable, type Column } from '../components/Table';
import { COUNTRY_PATTERN, DYAD_PATTERN, QUAD_LABELS, actorLabel } from '../format';
import type { EventRow } from '../types';

const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

export const EVENT_COLUMNS: Column<EventRow>[] = [
  { label: 'Date', render: (r) => r.event.date ?? r.doc.date ?? '—' },
  { label: 'Source → target', render: (r) => `${actorLabel(r.event.source)} → ${actorLabel(r.event.target)}` },
  {
    label: 'Event',
    render: (r) => (
      <span title={QUAD_LABELS[r.event.quad_class]}>
        <span class={`quad q${r.event.quad_class}`} aria-hidden="true" />
        {r.event.plover.event}
        {r.event.plover.mode ? `/${r.event.plover.mode}` : ''} · CAMEO {r.event.cameo}
        {r.event.modality !== 'asserted' ? ` · ${r.event.modality}` : ''}
      </span>
    ),
  },
  { label: 'Goldstein', num: true, render: (r) => r.event.goldstein.toFixed(1) },
  {
    label: 'Evidence and rule',
    render: (r) => <Evidence text={r.evidence} source={r.event.source.text} target={r.event.target?.text} rule={r.event.rule} />,
  },
  {
    label: 'Report',
    render: (r) => (
      <a href={`/documents/${r.doc.id}`} class="doc-link">
        {r.doc.title ?? `document ${r.doc.id}`}
      </a>
    ),
  },
];

export function Events({ url }: { url: URL }) {
  const params = paramsOf(url);
  return (
    <section>
      <h1>Events</h1>
      <FilterForm label="Filter events">
        <Field name="dyad" label="Dyad" value={params.dyad} placeholder="PRK-RUS" pattern={DYAD_PATTERN} title="two country codes, e.g. PRK-RUS" />
        <Field name="country" label="Country" value={params.country} placeholder="CHN" pattern={COUNTRY_PATTERN} title="a three-letter country code" />
        <Field name="actor" label="Actor" value={params.actor} placeholder="Lavrov" />
        <Select name="plover" label="Event type" value={params.plover} options={[['', 'any'], ...PLOVER.map((p): [string, string] => [p, p])]} />
        <Select name="quad" label="Quad class" value={params.quad} options={[['', 'any'], ...Object.entries(QUAD_LABELS)]} />
        <Field name="from" label="From" type="date" value={params.from} />
        <Field name="to" label="To" type="date" value={params.to} />
        <Field name="source" label="Outlet" value={params.source} placeholder="KCNA" />
        <Field name="q" label="Words in the report" type="search" value={params.q} />
        <Select name="order" label="Order" value={params.order ?? 'newest'} options={[['newest', 'newest first'], ['oldest', 'oldest first']]} />
        <label class="field check">
          <span>Only A → B</span>
          <input type="checkbox" name="directed" value="true" checked={params.directed === 'true'} />
        </label>
      </FilterForm>
      <PageTable caption="Events" path="events" params={{ order: 'newest', ...params }} columns={EVENT_COLUMNS} />
    </section>
  );
}
