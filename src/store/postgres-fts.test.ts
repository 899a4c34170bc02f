import { describe, expect, it } from 'vitest';
import { foldWords, toTsQuery } from './postgres-fts.js';
import { StoreError } from './store.js';

describe('toTsQuery', () => {
  it('ANDs plain words and makes hyphenated or dotted terms phrases', () => {
    expect(toTsQuery('peace talks')).toBe("'peace' & 'talks'");
    expect(toTsQuery('Kim Jong-Il')).toBe("'kim' & ('jong' <-> 'il')");
    expect(toTsQuery('U.S. envoy')).toBe("('u' <-> 's') & 'envoy'");
  });

  it('translates FTS5 syntax: phrases, prefixes, AND / OR / NOT with their precedence, parentheses', () => {
    expect(toTsQuery('"South Korea" puppet*')).toBe("('south' <-> 'korea') & 'puppet':*");
    expect(toTsQuery('a OR b c')).toBe("('a' | 'b' & 'c')");
    expect(toTsQuery('a b NOT c')).toBe("'a' & 'b' & !'c'");
    expect(toTsQuery('(Laos OR Cuba) AND message')).toBe("(('laos' | 'cuba')) & 'message'");
  });

  it('folds like the index: lower case, no diacritics', () => {
    expect(toTsQuery('Cooperación')).toBe("'cooperacion'");
    expect(foldWords('República Popular Democrática de Corea, 2012')).toEqual(['republica', 'popular', 'democratica', 'de', 'corea', '2012']);
  });

  it('refuses what it cannot translate, naming the query and the problem', () => {
    expect(() => toTsQuery('  ')).toThrow(/empty/);
    expect(() => toTsQuery('"unbalanced')).toThrow('search query ""unbalanced": unterminated string');
    expect(() => toTsQuery('(a OR b')).toThrow(/unbalanced parenthesis/);
    expect(() => toTsQuery('a OR')).toThrow(/a term is missing/);
    expect(() => toTsQuery('NEAR(a b)')).toThrow(/NEAR is not supported/);
    expect(() => toTsQuery('--- ...')).toThrow(StoreError);
  });
});
