/**
 * Length-preserving normalisation: every change replaces characters one for one, so offsets in the
 * normalised text are offsets in the input and spans need no mapping back.
 *  - KCNA's scrape artefacts: the ", ," runs left where paragraph breaks were become spaces
 *    (a comma right after a sentence end, and every comma after the first in a run);
 *  - curly quotes and primes become straight quotes; dashes become hyphens;
 *  - no-break, zero-width and other odd spaces and control characters become plain spaces.
 * Hyphenated names ("Kim Jong-un") need no change: matching works on word units (see units.ts).
 */
const CHAR_MAP: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u00B4': "'", '\u0060': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\u200B': ' ', '\u200C': ' ', '\u200D': ' ', '\uFEFF': ' ',
  '\u2028': '\n', '\u2029': '\n', '\u3000': ' ',
};
const ODD_CHARS = /[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060\u201C-\u201F\u2033\u00AB\u00BB\u2010-\u2015\u2212\u00A0\u2007\u202F\u200B-\u200D\uFEFF\u2028\u2029\u3000]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A comma run after a sentence end (". , ,  ,") or a run of two or more commas (", , ,"). */
const ARTEFACT = /([.!?]["')\]]?\s*)(,(?:\s*,)*)|(,)((?:\s*,)+)/g;

const blankCommas = (s: string) => s.replace(/,/g, ' ');

export function normalise(input: string): string {
  const text = input.replace(ODD_CHARS, (c) => CHAR_MAP[c] ?? ' ');
  const out = text.replace(ARTEFACT, (_m, end, run, first, rest) =>
    end !== undefined ? end + blankCommas(run) : first + blankCommas(rest),
  );
  if (out.length !== input.length) throw new Error('normalise: length changed (bug)');
  return out;
}
