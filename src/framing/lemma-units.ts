import { analyse } from '../text/analyse.js';
import { BARRIER, shared, unit, type Unit } from '../text/units.js';
import type { Sentence, Token } from '../types.js';

/** Clause punctuation that a phrase never crosses. */
const BARRIER_PUNCT = new Set([',', ';', ':', '(', ')', '[', ']', '"', '!', '?', '.', '“', '”']);
const WORD_RE = /[\p{L}\p{N}]+/gu;

/**
 * A sentence's tokens as lemma units: each word token becomes the alphanumeric runs of its
 * lower-cased lemma ("sacrificed" → `sacrifice`, "anti-imperialist" → `anti imperialist`),
 * with the token's offsets; clause punctuation becomes a barrier. Phrases compiled with
 * {@link lemmaPhrase} match these units, so a dictionary names a word once for all its inflections.
 */
export function lemmaUnits(tokens: Token[]): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.pos === 'PUNCT' || t.pos === 'SYM') {
      if (BARRIER_PUNCT.has(t.text)) out.push(unit(BARRIER, t.start, t.end));
      continue;
    }
    // The lemma as given is plain lower-case letters and digits for most tokens: checked once.
    const plain = i === 0 && t.pos === 'PROPN' ? null : isAlnum(t.lemma) ? t.lemma : null;
    const lemma = plain ?? (i === 0 && t.pos === 'PROPN' ? initialLemma(t.lower) : t.lemma.toLowerCase());
    if (plain !== null || isAlnum(lemma)) {
      out.push(unit(lemma, t.start, t.end));
      continue;
    }
    WORD_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WORD_RE.exec(lemma)) !== null) out.push(unit(m[0], t.start, t.end));
  }
  return out;
}

/** The lemma units of a sentence, computed once for all the stages that read them. */
export function sentenceUnits(s: Sentence): Unit[] {
  const c = shared(s);
  return (c.lemmas ??= lemmaUnits(s.tokens));
}

/** Plain ASCII letters and digits: the common case, kept off the regular expression. */
function isAlnum(w: string): boolean {
  if (!w) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/**
 * The tagger reads a capitalised plural that opens a sentence as a proper noun and leaves it
 * unlemmatised ("Wreaths were laid ..."): strip its plural ending.
 */
function initialLemma(lower: string): string {
  return /[^su]s$/.test(lower) && lower.length > 3 ? lower.slice(0, -1) : lower;
}

/** A dictionary phrase reduced to its lemmas, as the text side sees it ("sanctions imposed" → "sanction impose"). */
export function lemmaPhrase(phrase: string): string {
  const a = analyse(phrase);
  return lemmaUnits(a.sentences.flatMap((s) => s.tokens))
    .filter((u) => u.u !== BARRIER)
    .map((u) => u.u)
    .join(' ');
}
