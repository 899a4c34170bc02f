import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from './phrase-matcher.js';
import { units } from './units.js';

function matcher(...phrases: string[]): PhraseMatcher<string> {
  const m = new PhraseMatcher<string>();
  for (const p of phrases) m.add(p, p);
  return m;
}
const found = (m: PhraseMatcher<string>, text: string) => m.matchAll(units(text)).map((x) => [text.slice(x.start, x.end), x.value.join('+')]);

describe('PhraseMatcher', () => {
  it('takes the longest phrase at each place, left to right, without overlaps', () => {
    const m = matcher('Korea', 'Republic of Korea', "Democratic People's Republic of Korea", 'Korea Central News Agency', 'people');
    expect(found(m, "The Democratic People's Republic of Korea and the Republic of Korea; Korea Central News Agency reported.")).toEqual([
      ["Democratic People's Republic of Korea", "Democratic People's Republic of Korea"],
      ['Republic of Korea', 'Republic of Korea'],
      ['Korea Central News Agency', 'Korea Central News Agency'],
    ]);
    // A longer phrase that fails part-way leaves the shorter one found at its start.
    expect(found(m, 'the Korea Central Bank and its people')).toEqual([['Korea', 'Korea'], ['people', 'people']]);
  });

  it('never matches across clause punctuation, and keeps every value of a phrase', () => {
    const m = new PhraseMatcher<string>();
    m.add('nuclear disarmament', 'a');
    m.add('Nuclear Disarmament', 'b');
    expect(m.matchAll(units('nuclear, disarmament'))).toEqual([]);
    expect(m.matchAll(units('NUCLEAR DISARMAMENT')).map((x) => x.value)).toEqual([['a', 'b']]);
    expect(m.size).toBe(2);
  });

  it('finds the longest phrase at one place, and tells whether any phrase occurs', () => {
    const m = matcher('Korea', 'Republic of Korea', 'people');
    const us = units('the Republic of Korea, and its people');
    expect(m.longestAt(us, 1)).toMatchObject({ from: 1, to: 4, value: ['Republic of Korea'] });
    expect(m.longestAt(us, 0)).toBeNull();
    expect(m.longestAt(us, 3)).toMatchObject({ from: 3, to: 4, value: ['Korea'] });
    expect(m.occursIn(us)).toBe(true);
    expect(m.occursIn(units('the Republic of Cuba'))).toBe(false);
  });

  it('gives the values stored under exactly a phrase', () => {
    const m = matcher('Kim Jong-un', 'Kim');
    expect(m.get('kim jong un')).toEqual(['Kim Jong-un']);
    expect(m.get('Kim Jong')).toEqual([]);
    expect(m.get('unheard-of words')).toEqual([]);
    expect(m.add(' - ', 'nothing')).toBe(false);
  });
});
