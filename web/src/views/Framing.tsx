/**
 * Framing shifts between two countries: the marker profile of their signals' reports year by year (a bar
 * per marker), and for each year what was gained, lost, used more or less, and the phrases new that year.
 */
import { FilterForm, Field } from '../components/Form';
import { Table } from '../components/Table';
import { PairField, PairStatus, usePairReport } from '../components/Pair';
import type { FramingReport, FramingShift, MarkerProfile, YearProfile } from '../../../src/analysis/framing-shift';

function Profile({ year, max }: { year: YearProfile; max: number }) {
  return (
    <figure class="profile">
      <figcaption>
        <strong>{year.year}</strong> · {year.documents} report{year.documents === 1 ? '' : 's'}
      </figcaption>
      <svg width="100%" height={year.markers.length * 30} role="img" aria-label={`Markers in ${year.year} per report: ${year.markers.map((m) => `${m.marker} ${m.perDocument}`).join(', ')}`}>
        {year.markers.map((m, i) => (
          <g>
            <text x="0" y={i * 30 + 11} class="axis">
              {m.marker.replace(/_/g, ' ')}
            </text>
            <rect x="0" y={i * 30 + 15} width={`${(84 * m.perDocument) / max}%`} height="10" class="bar" />
            <text x="100%" y={i * 30 + 24} text-anchor="end" class="axis">
              {m.perDocument.toFixed(2)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

const list = (ms: MarkerProfile[]) => (ms.length ? ms.map((m) => `${m.marker} (${m.count})`).join(', ') : '—');

function Shift({ s }: { s: FramingShift }) {
  return (
    <article class="shift">
      <h3>
        {s.from} → {s.to}
      </h3>
      <p>
        <strong>Gained:</strong> <span class="good">{list(s.gained)}</span>
      </p>
      <p>
        <strong>Lost:</strong> <span class="bad">{list(s.lost)}</span>
      </p>
      <p>
        <strong>Changed per report:</strong> {s.changed.length ? s.changed.map((c) => `${c.marker} ${c.delta > 0 ? '+' : ''}${c.delta.toFixed(2)}`).join(', ') : '—'}
      </p>
      <p>
        <strong>New phrases:</strong> {s.newPhrases.length ? s.newPhrases.flatMap((p, i) => [i ? ', ' : '', <q class="phrase">{p.phrase}</q>]) : '—'}
      </p>
    </article>
  );
}

export function Framing({ url }: { url: URL }) {
  const { params, pair, rest, valid, state } = usePairReport<FramingReport>(url, 'framing');
  const r = state.data;
  const max = r ? Math.max(0.01, ...r.years.flatMap((y) => y.markers.map((m) => m.perDocument))) : 1;
  return (
    <section>
      <h1>Framing{valid ? ` ${valid}` : ''}</h1>
      <FilterForm label="Framing options">
        <PairField value={pair} />
        <Field name="occasion" label="Occasion" value={params.occasion} placeholder="Victory Day" />
      </FilterForm>
      <PairStatus view="framing" valid={valid} state={state} />
      {r && (
        <>
          {r.years.length === 0 && <p class="empty">No signal between these two countries{r.occasion ? ` for “${r.occasion}”` : ''}.</p>}
          <div class="profiles">
            {r.years.map((y) => (
              <Profile year={y} max={max} />
            ))}
          </div>
          <h2>What changed</h2>
          {r.shifts.map((s) => (
            <Shift s={s} />
          ))}
          <Table
            caption="Markers by year"
            rows={r.years.flatMap((y) => y.markers.map((m) => ({ ...m, year: y.year })))}
            download={{ path: `framing/${valid}`, params: rest }}
            columns={[
              { label: 'Year', render: (m) => m.year },
              { label: 'Marker', render: (m) => m.marker },
              { label: 'Reports', num: true, render: (m) => m.documents },
              { label: 'Count', num: true, render: (m) => m.count },
              { label: 'Per report', num: true, render: (m) => m.perDocument.toFixed(2) },
            ]}
          />
        </>
      )}
    </section>
  );
}
