import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Nav } from './components/Nav';
import { useLocation } from './router';
import { Overview } from './views/Overview';
import { Search } from './views/Search';
import { Events } from './views/Events';
import { DocumentView } from './views/Document';
import { Sources } from './views/Sources';
import { Dyads, DyadView, OpenDyad } from './views/Dyad';
import { Rituals } from './views/Rituals';
import { Framing } from './views/Framing';
import { Follow } from './views/Follow';
import { Network } from './views/Network';
import { Alerts } from './views/Alerts';
import './style.css';

type View = (props: { url: URL; match: string[] }) => preact.JSX.Element;

/** Path patterns and their views; the first match wins. */
const ROUTES: [RegExp, View, string][] = [
  [/^\/$/, Overview, 'Overview'],
  [/^\/search$/, Search, 'Search'],
  [/^\/events$/, Events, 'Events'],
  [/^\/documents\/(\d+)$/, DocumentView, 'Document'],
  [/^\/dyads$/, Dyads, 'Dyads'],
  [/^\/dyads\/open$/, OpenDyad, 'Dyads'],
  [/^\/dyads\/([A-Za-z]{3})-([A-Za-z]{3})$/, DyadView, 'Dyad'],
  [/^\/rituals$/, Rituals, 'Ritual calendar'],
  [/^\/framing$/, Framing, 'Framing'],
  [/^\/follow$/, Follow, 'Follow-through'],
  [/^\/network$/, Network, 'Network'],
  [/^\/sources$/, Sources, 'Source health'],
  [/^\/alerts$/, Alerts, 'Alerts'],
];

function App() {
  const url = useLocation();
  const hit = ROUTES.map(([re, view, title]) => [re.exec(url.pathname), view, title] as const).find(([m]) => m);
  const title = hit ? hit[2] : 'Not found';
  const first = useRef(true);
  useEffect(() => {
    document.title = `${title} · attaché`;
    // After an in-app navigation, move focus to the new view (as a page load would reset it).
    if (!first.current) document.getElementById('main')?.focus({ preventScroll: true });
    first.current = false;
  }, [url.pathname]);
  const View = hit?.[1];
  return (
    <>
      <Nav path={url.pathname} />
      <main id="main" tabIndex={-1}>
        {View ? (
          <View url={url} match={hit![0]!.slice(1)} />
        ) : (
          <section>
            <h1>Not found</h1>
            <p>
              No view at {url.pathname}. <a href="/">Go to the overview</a>.
            </p>
          </section>
        )}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
