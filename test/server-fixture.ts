/**
 * A small SQLite store for API tests: a handful of hand-written reports with their coding (events, signals,
 * markers), one of them saved twice with an edited text so it has two versions. Each event's and signal's
 * span is found in the text, so evidence slices are real.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open.js';
import { contentHash, simhash } from '../src/store/fingerprint.js';
import type { Store } from '../src/store/store.js';
import type { ActorRef, CodedDocument, CodedEvent, PloverEvent, Signal, SignalKind } from '../src/types.js';

const actor = (code: string, name: string): ActorRef => ({ text: name, name, country: code.slice(0, 3), sector: code.slice(3) || null, code });
const ACTORS = {
  PRK: actor('PRKGOV', 'Kim Jong Un'),
  RUS: actor('RUSGOV', 'Vladimir Putin'),
  CHN: actor('CHNGOV', 'Xi Jinping'),
  USA: actor('USAMIL', 'US forces'),
};
type Who = keyof typeof ACTORS;

export interface FixtureDoc {
  id: string;
  date: string;
  source: string;
  title: string;
  text: string;
  events: { src: Who; tgt: Who; plover: PloverEvent; cameo: string; goldstein: number; quad: 1 | 2 | 3 | 4; evidence: string }[];
  signals: { from: Who; to: Who; kind: SignalKind; occasion: string; evidence: string }[];
  markers: string[];
}

export const FIXTURE_DOCS: FixtureDoc[] = [
  {
    id: 'fx-1', date: '2024-05-09', source: 'KCNA', title: 'Message to Putin on Victory Day',
    text: 'Kim Jong Un sent a congratulatory message to Vladimir Putin on Victory Day. The message stressed the friendship between the two countries.',
    events: [{ src: 'PRK', tgt: 'RUS', plover: 'SUPPORT', cameo: '051', goldstein: 3.4, quad: 1, evidence: 'Kim Jong Un sent a congratulatory message to Vladimir Putin on Victory Day.' }],
    signals: [{ from: 'PRK', to: 'RUS', kind: 'congratulations', occasion: 'Victory Day', evidence: 'Kim Jong Un sent a congratulatory message to Vladimir Putin on Victory Day.' }],
    markers: ['friendship'],
  },
  {
    id: 'fx-2', date: '2024-06-19', source: 'TASS', title: 'Putin visits Pyongyang',
    text: 'Vladimir Putin arrived in Pyongyang for talks with Kim Jong Un. The two leaders signed a treaty on comprehensive strategic partnership.',
    events: [
      { src: 'RUS', tgt: 'PRK', plover: 'CONSULT', cameo: '042', goldstein: 1.9, quad: 1, evidence: 'Vladimir Putin arrived in Pyongyang for talks with Kim Jong Un.' },
      { src: 'PRK', tgt: 'RUS', plover: 'AGREE', cameo: '057', goldstein: 8, quad: 1, evidence: 'The two leaders signed a treaty on comprehensive strategic partnership.' },
    ],
    signals: [],
    markers: ['partnership'],
  },
  {
    id: 'fx-3', date: '2024-08-20', source: 'KCNA', title: 'KCNA denounces drills',
    text: 'Kim Jong Un denounced the joint drills of US forces as a provocation. He warned of a resolute response.',
    events: [
      { src: 'PRK', tgt: 'USA', plover: 'ACCUSE', cameo: '112', goldstein: -2, quad: 3, evidence: 'Kim Jong Un denounced the joint drills of US forces as a provocation.' },
      { src: 'PRK', tgt: 'USA', plover: 'THREATEN', cameo: '138', goldstein: -7, quad: 3, evidence: 'He warned of a resolute response.' },
    ],
    signals: [],
    markers: [],
  },
  {
    id: 'fx-4', date: '2024-10-01', source: 'KCNA', title: 'Message to Xi on National Day',
    text: 'Kim Jong Un sent a message of greetings to Xi Jinping on the 75th anniversary of the founding of the People\'s Republic of China.',
    events: [{ src: 'PRK', tgt: 'CHN', plover: 'SUPPORT', cameo: '051', goldstein: 3.4, quad: 1, evidence: 'Kim Jong Un sent a message of greetings to Xi Jinping' }],
    signals: [{ from: 'PRK', to: 'CHN', kind: 'greetings', occasion: "75th anniversary of the founding of the People's Republic of China", evidence: 'Kim Jong Un sent a message of greetings to Xi Jinping' }],
    markers: ['friendship'],
  },
];

/** The text fx-1 gets in its second version. */
export const FX1_EDITED = FIXTURE_DOCS[0].text.replace('the friendship between the two countries', 'the comradeship-in-arms between the two countries');

function coded(d: FixtureDoc, text: string): CodedDocument {
  const span = (s: string): [number, number] => {
    const at = text.indexOf(s);
    if (at < 0) throw new Error(`fixture ${d.id}: evidence not in text: ${s}`);
    return [at, at + s.length];
  };
  const events: CodedEvent[] = d.events.map((e) => ({
    sentence: 0, span: span(e.evidence), source: ACTORS[e.src], target: ACTORS[e.tgt],
    plover: { event: e.plover, mode: null, context: ['diplomatic'] }, cameo: e.cameo, goldstein: e.goldstein, quad_class: e.quad,
    modality: 'asserted', date: d.date, attribution: null, rule: `trigger 'fixture' (test/server-fixture.ts:${e.cameo})`,
  }));
  const party = (w: Who) => ({ name: ACTORS[w].name, role: null, country: ACTORS[w].country, org: null });
  const signals: Signal[] = d.signals.map((s) => ({
    kind: s.kind, channel: 'message', sender: party(s.from), recipient: party(s.to), on_behalf_of: null, occasion: s.occasion,
    occasion_type: 'anniversary', date: d.date, span: span(s.evidence), rule: 'signal fixture',
  }));
  const markers = d.markers.flatMap((m) => {
    const at = text.indexOf(m);
    return at < 0 ? [] : [{ marker: m, count: 1, spans: [[at, at + m.length]] as [number, number][] }];
  });
  return { id: d.id, date: d.date, source: d.source, language: 'en', title: d.title, events, signals, markers, domains: ['political'], tone: 1 };
}

export async function saveFixture(store: Store, d: FixtureDoc, text = d.text): Promise<void> {
  await store.saveDocument(
    {
      source: d.source, externalId: d.id, title: d.title, date: d.date, language: 'en', text, raw: text, rawType: 'text/plain',
      url: `https://example.invalid/${d.id}`, contentHash: contentHash(text), simhash: simhash(text),
    },
    coded(d, text),
  );
}

export interface FixtureStore {
  store: Store;
  dir: string;
  close(): Promise<void>;
}

/** A fresh store in a temp dir holding FIXTURE_DOCS, fx-1 with two versions. */
export async function fixtureStore(): Promise<FixtureStore> {
  const dir = mkdtempSync(join(tmpdir(), 'attache-api-'));
  const store = await openStore(join(dir, 'fixture.db'));
  for (const d of FIXTURE_DOCS) await saveFixture(store, d);
  await saveFixture(store, FIXTURE_DOCS[0], FX1_EDITED);
  return {
    store,
    dir,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
