/**
 * The follow-through board: per domain, how many commitments between two countries were followed by deeds,
 * how fast, and which are still unfulfilled or open — each card with both evidences.
 */
import { qs } from '../router';
import { FilterForm, Field } from '../components/Form';
import { Table } from '../components/Table';
import { Evidence } from '../components/Evidence';
import { PairField, PairStatus, usePairReport } from '../components/Pair';
import type { FollowEvent, FollowLink, FollowReport } from '../../../src/analysis/follow-through';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

function EventCite({ e, what }: { e: FollowEvent; what: string }) {
  return (
    <div class="cite">
      <div>
        <strong>{what}</strong> {e.date} · {e.source}→{e.target} · {e.plover} {e.cameo} · <a href={`/documents/${e.doc.id}`}>{e.doc.title ?? `document ${e.doc.id}`}</a>
      </div>
      <Evidence text={e.evidence} rule={e.rule} />
    </div>
  );
}

const STATES: [FollowLink['state'], string][] = [
  ['fulfilled', 'Followed by a deed'],
  ['open', 'Open (horizon not yet passed)'],
  ['unfulfilled', 'Unfulfilled'],
];

export function Follow({ url }: { url: URL }) {
  const { params, pair, rest, valid, state } = usePairReport<FollowReport>(url, 'follow');
  const r = state.data;
  return (
    <section>
      <h1>Follow-through{valid ? ` ${valid}` : ''}</h1>
      <FilterForm label="Follow-through options">
        <PairField value={pair} />
        <Field name="horizon" label="Horizon (days)" type="number" value={params.horizon} placeholder="180" />
        <Field name="from" label="Commitments from" type="date" value={params.from} />
        <Field name="to" label="Commitments to" type="date" value={params.to} />
      </FilterForm>
      <PairStatus view="follow" valid={valid} state={state} />
      {r && (
        <>
          <Table
            caption="Domains"
            rows={r.domains}
            download={{ path: `follow/${valid}`, params: rest }}
            empty="No commitment between these two countries."
            columns={[
              { label: 'Domain', render: (d) => d.domain },
              { label: 'Commitments', num: true, render: (d) => d.commitments },
              { label: 'Fulfilled', num: true, render: (d) => d.fulfilled },
              { label: 'Unfulfilled', num: true, render: (d) => d.unfulfilled },
              { label: 'Open', num: true, render: (d) => d.open },
              { label: 'Conversion', num: true, render: (d) => pct(d.rate) },
              { label: 'Lag days (min / median / max)', num: true, render: (d) => (d.lag ? `${d.lag.min} / ${d.lag.median} / ${d.lag.max}` : '—') },
            ]}
          />
          <div class="board">
            {STATES.map(([s, title]) => {
              const links = r.links.filter((l) => l.state === s);
              return (
                <section class={`column ${s}`} aria-label={title}>
                  <h2>
                    {title} ({links.length})
                  </h2>
                  {links.map((l) => (
                    <article class="card">
                      <p class="tag">
                        {l.domain}
                        {l.lag !== null ? ` · ${l.lag} days` : ''}
                      </p>
                      <EventCite e={l.commitment} what="Commitment" />
                      {l.deed && <EventCite e={l.deed} what="Deed" />}
                    </article>
                  ))}
                </section>
              );
            })}
          </div>
          <p>
            <a href={`/dyads/${valid}${qs({ by: 'month' })}`}>The dyad's timeline</a>
          </p>
        </>
      )}
    </section>
  );
}
