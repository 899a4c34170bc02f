import { describe, expect, it } from 'vitest';
import { normalise } from './normalise.js';

describe('normalise', () => {
  it('blanks KCNA paragraph artefacts and keeps offsets', () => {
    const raw = 'He sent a wreath., ,  The message said so. , ,  Then, , "Tuberculosis" ran., , , ,';
    const n = normalise(raw);
    expect(n.length).toBe(raw.length);
    expect(n).not.toMatch(/\.\s*,/);
    expect(n).toContain('Then,   "Tuberculosis"');
    expect(n.indexOf('The message')).toBe(raw.indexOf('The message'));
  });

  it('blanks the commas after a closing quote or bracket of a sentence end, and no other', () => {
    expect(normalise('It said "Go." , ,  He left.) , Then, ,it ended!",, x')).toBe('It said "Go."      He left.)   Then,  it ended!"   x');
    expect(normalise('a , b ,, c.\u201d , d')).toBe('a , b ,  c."   d');
  });

  it('keeps ordinary commas', () => {
    expect(normalise('Russia, China and Laos, he said.')).toBe('Russia, China and Laos, he said.');
  });

  it('straightens quotes and odd spaces', () => {
    expect(normalise('Kim\u2019s \u201cpeace\u201d\u00a0now \u2014 yes')).toBe('Kim\'s "peace" now - yes');
  });

  it('makes every Unicode space a plain space, so the tagger keeps offsets into the input', async () => {
    const { analyse } = await import('./analyse.js');
    const raw = 'Kim\u2002Jong\u1680Un sent\u2000a\u205Ftelegram\u2008to Putin.';
    expect(normalise(raw)).toBe('Kim Jong Un sent a telegram to Putin.');
    for (const t of analyse(raw).sentences[0].tokens) expect(raw.slice(t.start, t.end)).toBe(t.text);
  });
});
