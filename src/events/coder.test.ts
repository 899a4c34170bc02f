import { describe, expect, it } from 'vitest';
import { DictSources } from '../dict/files.js';
import { givenDates } from '../pipeline/stages.js';
import type { CodedEvent } from '../types.js';
import { codeEvents } from './coder.js';
import { loadEvents } from './load.js';
import { contextFor, type TestActor } from './testing.js';

const dicts = loadEvents(new DictSources());
const ACTORS: TestActor[] = [
  { phrase: 'Kim Jong Un', code: 'PRKGOV', country: 'PRK' },
  { phrase: 'North Korea', code: 'PRK', country: 'PRK' },
  { phrase: 'Vladimir Putin', code: 'RUSGOV', country: 'RUS' },
  { phrase: 'Putin', code: 'RUSGOV', country: 'RUS' },
  { phrase: 'Russia', code: 'RUS', country: 'RUS' },
  { phrase: 'China', code: 'CHN', country: 'CHN' },
  { phrase: 'Laos', code: 'LAO', country: 'LAO' },
  { phrase: 'Cuba', code: 'CUB', country: 'CUB' },
  { phrase: 'Japan', code: 'JPN', country: 'JPN' },
  { phrase: 'Ukraine', code: 'UKR', country: 'UKR' },
  { phrase: 'Syria', code: 'SYR', country: 'SYR' },
  { phrase: 'Russian', code: 'RUS', country: 'RUS' },
  { phrase: 'Tass', code: 'RUSMED', country: 'RUS', kind: 'agency' },
  { phrase: 'Pak Chol', code: 'PRKGOV', country: 'PRK' },
];

function code(text: string, pubDate: string | null = '2025-05-09'): CodedEvent[] {
  return codeEvents(contextFor(text, ACTORS, pubDate), dicts);
}
const brief = (es: CodedEvent[]) => es.map((e) => `${e.source.code}>${e.target?.code ?? '-'} ${e.plover.event} ${e.cameo} ${e.modality}`);

describe('roles', () => {
  it('active: subject is the source, object the target', () => {
    expect(brief(code('Russia accused Japan of provocations.'))).toEqual(['RUS>JPN ACCUSE 112 asserted']);
  });
  it('a name before an appositive title is the subject, not the title ("X, prime minister of Y, met")', () => {
    expect(brief(code('Pak Chol, foreign minister of the country, met Putin in Moscow.'))).toEqual(['PRKGOV>RUSGOV CONSULT 040 asserted']);
    // Next to its verb, or with no name before it, the title is the subject.
    expect(brief(code('In Moscow, the foreign minister met Putin.'))).toEqual(['---GOV>RUSGOV CONSULT 040 asserted']);
  });
  it('passive: the by-phrase is the source', () => {
    expect(brief(code('Putin was congratulated by Kim Jong Un on Sunday.'))).toEqual(['PRKGOV>RUSGOV SUPPORT 051 asserted']);
  });
  it('"received a message from": the sender is the source', () => {
    expect(brief(code('Kim Jong Un received a congratulatory message from Putin.'))).toEqual(['RUSGOV>PRKGOV SUPPORT 051 asserted']);
  });
  it('nominalisations: "the visit of X to Y" and "X\'s visit to Y"', () => {
    expect(brief(code('The visit of Putin to North Korea ended on Friday.'))).toEqual(['RUSGOV>PRK CONSULT 042 asserted']);
    expect(brief(code("Putin's visit to China drew attention."))).toEqual(['RUSGOV>CHN CONSULT 042 asserted']);
  });
  it('a place named before the noun is where it happened, not who did it; a possessive place still acts', () => {
    const places: TestActor[] = [...ACTORS, { phrase: 'Odesa', code: 'UKR', country: 'UKR', form: 'place' }, { phrase: 'Chechnya', code: 'RUS', country: 'RUS', form: 'place' }];
    const codePlaces = (text: string) => brief(codeEvents(contextFor(text, places), dicts));
    expect(codePlaces('They drew no lesson from the Odesa shelling a year ago.')).toEqual([]);
    expect(codePlaces("Chechnya's attack on Japan failed.")).toEqual(['RUS>JPN ASSAULT 190 asserted']);
  });
  it('compound subjects give an event per source', () => {
    expect(brief(code('Russia and China condemned Japan.'))).toEqual(['RUS>JPN ACCUSE 111 asserted', 'CHN>JPN ACCUSE 111 asserted']);
  });
  it('a mutual trigger with a compound subject and no object: each targets the other', () => {
    expect(brief(code('Russia and China held talks in Moscow.'))).toEqual(['RUS>CHN CONSULT 040 asserted', 'CHN>RUS CONSULT 040 asserted']);
  });
  it('an appositive does not hide the subject', () => {
    expect(brief(code('Kim Jong Un, leader of North Korea, met Putin.'))).toEqual(['PRKGOV>RUSGOV CONSULT 040 asserted']);
  });
  it('a light verb passes its subject to the nominalisation', () => {
    expect(brief(code('Kim Jong Un sent a message of greetings to Putin.'))).toEqual(['PRKGOV>RUSGOV SUPPORT 051 asserted']);
    expect(brief(code('Kim Jong Un expressed deep condolences to Cuba.'))).toEqual(['PRKGOV>CUB SUPPORT 018 asserted']);
  });
  it('"the telegram" stands for the sender named earlier in the document', () => {
    const text = 'In a telegram addressed to Putin, Kim Jong Un affirmed the friendship. The telegram conveyed congratulations to Putin.';
    const es = code(text);
    expect(brief(es)).toEqual(['PRKGOV>RUSGOV SUPPORT 051 asserted']);
    // the evidence stays in the sentence of the trigger: the sender named earlier does not stretch it
    expect(text.slice(...es[0].span)).toBe('congratulations to Putin');
  });
  it('"X said it would …" resolves the pronoun to the speaker', () => {
    expect(brief(code('Syria said it would withdraw from Laos.'))).toEqual(['SYR>LAO AGREE 035 future']);
  });
  it('an event needs a source actor, and a target unless the trigger allows none', () => {
    expect(code('The delegation visited Laos.')).toEqual([]);
    expect(code('Russia visited the exhibition.')).toEqual([]);
  });
});

describe('modality', () => {
  it('negated', () => {
    expect(brief(code('Russia did not visit Japan.'))).toEqual(['RUS>JPN CONSULT 042 negated']);
  });
  it('negation and modals reach a coordinated verb only when it shares them', () => {
    expect(brief(code('Russia did not visit Japan and condemned China.'))).toEqual(['RUS>JPN CONSULT 042 negated', 'RUS>CHN ACCUSE 111 asserted']);
    expect(brief(code('Russia should visit Japan and condemn China.'))).toEqual(['RUS>JPN CONSULT 042 hypothetical', 'RUS>CHN ACCUSE 111 hypothetical']);
  });
  it('"refused to" is a REJECT, not a negation', () => {
    expect(brief(code('China refused to meet Japan.'))).toEqual(['CHN>JPN REJECT 125 asserted']);
  });
  it('hypothetical', () => {
    expect(brief(code('If Russia attacked Ukraine, China could condemn Russia.'))).toEqual([
      'RUS>UKR ASSAULT 190 hypothetical',
      'CHN>RUS ACCUSE 111 hypothetical',
    ]);
  });
  it('future and intent: a stated intent is coded as one (CAMEO 03), a future use of force as a threat', () => {
    expect(brief(code('Putin will visit Laos.'))).toEqual(['RUSGOV>LAO AGREE 036 future']);
    expect(brief(code('China plans to visit Cuba.'))).toEqual(['CHN>CUB AGREE 036 future']);
    expect(brief(code('Russia will attack Ukraine.'))).toEqual(['RUS>UKR THREATEN 138 future']);
  });
  it('a future reported as scheduled or expected is future, but not a stated intent', () => {
    expect(brief(code('Putin is expected to visit Laos.'))).toEqual(['RUSGOV>LAO CONSULT 042 future']);
  });
  it('historical: a past war is not an attack in the report year', () => {
    expect(brief(code('Russia attacked Japan in the Great Patriotic War.'))).toEqual(['RUS>JPN ASSAULT 190 historical']);
  });
  it('historical: an event dated years before publication', () => {
    const ctx = contextFor('Russia attacked Ukraine then.', ACTORS);
    ctx.dates = givenDates([[{ sentence: 0, start: 0, end: 4, text: 'then', date: '2014-02-27', named: null }]]);
    const [e] = codeEvents(ctx, dicts);
    expect([e.modality, e.date]).toEqual(['historical', '2014-02-27']);
  });
});

describe('attribution, commentary, evidence', () => {
  it('an agency named in the sentence is the attribution, never an actor', () => {
    const [e] = code('Russia condemned Japan, Tass reported.');
    expect(e.attribution).toEqual({ agency: 'Tass', country: 'RUS' });
    expect([e.source.code, e.target?.code]).toEqual(['RUS', 'JPN']);
  });
  it('the document attribution applies otherwise', () => {
    const ctx = contextFor('Russia condemned Japan.', ACTORS);
    ctx.attribution = { agency: 'KCNA', country: 'PRK' };
    expect(codeEvents(ctx, dicts)[0].attribution).toEqual({ agency: 'KCNA', country: 'PRK' });
  });
  it('commentary by unnamed analysts or observers yields no event', () => {
    expect(code('Analysts say Russia will attack Ukraine.')).toEqual([]);
    expect(code('Observers note that China praised Russia.')).toEqual([]);
  });
  it('each event carries its rule, span, date, Goldstein and quad class', () => {
    const text = 'Kim Jong Un congratulated Putin.';
    const [e] = code(text);
    expect(e.rule).toMatch(/^trigger 'congratulate' \(data\/triggers\/support\.txt:\d+\)$/);
    expect(text.slice(...e.span)).toBe('Kim Jong Un congratulated Putin');
    expect([e.date, e.goldstein, e.quad_class]).toEqual(['2025-05-09', 3.4, 1]);
  });
  it('the event date is null when the publication date is unknown and the sentence has none', () => {
    expect(code('Russia condemned Japan.', null)[0].date).toBeNull();
  });
});

describe('CAMEO conventions', () => {
  it('not doing what one could agree to is a refusal (REJECT), asserted', () => {
    expect(brief(code('Russia failed to reach an agreement with China.'))).toEqual(['RUS>CHN REJECT 120 asserted']);
  });
  it('denying an accusation is a statement (016), claiming one\'s own attack is 015', () => {
    expect(brief(code('China rejected accusations by Japan.'))).toEqual(['CHN>JPN REJECT 016 asserted']);
    expect(brief(code('Russia claimed that it had attacked Ukraine.'))).toEqual(['RUS>UKR CONCEDE 015 asserted']);
  });
  it('the content of a demand or an allegation is not a second event', () => {
    expect(brief(code('Russia demanded that Japan withdraw from Laos.'))).toEqual(['RUS>- REQUEST 100 asserted']);
    expect(brief(code('Russia alleged that Japan attacked Ukraine.'))).toEqual(['RUS>JPN ACCUSE 112 asserted']);
  });
  it('a participle after the main event is its consequence', () => {
    expect(brief(code('Russia bombed Ukraine, killing eight civilians.'))).toEqual(['RUS>UKR ASSAULT 195 asserted']);
  });
  it('a gerund closing a prepositional phrase takes its modifier as source', () => {
    expect(brief(code('Four men were killed in Russian shelling.'))).toEqual(['RUS>- ASSAULT 194 asserted']);
  });
  it('a participle modifying a prepositional object is not the clause\'s event', () => {
    expect(code('Kim Jong Un paid respects to soldiers killed in Ukraine.')).toEqual([]);
  });
});

describe('converse events', () => {
  it('a host receiving a guest is also the guest visiting the host', () => {
    const es = code('Kim Jong Un received Putin.');
    expect(brief(es)).toEqual(['PRKGOV>RUSGOV CONSULT 043 asserted', 'RUSGOV>PRKGOV CONSULT 042 asserted']);
    expect(es[1].rule).toMatch(/^trigger 'receive' \(data\/triggers\/consult\.txt:\d+\), converse$/);
  });
});

describe('unnamed and unknown actors', () => {
  it('an unnamed agent is an actor of unknown country, or of the place that follows it', () => {
    expect(brief(code('Gunmen attacked Laos.'))).toEqual(['---UAF>LAO ASSAULT 190 asserted']);
    expect(brief(code('Protesters in Cuba rallied against Japan.'))).toEqual(['CUBOPP>JPN PROTEST 141 asserted']);
  });
  it('a proper name no dictionary knows is an actor of unknown country', () => {
    const [e] = code('The UNITA militarist wing attacked Laos.');
    expect([e.source.code, e.source.name, e.target?.code]).toEqual(['---', 'The UNITA militarist wing', 'LAO']);
  });
  it('a capitalised date is never an actor', () => {
    const ctx = contextFor('On Tuesday Cuba was attacked.', ACTORS);
    ctx.dates = givenDates([[{ sentence: 0, start: 3, end: 10, text: 'Tuesday', date: '2025-05-06', named: null }]]);
    expect(codeEvents(ctx, dicts)).toEqual([]);
  });
});
