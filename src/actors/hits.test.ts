import { describe, expect, it } from 'vitest';
import { analyse } from '../text/analyse.js';
import { BARRIER, sentenceUnits } from '../text/units.js';
import { actorUnits } from './hits.js';

/** The units of the first sentence of `text` as actorUnits reads them, barriers as '|'; and whether the shared array came back. */
function read(text: string): { units: string; shared: boolean } {
  const a = analyse(text);
  const s = a.sentences[0];
  const us = actorUnits(a.text, s, true);
  return { units: us.map((u) => (u.u === BARRIER ? '|' : u.u)).join(' '), shared: us === sentenceUnits(a.text, s) };
}

describe('actorUnits', () => {
  it('drops the period of an abbreviation, and only that', () => {
    expect(read('The U.S. army came.')).toEqual({ units: 'the u s army came |', shared: false });
    expect(read('They met at 10 a.m. today.').units).toBe('they met at 10 a m today |');
    // A period after a clause mark follows a unit of one character too.
    expect(read('It was (so). Then')).toEqual({ units: 'it was | so |', shared: false });
  });

  it('gives the shared units of a sentence with no abbreviation', () => {
    expect(read('The army of Korea came.')).toEqual({ units: 'the army of korea came |', shared: true });
    expect(read('Mr. Kim said it is 2.5 per cent. Then')).toEqual({ units: 'mr | kim said it is 2 5 per cent |', shared: true });
  });
});
