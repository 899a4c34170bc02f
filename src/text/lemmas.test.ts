import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { lemmaPhrase, lemmaUnits, possibleLemmas, registerLemma, regularForms } from './lemmas.js';
import { BARRIER, wordId } from './units.js';

describe('lemmas without the tagger', () => {
  it('generates the forms wink-nlp\'s lemmatiser reduces to a lemma', () => {
    expect(regularForms('impose')).toEqual(expect.arrayContaining(['imposes', 'imposed', 'imposing']));
    expect(regularForms('ally')).toContain('allies');
    expect(regularForms('gunman')).toContain('gunmen');
  });

  it('reads text words as the lemmas dictionary phrases were compiled to, regular and irregular forms alike', () => {
    const phrase = lemmaPhrase('sanctions imposed');
    expect(phrase).toBe('sanction impose');
    lemmaPhrase('hold talks');
    const text = 'The UN imposing sanctions, they held talks.';
    const [s] = analyse(text).sentences;
    const words = lemmaUnits(text, s).filter((u) => u.u !== BARRIER).map((u) => u.u);
    expect(words).toEqual(['the', 'un', 'impose', 'sanction', 'they', 'hold', 'talk']);
    // Offsets stay those of the text's words.
    const held = lemmaUnits(text, s).find((u) => u.u === 'hold')!;
    expect(text.slice(held.start, held.end)).toBe('held');
  });

  it('keeps every lemma a word may be a form of, for filters that must not miss one', () => {
    const meet = registerLemma('meet');
    const meeting = registerLemma('meeting');
    expect(possibleLemmas(wordId('meeting'))).toEqual(expect.arrayContaining([meeting, meet]));
    expect(possibleLemmas(wordId('met'))).toContain(meet);
    expect(possibleLemmas(-1)).toEqual([]);
  });
});
