import { beforeAll, describe, expect, it } from 'vitest';
import { declaredLanguage, detectLanguage, documentLanguage, loadLanguageModel } from './language.js';

describe('detectLanguage', () => {
  beforeAll(loadLanguageModel);

  it('tells English from Spanish on KCNA-style text', () => {
    const en = detectLanguage('General Secretary Kim Jong Il sent a congratulatory message to the President of Laos.');
    expect(en.language).toBe('en');
    expect(en.confidence).toBeGreaterThan(0.3);
    expect(detectLanguage('El Secretario General Kim Jong Il envió un mensaje de felicitación al presidente de Laos.').language).toBe('es');
    expect(detectLanguage('Le Secrétaire général a envoyé un message de félicitations au président du Laos.').language).toBe('fr');
  });
  it('reads past the first line (fastText alone predicts over one line)', () => {
    expect(detectLanguage('Pyongyang.\nEl Secretario General envió un mensaje de felicitación al presidente de Laos y al pueblo laosiano.').language).toBe('es');
  });
  it('says und for text without letters', () => {
    expect(detectLanguage('2011-12-01 12:00 ,,, 42')).toEqual({ language: 'und', confidence: 0 });
  });
});

describe('declaredLanguage', () => {
  it('keeps the primary subtag of a language tag', () => {
    expect(declaredLanguage('en-GB')).toBe('en');
    expect(declaredLanguage(' ES ')).toBe('es');
    expect(declaredLanguage('zh_Hant_TW')).toBe('zh');
    expect(declaredLanguage('')).toBeNull();
    expect(declaredLanguage('not a tag')).toBeNull();
    expect(declaredLanguage(undefined)).toBeNull();
  });
});

describe('documentLanguage', () => {
  beforeAll(loadLanguageModel);

  it('keeps a short English text English when the model leans elsewhere without certainty', () => {
    expect(detectLanguage('Tony Blair met Jacques Chirac.').language).not.toBe('en');
    expect(documentLanguage('Tony Blair met Jacques Chirac.')).toBe('en');
  });
  it('labels a text in another language by the model when it is sure', () => {
    expect(documentLanguage('El Presidente Kim Jong Un envió un mensaje de felicitación al presidente de Laos.')).toBe('es');
  });
  it('prefers the declared language', () => {
    expect(documentLanguage('Tony Blair met Jacques Chirac.', 'fr-FR')).toBe('fr');
  });
});
