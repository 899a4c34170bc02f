/**
 * A synthetic coded history for the analysis tests, 2020–2023, with known answers:
 *  - rituals: PRK→CHN National Day congratulations (30 Sep 2020, 1 Oct 2021, 1 Oct 2022; 3 Oct 2023, on time
 *    +2 days, sender changed from Kim Jong Il to Kim Jong Un); PRK→RUS Russia Day congratulations (2020–2022,
 *    MISSING in 2023); CHN→PRK New Year greetings (1 Jan 2020, 30 Dec 2020 for 2021, 1 Jan 2022;
 *    20 Jan 2023, late +19); PRK→LAO National Day (2022 only: no ritual); PRK→RUS condolences on a
 *    disaster, twice in March 2023 (first-time);
 *  - framing: the PRK–CHN signal documents drop "peace" and gain "sovereignty" in 2023, and 2023 brings the
 *    phrases "strategic communication" and "new era";
 *  - follow-through (PRK–CHN): an economic commitment followed after 45 days, a cultural one after 90, a
 *    security one whose deed comes after 234 days (beyond a 180-day horizon), a general one never followed.
 * `codedHistory()` gives CodedDocuments with texts (for saving into a store), `historyRows()` the rows a store
 * returns for them (for the pure functions).
 */
import type { CodedDocument, CodedEvent, MarkerHit, Modality, OccasionType, PloverEvent, Signal, SignalKind } from '../src/types.js';
import type { DocRef, EventRow, MarkerRow, SignalRow, Store } from '../src/store/store.js';
import { contentHash, simhash } from '../src/store/fingerprint.js';

const NAMES: Record<string, string> = { PRK: 'North Korea', CHN: 'China', RUS: 'Russia', LAO: 'Laos', USA: 'United States' };

interface SynthEvent {
  src: string;
  tgt: string;
  plover: PloverEvent;
  cameo: string;
  goldstein: number;
  quad: 1 | 2 | 3 | 4;
  evidence: string;
  modality?: Modality;
  context?: string[];
}

interface SynthSignal {
  kind: SignalKind;
  sender: [string, string];
  recipient: [string, string];
  occasion: string | null;
  type: OccasionType;
  evidence: string;
}

interface SynthDoc {
  id: string;
  date: string;
  text: string;
  events?: SynthEvent[];
  signals?: SynthSignal[];
  markers?: Record<string, number>;
  domains?: string[];
  tone?: number;
}

const congratulate = (date: string, senderName: string, recipientCountry: string, recipientName: string, occasion: string, extra: string, markers: Record<string, number>, tone = 3): SynthDoc => {
  const evidence = `${senderName} sent a congratulatory message to ${recipientName} on the ${occasion}.`;
  return {
    id: `msg-${recipientCountry.toLowerCase()}-${date}`,
    date,
    text: `${evidence} ${extra}`,
    signals: [{ kind: 'congratulations', sender: ['PRK', senderName], recipient: [recipientCountry, recipientName], occasion, type: 'national_day', evidence }],
    markers,
    tone,
  };
};

const newYear = (date: string, recipientName: string, extra: string, markers: Record<string, number>): SynthDoc => {
  const evidence = `Xi Jinping sent New Year greetings to ${recipientName}.`;
  return {
    id: `ny-${date}`,
    date,
    text: `${evidence} ${extra}`,
    signals: [{ kind: 'greetings', sender: ['CHN', 'Xi Jinping'], recipient: ['PRK', recipientName], occasion: 'New Year', type: 'new_year', evidence }],
    markers,
    tone: 2,
  };
};

const event = (id: string, date: string, e: SynthEvent, domains: string[], tone: number): SynthDoc => ({
  id,
  date,
  text: `${e.evidence} The report gave no further detail.`,
  events: [e],
  domains,
  tone,
});

const CHINA_DAY = 'National Day of the People\'s Republic of China';
const FRIENDS = 'The message wished the traditional friendship between the two countries greater success.';

/** The synthetic documents, oldest first. */
export function synthDocs(): SynthDoc[] {
  return [
    newYear('2020-01-01', 'Kim Jong Il', FRIENDS, { friendship: 1 }),
    congratulate('2020-06-12', 'Kim Jong Il', 'RUS', 'Vladimir Putin', 'Russia Day', 'It wished Russia prosperity.', { friendship: 1 }),
    congratulate('2020-09-30', 'Kim Jong Il', 'CHN', 'Xi Jinping', CHINA_DAY, `${FRIENDS} It hoped for peace in the region.`, { friendship: 2, peace: 1 }),
    newYear('2020-12-30', 'Kim Jong Il', FRIENDS, { friendship: 1 }),
    congratulate('2021-06-11', 'Kim Jong Il', 'RUS', 'Vladimir Putin', 'Russia Day', 'It wished Russia prosperity.', { friendship: 1 }),
    congratulate('2021-10-01', 'Kim Jong Il', 'CHN', 'Xi Jinping', CHINA_DAY, `${FRIENDS} It hoped for peace and lasting peace.`, { friendship: 2, peace: 2 }),
    newYear('2022-01-01', 'Kim Jong Il', `${FRIENDS} It wished peace.`, { friendship: 1, peace: 1 }),
    event('ev-2022-03-01', '2022-03-01', { src: 'PRK', tgt: 'CHN', plover: 'AGREE', cameo: '031', goldstein: 5.2, quad: 1, evidence: 'North Korea pledged to expand trade with China.' }, ['economic'], 2),
    event('ev-2022-04-15', '2022-04-15', { src: 'CHN', tgt: 'PRK', plover: 'COOPERATE', cameo: '061', goldstein: 6.4, quad: 2, evidence: 'China opened a new trade route with North Korea.', context: ['economic'] }, ['economic'], 4),
    event('ev-2022-06-01', '2022-06-01', { src: 'CHN', tgt: 'PRK', plover: 'AGREE', cameo: '036', goldstein: 4.0, quad: 1, evidence: 'China agreed to hold cultural talks with North Korea.' }, ['cultural'], 1),
    congratulate('2022-06-12', 'Kim Jong Il', 'RUS', 'Vladimir Putin', 'Russia Day', 'It wished Russia prosperity.', { friendship: 1 }),
    event('ev-2022-08-30', '2022-08-30', { src: 'PRK', tgt: 'CHN', plover: 'CONSULT', cameo: '042', goldstein: 1.9, quad: 1, evidence: 'A North Korean art troupe visited China.' }, ['cultural'], 3),
    congratulate('2022-10-01', 'Kim Jong Il', 'CHN', 'Xi Jinping', CHINA_DAY, `${FRIENDS} The traditional friendship was praised again.`, { friendship: 3 }),
    congratulate('2022-12-02', 'Kim Jong Il', 'LAO', 'Thongloun Sisoulith', 'National Day of Laos', 'It wished Laos prosperity.', { friendship: 1 }),
    event('ev-2023-01-10', '2023-01-10', { src: 'PRK', tgt: 'CHN', plover: 'AGREE', cameo: '032', goldstein: 4.5, quad: 1, evidence: 'North Korea promised China closer defence ties.', context: ['diplomatic'] }, ['security'], -1),
    newYear('2023-01-20', 'Kim Jong Un', 'The message called for close strategic communication in a new era and respect for sovereignty.', { friendship: 1, sovereignty: 1 }),
    event('ev-2023-02-01', '2023-02-01', { src: 'CHN', tgt: 'PRK', plover: 'ACCUSE', cameo: '112', goldstein: -2.0, quad: 3, evidence: 'China criticised North Korea over a border incident.' }, [], -5),
    {
      id: 'cond-2023-03-10',
      date: '2023-03-10',
      text: 'Kim Jong Un sent a message of condolence to Vladimir Putin over the floods.',
      signals: [{ kind: 'condolences', sender: ['PRK', 'Kim Jong Un'], recipient: ['RUS', 'Vladimir Putin'], occasion: 'floods', type: 'disaster', evidence: 'Kim Jong Un sent a message of condolence to Vladimir Putin over the floods.' }],
      tone: -2,
    },
    {
      id: 'cond-2023-03-11',
      date: '2023-03-11',
      text: 'The condolence message of Kim Jong Un to Vladimir Putin was read out.',
      signals: [{ kind: 'condolences', sender: ['PRK', 'Kim Jong Un'], recipient: ['RUS', 'Vladimir Putin'], occasion: 'floods', type: 'disaster', evidence: 'The condolence message of Kim Jong Un to Vladimir Putin was read out.' }],
      tone: -1,
    },
    event('ev-2023-05-05', '2023-05-05', { src: 'PRK', tgt: 'CHN', plover: 'AGREE', cameo: '031', goldstein: 5.2, quad: 1, evidence: 'North Korea did not agree to new trade terms with China.', modality: 'negated' }, ['economic'], 0),
    event('ev-2023-06-20', '2023-06-20', { src: 'RUS', tgt: 'PRK', plover: 'AID', cameo: '071', goldstein: 7.4, quad: 2, evidence: 'Russia shipped wheat to North Korea.', context: ['economic'] }, ['economic', 'humanitarian'], 2),
    event('ev-2023-07-01', '2023-07-01', { src: 'USA', tgt: 'PRK', plover: 'SANCTION', cameo: '163', goldstein: -8.0, quad: 4, evidence: 'The United States imposed sanctions on North Korea.' }, ['economic'], -4),
    event('ev-2023-07-02', '2023-07-02', { src: 'PRK', tgt: 'USA', plover: 'ACCUSE', cameo: '112', goldstein: -2.0, quad: 3, evidence: 'North Korea denounced the United States.' }, [], -6),
    event('ev-2023-09-01', '2023-09-01', { src: 'CHN', tgt: 'PRK', plover: 'COOPERATE', cameo: '062', goldstein: 7.4, quad: 2, evidence: 'Chinese and North Korean navies held a joint drill.', context: ['military'] }, ['security'], 1),
    {
      ...congratulate('2023-10-03', 'Kim Jong Un', 'CHN', 'Xi Jinping', CHINA_DAY, 'It called for close strategic communication in a new era and respect for sovereignty and sovereignty.', { friendship: 2, sovereignty: 3 }),
      events: [{ src: 'PRK', tgt: 'CHN', plover: 'SUPPORT', cameo: '051', goldstein: 3.4, quad: 1, evidence: 'Kim Jong Un sent a congratulatory message to Xi Jinping' }],
    },
    congratulate('2023-12-02', 'Kim Jong Un', 'LAO', 'Thongloun Sisoulith', 'National Day of Laos', 'It wished Laos prosperity.', { friendship: 1 }),
  ];
}

const actor = (country: string) => ({ text: NAMES[country], name: NAMES[country], country, sector: 'GOV', code: `${country}GOV` });

function spanOf(text: string, evidence: string, id: string): [number, number] {
  const at = text.indexOf(evidence);
  if (at < 0) throw new Error(`synthetic document ${id}: evidence "${evidence}" is not in its text`);
  return [at, at + evidence.length];
}

/** The synthetic history as coded documents with their texts (what `attache code` would give). */
export function codedHistory(): { text: string; coded: CodedDocument }[] {
  return synthDocs().map((d) => {
    const events: CodedEvent[] = (d.events ?? []).map((e) => ({
      sentence: 0,
      span: spanOf(d.text, e.evidence, d.id),
      source: actor(e.src),
      target: actor(e.tgt),
      plover: { event: e.plover, mode: null, context: e.context ?? [] },
      cameo: e.cameo,
      goldstein: e.goldstein,
      quad_class: e.quad,
      modality: e.modality ?? 'asserted',
      date: d.date,
      attribution: null,
      rule: `synthetic trigger ${e.cameo}`,
    }));
    const signals: Signal[] = (d.signals ?? []).map((s) => ({
      kind: s.kind,
      channel: 'message',
      sender: { name: s.sender[1], role: null, country: s.sender[0], org: null },
      recipient: { name: s.recipient[1], role: null, country: s.recipient[0], org: null },
      on_behalf_of: null,
      occasion: s.occasion,
      occasion_type: s.type,
      date: d.date,
      span: spanOf(d.text, s.evidence, d.id),
      rule: `synthetic signal ${s.kind}`,
    }));
    const markers: MarkerHit[] = Object.entries(d.markers ?? {}).map(([marker, count]) => ({ marker, count, spans: [] }));
    const coded: CodedDocument = {
      id: d.id, date: d.date, source: 'KCNA', language: 'en', title: d.id, url: `https://example.org/${d.id}`,
      events, signals, markers, domains: d.domains ?? [], tone: d.tone ?? 0,
    };
    return { text: d.text, coded };
  });
}

/** The rows a store holds for the synthetic history: documents numbered 1… in date order. */
export function historyRows(): {
  events: EventRow[];
  signals: SignalRow[];
  markers: MarkerRow[];
  texts: Map<number, string>;
  domains: Map<number, string[]>;
} {
  const events: EventRow[] = [];
  const signals: SignalRow[] = [];
  const markers: MarkerRow[] = [];
  const texts = new Map<number, string>();
  const domains = new Map<number, string[]>();
  codedHistory().forEach(({ text, coded }, i) => {
    const doc: DocRef = { id: i + 1, url: coded.url ?? null, source: coded.source, date: coded.date, title: coded.title ?? null, language: 'en', tone: coded.tone };
    texts.set(doc.id, text);
    domains.set(doc.id, coded.domains);
    const story = { id: doc.id, mentions: 1, sources: 1, firstSeenAt: `${coded.date}T00:00:00Z` };
    for (const e of coded.events) events.push({ id: events.length + 1, doc, story, evidence: text.slice(e.span[0], e.span[1]), event: e });
    for (const s of coded.signals) signals.push({ id: signals.length + 1, doc, evidence: text.slice(s.span[0], s.span[1]), signal: s });
    for (const m of coded.markers) markers.push({ doc, marker: m });
  });
  return { events, signals, markers, texts, domains };
}

/** Save the synthetic history into a store, oldest first (store ids then follow historyRows' numbering). */
export async function saveHistory(store: Store): Promise<void> {
  for (const { text, coded } of codedHistory()) {
    await store.saveDocument(
      {
        url: coded.url, source: coded.source, externalId: coded.id, title: coded.title, date: coded.date, language: 'en',
        text, raw: text, rawType: 'text/plain', contentHash: contentHash(text), simhash: simhash(text),
      },
      coded,
    );
  }
}
