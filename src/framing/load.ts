import type { DictSources } from '../dict/files.js';
import type { PhraseMatcher } from '../text/phrase-matcher.js';
import { compileLexicon, type LexEntry } from './lexicon.js';

/** The compiled framing dictionaries (data/framing): markers, domain cues and the tone lexicon. */
export interface FramingDicts {
  markers: PhraseMatcher<LexEntry>;
  domains: PhraseMatcher<LexEntry>;
  tone: PhraseMatcher<LexEntry>;
}

export const DOMAINS = [
  'security', 'economic', 'cultural', 'humanitarian', 'political', 'scientific', 'sports', 'health', 'education',
] as const;

const SNAKE = /^[a-z][a-z0-9_]*$/;

/** Load and compile data/framing/{markers,domains,tone}.txt from every dictionary root. */
export function loadFraming(src: DictSources): FramingDicts {
  const lines = src.lines('framing');
  const of = (name: string) => lines.filter((l) => l.file.replace(/\\/g, '/').endsWith(`framing/${name}.txt`));
  return {
    markers: compileLexicon(of('markers'), (m) => (SNAKE.test(m) ? null : `marker "${m}" is not a snake_case name`)),
    domains: compileLexicon(of('domains'), (d) =>
      (DOMAINS as readonly string[]).includes(d) ? null : `unknown domain "${d}" (one of ${DOMAINS.join(', ')})`,
    ),
    tone: compileLexicon(of('tone'), (p) => (p === '+' || p === '-' ? null : `polarity must be + or -, got "${p}"`)),
  };
}
