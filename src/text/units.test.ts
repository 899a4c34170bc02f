import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { BARRIER, internWord, phraseKeys, sentenceUnits, units, wordId } from './units.js';

/** The definition the scanner implements, as one regular expression: the oracle for the tests below. */
const DEFINITION = /[\p{L}\p{N}]+|[,;:()[\]"!?]|\.(?=\s|$)/gu;
function byDefinition(text: string, from = 0, to = text.length) {
  const out: [string, number, number][] = [];
  DEFINITION.lastIndex = from;
  const slice = text.slice(0, to);
  let m: RegExpExecArray | null;
  while ((m = DEFINITION.exec(slice)) !== null) {
    const isWord = m[0].length > 1 || /[\p{L}\p{N}]/u.test(m[0]);
    out.push([isWord ? m[0].toLowerCase() : BARRIER, m.index, m.index + m[0].length]);
  }
  return out;
}
const triples = (text: string, from?: number, to?: number) => units(text, from, to).map((u) => [u.u, u.start, u.end]);

describe('units', () => {
  it('reads words lower-cased with offsets, clause punctuation and sentence-final periods as barriers', () => {
    const text = 'Kim Jong-un met the U.S. envoy (in Pyongyang); "Côte d\'Ivoire" 2012.';
    const us = units(text);
    expect(us.map((u) => (u.u === BARRIER ? '|' : u.u)).join(' ')).toBe('kim jong un met the u s | envoy | in pyongyang | | | côte d ivoire | 2012 |');
    for (const u of us) if (u.u !== BARRIER) expect(text.slice(u.start, u.end).toLowerCase()).toBe(u.u);
  });

  it('agrees with its definition on hard text: accents, astral letters, odd spaces, a period at the range end', () => {
    const text = 'Ünïcode 𝐀𝐁c déjà-vu , ;: () [] "!? a.b. end.\u00a0next. 3.5 km.\tX. «quoted» 2011年12月 Ⅻ ½ _x_';
    expect(triples(text)).toEqual(byDefinition(text));
    expect(triples(text, 5, 40)).toEqual(byDefinition(text, 5, 40));
    const dot = text.indexOf('a.b.') + 2;
    expect(triples(text, 0, dot)).toEqual(byDefinition(text, 0, dot));
  });

  const SEED = fileURLToPath(new URL('../../../shared/seed/victory-day-telegram.txt', import.meta.url));
  const shared = existsSync(SEED);
  it.skipIf(!shared && process.env.CI !== 'true')('agrees with its definition sentence by sentence on the seed report (skipped: ../shared absent)', () => {
    const a = analyse(readFileSync(SEED, 'utf8'));
    expect(a.sentences.length).toBeGreaterThan(3);
    for (const s of a.sentences) expect(triples(a.text, s.start, s.end)).toEqual(byDefinition(a.text, s.start, s.end));
  });

  it('numbers the words of the vocabulary and nothing else', () => {
    const id = internWord('zyxwvutsrq');
    expect(internWord('zyxwvutsrq')).toBe(id);
    expect(wordId('zyxwvutsrq')).toBe(id);
    const [known, unknown, barrier] = units('Zyxwvutsrq qwertyuiopasdf.');
    expect(known.id).toBe(id);
    expect(unknown.id).toBe(-1);
    expect(barrier).toMatchObject({ u: BARRIER, id: -1 });
  });

  it('finds vocabulary words in any case, as the table grows, and never a word that only shares a prefix', () => {
    const ids = Array.from({ length: 5000 }, (_, k) => internWord(`vocabword${k}`));
    const us = units('VocabWord17 VOCABWORD4999 vocabword499 vocabword50000 vocabword');
    expect(us.map((u) => u.id)).toEqual([ids[17], ids[4999], ids[499], -1, -1]);
    expect(us.map((u) => u.u)).toEqual(['vocabword17', 'vocabword4999', 'vocabword499', 'vocabword50000', 'vocabword']);
    expect(units('Ärger ÄRGER').map((u) => u.id)).toEqual([-1, -1]);
    const id = internWord('ärger');
    expect(units('Ärger ÄRGER').map((u) => u.id)).toEqual([id, id]);
  });

  it('reads a word met before as the same string, and as a vocabulary word once a dictionary holds it', () => {
    const [a, b, c] = units('Xqvzwordy XQVZWORDY xqvzwordy');
    expect([a.u, a.id]).toEqual(['xqvzwordy', -1]);
    expect(b.u).toBe(a.u);
    expect(c.u).toBe(a.u);
    const id = internWord('xqvzwordy');
    expect(units('XQVZWORDY xqvzwordy').map((u) => u.id)).toEqual([id, id]);
  });

  it('reads long words and more distinct words than it keeps, and still finds the vocabulary', () => {
    const long = 'Pneumonoultramicroscopicsilicovolcanoconiosis';
    expect(units(`${long} ${long.toLowerCase()}`).map((u) => [u.u, u.id])).toEqual([[long.toLowerCase(), -1], [long.toLowerCase(), -1]]);
    const id = internWord('qzkeptword');
    const many = Array.from({ length: 40000 }, (_, k) => `Qzw${k}`).join(' ');
    const us = units(`${many} QZKEPTWORD qzw17`);
    expect(us.length).toBe(40002);
    expect(us.every((u, k) => k >= 40000 || u.u === `qzw${k}`)).toBe(true);
    expect(us.slice(-2).map((u) => [u.u, u.id])).toEqual([['qzkeptword', id], ['qzw17', -1]]);
  });

  it('shares one computation per sentence and renumbers when the vocabulary has grown', () => {
    const a = analyse('The plenipotentiaryship of Qwzxv began.');
    const s = a.sentences[0];
    const first = sentenceUnits(a.text, s);
    expect(sentenceUnits(a.text, s)).toBe(first);
    expect(first.find((u) => u.u === 'qwzxv')!.id).toBe(-1);
    const id = internWord('qwzxv');
    const again = sentenceUnits(a.text, s);
    expect(again).not.toBe(first);
    expect(again.find((u) => u.u === 'qwzxv')!.id).toBe(id);
  });

  it('reduces a dictionary phrase to the same keys', () => {
    expect(phraseKeys("Democratic People's Republic of Korea")).toEqual(['democratic', 'people', 's', 'republic', 'of', 'korea']);
    expect(phraseKeys('Kim Jong-un')).toEqual(phraseKeys('KIM JONG UN'));
  });
});
