/** The landing view: what the store holds and where to look first. */
import { useApi } from '../api';
import { Status } from '../components/Status';
import { FilterForm, Field } from '../components/Form';
import { DYAD_PATTERN } from '../format';
import type { StoreStats } from '../types';

export function Overview() {
  const stats = useApi<StoreStats>('stats');
  const s = stats.data;
  return (
    <section>
      <h1>Diplomatic signals observatory</h1>
      <Status state={stats} />
      {s && (
        <dl class="stats">
          {(
            [
              ['Documents', s.documents],
              ['Events', s.events],
              ['Signals', s.signals],
              ['Stories', s.stories],
              ['Sources', s.sources],
            ] as const
          ).map(([k, v]) => (
            <div>
              <dt>{k}</dt>
              <dd>{v.toLocaleString('en')}</dd>
            </div>
          ))}
        </dl>
      )}
      <div class="cards">
        <div class="card">
          <h2>Search the reports</h2>
          <FilterForm label="Search" action="/search">
            <Field name="q" label="Words" type="search" placeholder="Victory Day" />
          </FilterForm>
        </div>
        <div class="card">
          <h2>Open a dyad</h2>
          <FilterForm label="Dyad" action="/dyads/open">
            <Field name="pair" label="Countries (A-B)" placeholder="PRK-RUS" pattern={DYAD_PATTERN} title="two country codes joined by a hyphen, e.g. PRK-RUS" />
          </FilterForm>
        </div>
      </div>
      <h2>Where to look</h2>
      <ul class="links">
        <li>
          <a href="/dyads/PRK-RUS?by=month">DPRK–Russia</a> and <a href="/dyads/PRK-CHN?by=month">DPRK–China</a>: the timeline by quad class and Goldstein, and the events behind it
        </li>
        <li>
          <a href="/rituals">Ritual calendar</a>: which yearly messages came, which came late, which are missing
        </li>
        <li>
          <a href="/framing?pair=PRK-RUS">Framing</a>: how the words of the messages changed year by year
        </li>
        <li>
          <a href="/follow?pair=PRK-RUS">Follow-through</a>: which commitments were followed by deeds
        </li>
        <li>
          <a href="/network">Actor network</a> and <a href="/sources">source health</a>
        </li>
      </ul>
    </section>
  );
}
