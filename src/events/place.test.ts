import { describe, expect, it } from 'vitest';
import { DictSources } from '../dict/files.js';
import type { CodedEvent } from '../types.js';
import { codeEvents } from './coder.js';
import { loadEvents } from './load.js';
import { contextFor, type TestActor } from './testing.js';

const dicts = loadEvents(new DictSources());
const ACTORS: TestActor[] = [
  { phrase: 'Chile', code: 'CHL', country: 'CHL' },
  { phrase: 'Peru', code: 'PER', country: 'PER' },
  { phrase: 'Peruvian troops', code: 'PERMIL', country: 'PER' },
  { phrase: 'Chileans', code: 'CHL', country: 'CHL', form: 'demonym', name: 'Chile' },
  { phrase: 'Chilean students', code: 'CHLEDU', country: 'CHL' },
  { phrase: 'Bolivia', code: 'BOL', country: 'BOL' },
  { phrase: 'Arica', code: 'CHL', country: 'CHL', form: 'place' },
  { phrase: 'Cusco', code: 'PER', country: 'PER', form: 'place' },
  { phrase: 'Lima', code: 'PERGOV', country: 'PER', form: 'capital' },
  { phrase: 'Oruro', code: 'BOL', country: 'BOL', form: 'place' },
];

function code(text: string): string[] {
  return codeEvents(contextFor(text, ACTORS), dicts).map((e: CodedEvent) => `${e.source.code}>${e.target?.code ?? '-'} ${e.plover.event}`);
}

describe('a material event without a target takes the country of a place after it', () => {
  it('a foreign place in the clause is the target', () => {
    expect(code('Peruvian troops raided several villages in Arica on Monday.')).toEqual(['PERMIL>CHL ASSAULT']);
  });
  it('a place of the source’s own country is only where it acted', () => {
    expect(code('Peruvian troops raided several villages near Cusco on Monday.')).toEqual(['PERMIL>- ASSAULT']);
  });
  it('talks held in a place are not about it: verbal events do not look', () => {
    expect(code('Peru agreed to open a trade office in Arica.')).not.toContain('PER>CHL AGREE');
  });
  it('a name in a hyphenated relation is no place', () => {
    expect(code('Peruvian troops raided villages in the Chile-Bolivia border area.')).toEqual(['PERMIL>- ASSAULT']);
  });
  it('a participle with a place where its object should be names no target ("killed in")', () => {
    expect(code('Peruvian troops killed in Arica were buried on Monday.')).toEqual(['PERMIL>- ASSAULT']);
  });
});

describe('a protest without a target is against the protesters’ own state', () => {
  it('a group protesting at home targets its government', () => {
    expect(code('Chilean students staged a demonstration on Monday.')).toEqual(['CHLEDU>CHLGOV PROTEST']);
  });
  it('a people named by its demonym protests too', () => {
    expect(code('Thousands of Chileans staged a protest on Monday.')).toEqual(['CHL>CHLGOV PROTEST']);
  });
  it('a protest held abroad is aimed at the country where it is held', () => {
    expect(code('Thousands of Chileans staged a demonstration in Cusco.')).toEqual(['CHL>PER PROTEST']);
  });
  it('no guess where the sentence names another party', () => {
    expect(code('Chilean students staged a demonstration and called on Bolivia to negotiate.')).not.toContain('CHLEDU>CHLGOV PROTEST');
    expect(code('Thousands of Chileans staged a demonstration in Cusco against Bolivia.')).not.toContain('CHL>PER PROTEST');
  });
  it('a state does not protest against itself, and "demonstrated its might" is no protest', () => {
    expect(code('Chile protested on Monday.')).toEqual(['CHL>- PROTEST']);
    expect(code('Peru demonstrated its might on Monday.')).toEqual([]);
  });
});
