import { describe, expect, it } from 'vitest';
import { DictSources } from '../dict/files.js';
import { givenDates, type DateMention } from '../pipeline/stages.js';
import type { CodedEvent } from '../types.js';
import { codeEvents } from './coder.js';
import { loadEvents } from './load.js';
import { contextFor, type TestActor } from './testing.js';

// Recollections: an event inside the complement of "the anniversary of", "the day when", "N years since" is
// recalled, so historical, and not dated at publication.
const dicts = loadEvents(new DictSources());
const ACTORS: TestActor[] = [
  { phrase: 'Russia', code: 'RUS', country: 'RUS' },
  { phrase: 'Russian', code: 'RUS', country: 'RUS' },
  { phrase: 'Georgia', code: 'GEO', country: 'GEO' },
  { phrase: 'Laos', code: 'LAO', country: 'LAO' },
  { phrase: 'Vietnam', code: 'VNM', country: 'VNM' },
  { phrase: 'Japan', code: 'JPN', country: 'JPN' },
  { phrase: 'China', code: 'CHN', country: 'CHN' },
];

/** Each event as "SRC>TGT CAMEO modality date"; `dates` are the sentence's date mentions, found by phrase. */
function code(text: string, dates: [string, string][] = [], pub = '2019-05-10'): string[] {
  const ctx = contextFor(text, ACTORS, pub);
  const mentions: DateMention[] = dates.map(([phrase, date]) => {
    const start = text.indexOf(phrase);
    return { sentence: 0, start, end: start + phrase.length, text: phrase, date, named: null };
  });
  ctx.dates = givenDates([mentions]);
  return codeEvents(ctx, dicts).map((e: CodedEvent) => `${e.source.code}>${e.target?.code ?? '-'} ${e.cameo} ${e.modality} ${e.date}`);
}

describe('recollections', () => {
  it('"the day when" with a past verb: historical, and the anniversary day is not the date', () => {
    expect(code('September 9 is the day when Laos and Vietnam signed the border treaty.', [['September 9', '2019-09-09']])).toEqual([
      'LAO>VNM 057 historical null',
      'VNM>LAO 057 historical null',
    ]);
    expect(code('The film recalls the days when Japan attacked Laos.')).toEqual(['JPN>LAO 190 historical null']);
  });

  it('a date with its year written out in the complement dates the recalled event', () => {
    expect(code('September 9 is the day when Laos signed the treaty with Vietnam in 1977.', [['September 9', '2019-09-09'], ['1977', '1977']])).toEqual([
      'LAO>VNM 057 historical 1977',
    ]);
  });

  it('"N years since": the count dates the event back from publication', () => {
    expect(code('It is 12 years since Russia attacked Georgia.')).toEqual(['RUS>GEO 190 historical 2007']);
    // The subject of the recalled clause may hold phrases and an apposition.
    expect(code('It has been twelve years since Russia, the neighbour of Georgia, attacked Georgia.')).toEqual(['RUS>GEO 190 historical 2007']);
    expect(code('It is 12 years since the army of Russia in Georgia attacked Laos.')).toEqual(['RUSMIL>LAO 190 historical 2007']);
  });

  it('"the Nth anniversary of" a nominal event: counted from the year the sentence marks it in', () => {
    expect(code('Veterans met on the first anniversary of the Japan shelling.')).toEqual(['JPN>- 194 historical 2018']);
    expect(code('Next year, the 10th anniversary of the Japan shelling, will be important.', [['Next year', '2020']])).toEqual([
      'JPN>- 194 historical 2010',
    ]);
  });

  it('the act that marks the anniversary stays current', () => {
    expect(code('Laos congratulated Vietnam on the 50th anniversary of the signing of the treaty.')).toEqual(['LAO>VNM 051 asserted 2019-05-10']);
    expect(code('On the 50th anniversary of the treaty, China visited Laos.')).toEqual(['CHN>LAO 042 asserted 2019-05-10']);
  });

  it('a day that is not past is no recollection, nor is a clause after "last year when"', () => {
    expect(code('Laos waits for the day when China meets Laos.')).toEqual(['CHN>LAO 040 asserted 2019-05-10']);
    expect(code('Japan praised China last year when China attacked Laos.', [['last year', '2018']])).toEqual([
      'JPN>CHN 051 asserted 2018',
      'CHN>LAO 190 asserted 2018',
    ]);
  });

  it('cues inside the complement still qualify it; those outside do not reach it', () => {
    expect(code('Gone are the days when Japan did not attack Laos.')).toEqual(['JPN>LAO 190 negated null']);
    // Not helping is a refusal (REJECT), asserted when reported, historical when recalled.
    expect(code('Gone are the days when China did not help Laos.')).toEqual(['CHN>LAO 122 historical null']);
    expect(code('China will mark the 10th anniversary of the Japan shelling.')).toEqual(['JPN>- 194 historical 2009']);
  });
});
