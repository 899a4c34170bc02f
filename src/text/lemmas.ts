/**
 * Lemmas without reading the sentence. A word's lemma here is the one wink-nlp gives the word on its own
 * ("greetings" → greeting, "imposed" → impose), for dictionary phrases and text alike, so both sides always
 * agree. Tagging every word of a text alone would cost as much as tagging the text; instead each lemma the
 * dictionaries use is registered with the forms English inflects it to (wink's own suffix rules run backwards,
 * and the WordNet exception lists its English model ships: "held" → hold, "crises" → crisis), and only a text
 * word that may be one of those forms is looked up, once per word. Other words stand for themselves: no
 * dictionary phrase holds their lemma. The stages that look for dictionary phrases (framing, signals) and the
 * events pre-filter thus need no tagger; wink tags the sentences they pick.
 *
 * Every lemma a word may be a form of is also kept (`possibleLemmas`), for filters that must not miss a reading
 * the tagger might choose in context ("meeting" as a form of meet).
 */
import { createRequire } from 'node:module';
import { tag } from './analyse.js';
import { internWord, phraseKeys, sentenceUnits, shared, wordId, type Unit } from './units.js';
import type { Sentence } from '../types.js';

const require = createRequire(import.meta.url);
type Exceptions = Record<string, string>;
const EXCEPTION_FILES = ['noun', 'verb', 'adjective'].map((p) => `wink-eng-lite-web-model/dist/wn-${p}-exceptions.js`);

/** Irregular forms by lemma ("hold" → held), from the three WordNet exception lists; built on first use. */
let irregular: Map<string, string[]> | null = null;
function irregularForms(lemma: string): string[] {
  if (!irregular) {
    irregular = new Map();
    for (const f of EXCEPTION_FILES) {
      for (const [form, l] of Object.entries(require(f) as Exceptions)) {
        if (form === l) continue;
        const list = irregular.get(l);
        if (list) list.push(form);
        else irregular.set(l, [form]);
      }
    }
  }
  return irregular.get(lemma) ?? [];
}

const VOWEL = /[aeiou]/;

/** The regular forms wink's lemmatiser reduces to `w`: plurals and third persons, -ed, -ing, -er, -est. */
export function regularForms(w: string): string[] {
  const out = [`${w}s`, `${w}es`, `${w}ed`, `${w}ing`, `${w}er`, `${w}est`];
  const last = w[w.length - 1];
  if (last === 'e') {
    const stem = w.slice(0, -1);
    out.push(`${w}d`, `${stem}ing`, `${w}r`, `${w}st`);
  }
  if (last === 'y' && w.length > 1 && !VOWEL.test(w[w.length - 2])) out.push(`${w.slice(0, -1)}ies`);
  if (last === 'f') out.push(`${w.slice(0, -1)}ves`);
  if (w.endsWith('man')) out.push(`${w.slice(0, -3)}men`);
  return out;
}

/** By vocabulary number: every registered lemma a word may be a form of, itself first when it is one. */
const POSSIBLE: number[][] = [];
const NONE: readonly number[] = Object.freeze([]);
/** By vocabulary number: the word's own lemma and its number (-1 when outside the vocabulary), looked up once. */
const OWN: ({ u: string; id: number } | undefined)[] = [];

/** Bumped whenever a word gains a possible lemma: lets a reader of possibleLemmas keep what it derived from them. */
let version = 0;
export const lemmaVersion = (): number => version;

function addForm(form: string, lemma: number): void {
  const f = internWord(form);
  const alts = (POSSIBLE[f] ??= []);
  if (alts.includes(lemma)) return;
  alts.push(lemma);
  version++;
}

/** The lemma wink-nlp gives `word` (lower case) on its own; the word itself when wink splits it or has none. */
function ownLemma(word: string): string {
  const ts = tag(word);
  const l = ts.length === 1 ? ts[0].lemma.toLowerCase() : word;
  return /^[\p{L}\p{N}]+$/u.test(l) ? l : word;
}

/** Register `lemma` (lower case) as it is, with its regular and irregular forms; returns its vocabulary number. */
export function registerLemma(lemma: string): number {
  const id = internWord(lemma);
  const alts = (POSSIBLE[id] ??= []);
  if (alts[0] !== id) {
    alts.unshift(id);
    version++;
    for (const f of regularForms(lemma)) addForm(f, id);
    for (const f of irregularForms(lemma)) addForm(f, id);
  }
  return id;
}

/** Register the lemma of a dictionary word (lower case), with the word itself as one of its forms. Returns the lemma. */
function registerWord(word: string): string {
  const lemma = ownLemma(word);
  const id = registerLemma(lemma);
  if (word !== lemma) addForm(word, id);
  return lemma;
}

/** Every registered lemma word `id` may be a form of, itself first when it is one (do not change the array). */
export const possibleLemmas = (id: number): readonly number[] => (id >= 0 ? POSSIBLE[id] ?? NONE : NONE);

/** Word unit `u` read as its lemma: a word that is no form of a registered lemma stands for itself. */
function lemmaUnit(u: Unit): Unit {
  if (u.id < 0 || POSSIBLE[u.id] === undefined) return u;
  let own = OWN[u.id];
  if (own === undefined) {
    const l = ownLemma(u.u);
    OWN[u.id] = own = { u: l, id: wordId(l) };
  } else if (own.id < 0) own.id = wordId(own.u); // a dictionary loaded since may hold it now
  return own.id === u.id ? u : { u: own.u, id: own.id, start: u.start, end: u.end };
}

/**
 * A sentence's word units with each word read as its lemma (offsets kept): what lemma phrases of the
 * framing and signal dictionaries are matched against. Computed once per sentence and shared.
 */
export function lemmaUnits(text: string, s: Sentence): Unit[] {
  const c = shared(s);
  if (c.lemmas) return c.lemmas;
  // A loop, not map(): map() makes a packed array until V8 optimises it and a holey one after, and the phrase
  // matchers that read the units were optimised for the first kind (deopt "wrong map" in each, then a recompile).
  const out: Unit[] = [];
  for (const u of sentenceUnits(text, s)) out.push(lemmaUnit(u));
  return (c.lemmas = out);
}

/** A dictionary phrase reduced to its words' lemmas ("sanctions imposed" → "sanction impose"), each registered. */
export function lemmaPhrase(phrase: string): string {
  return phraseKeys(phrase).map(registerWord).join(' ');
}
