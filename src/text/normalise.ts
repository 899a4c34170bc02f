/**
 * Length-preserving normalisation: every change replaces characters one for one, so offsets in the
 * normalised text are offsets in the input and spans need no mapping back.
 *  - KCNA's scrape artefacts: the ", ," runs left where paragraph breaks were become spaces
 *    (a comma right after a sentence end, and every comma after the first in a run);
 *  - curly quotes and primes become straight quotes; dashes become hyphens;
 *  - no-break, zero-width and every other Unicode space (wink-nlp drops some, which would shift offsets) and
 *    control characters become plain spaces.
 * Hyphenated names ("Kim Jong-un") need no change: matching works on word units (see units.ts).
 */
const CHAR_MAP: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u00B4': "'", '\u0060': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\u200B': ' ', '\u200C': ' ', '\u200D': ' ', '\uFEFF': ' ',
  '\u2028': '\n', '\u2029': '\n', '\u3000': ' ',
};
/** Every key of CHAR_MAP and the control characters other than tab and line breaks, as one class. */
const ODD_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u0060\u007F\u00A0\u00AB\u00B4\u00BB\u1680\u2000-\u200D\u2010-\u2015\u2018-\u201F\u2028\u2029\u202F\u2032\u2033\u205F\u2212\u3000\uFEFF]/g;

/**
 * A comma of a KCNA artefact: one after a sentence end (". , ,  ,", the period possibly closing a quotation), or one
 * after another comma with nothing but white space between (", , ,"). Each is read back from the comma, so a
 * replacement string does the work, with no function called per match.
 */
const ARTEFACT_COMMA = /,(?<=(?:,|[.!?]["')\]]?)\s*,)/g;

export function normalise(input: string): string {
  const out = input.replace(ODD_CHARS, (c) => CHAR_MAP[c] ?? ' ').replace(ARTEFACT_COMMA, ' ');
  if (out.length !== input.length) throw new Error('normalise: length changed (bug)');
  return out;
}

/**
 * Is all of `text` ASCII? Only then is its UTF-8 as long as it is. Node counts UTF-8 bytes about three
 * times faster than a regular expression finds a character past ASCII, and every text is asked (segment.ts,
 * the actors stage).
 */
export const isAscii = (text: string): boolean => Buffer.byteLength(text, 'utf8') === text.length;
