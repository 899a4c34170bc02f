import { z } from 'zod';
import { DictError, type DictLine, type DictSources } from '../dict/files.js';
import { lemmaPhrase } from '../text/lemmas.js';
import { PhraseMatcher } from '../text/phrase-matcher.js';
import type { OccasionType, SignalChannel, SignalKind } from '../types.js';

export const KINDS = [
  'congratulations', 'greetings', 'condolences', 'sympathy', 'thanks', 'letter', 'reply', 'gift', 'wreath', 'other_message',
] as const satisfies readonly SignalKind[];
export const CHANNELS = ['telegram', 'message', 'letter', 'phone', 'in_person', 'gift', 'wreath'] as const satisfies readonly SignalChannel[];
/** Occasion types in order of precedence: when a sentence names several, the first in this list wins. */
export const OCCASION_PRECEDENCE = [
  'death', 'disaster', 'national_day', 'birthday', 'election', 'appointment', 'new_year', 'holiday', 'anniversary', 'other',
] as const satisfies readonly OccasionType[];
export const ROLES = ['from', 'by', 'behalf', 'to', 'honoree', 'receive', 'enumerate', 'title', 'courier', 'stop', 'reply', 'send', 'similar'] as const;
export type CueRole = (typeof ROLES)[number];

export interface Trigger {
  kind: SignalKind;
  channel: SignalChannel | null;
  rule: string;
}
export interface KindCue {
  kind: SignalKind;
  standalone: boolean;
  rule: string;
}
export interface Cue {
  role: CueRole;
  rule: string;
}
export interface OccasionEntry {
  type: Exclude<OccasionType, 'none'>;
  rank: number;
  rule: string;
}

/** The compiled signal dictionaries (data/signals). */
export interface SignalDicts {
  triggers: PhraseMatcher<Trigger>;
  kindCues: PhraseMatcher<KindCue>;
  cues: PhraseMatcher<Cue>;
  /** Every trigger, kind cue and the cues that matter without a trigger (enumerate, honoree), for one cheap first look. */
  glance: PhraseMatcher<true>;
  occasions: PhraseMatcher<OccasionEntry>;
  /** Capitalised words that are titles, not names (lower case). */
  titles: Set<string>;
}

const Channel = z.union([z.enum(CHANNELS), z.literal('-').transform(() => null)]);
const TriggerRow = z.tuple([z.string().min(1), z.enum(KINDS), Channel]);
const KindCueRow = z.tuple([
  z.string().min(1),
  z.enum(['congratulations', 'greetings', 'condolences', 'sympathy', 'thanks']),
  z.enum(['yes', 'no']).transform((v) => v === 'yes'),
]);
const CueRow = z.tuple([z.string().min(1), z.enum(ROLES)]);
const OccasionRow = z.tuple([z.string().min(1), z.enum(OCCASION_PRECEDENCE)]);
const TitleRow = z.tuple([z.string().regex(/^\S+$/, 'one word')]);

/** Parse one line against its row schema; a mismatch is a DictError naming file:line and the problem. */
function row<T>(schema: z.ZodType<T>, l: DictLine): T {
  const r = schema.safeParse(l.fields);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue.path.length ? `column ${Number(issue.path[0]) + 1}: ` : '';
  throw new DictError(l.rule, `${where}${issue.message} (line "${l.fields.join(' | ')}")`);
}

/** Phrase → value matcher keyed on lemmas; a phrase repeated within one file is an error. */
function compile<T>(lines: DictLine[], parse: (l: DictLine) => [string, T]): PhraseMatcher<T> {
  const m = new PhraseMatcher<T>();
  const seen = new Map<string, string>();
  for (const l of lines) {
    const [phrase, value] = parse(l);
    const lemmas = lemmaPhrase(phrase);
    const key = `${l.rule.slice(0, l.rule.lastIndexOf(':'))}|${lemmas}`;
    const prev = seen.get(key);
    if (prev) throw new DictError(l.rule, `"${phrase}" repeats ${prev}`);
    seen.set(key, l.rule);
    if (!m.add(lemmas, value)) throw new DictError(l.rule, `phrase "${phrase}" has no words`);
  }
  return m;
}

/** Load and compile data/signals/*.txt from every dictionary root (later roots add entries). */
export function loadSignals(src: DictSources): SignalDicts {
  const lines = src.lines('signals');
  const of = (name: string) => lines.filter((l) => l.file.replace(/\\/g, '/').endsWith(`signals/${name}.txt`));
  const glance = new PhraseMatcher<true>();
  for (const l of [...of('triggers'), ...of('kind-cues'), ...of('cues').filter((c) => c.fields[1] === 'enumerate' || c.fields[1] === 'honoree')]) {
    glance.add(lemmaPhrase(l.fields[0]), true);
  }
  return {
    glance,
    triggers: compile(of('triggers'), (l) => {
      const [p, kind, channel] = row(TriggerRow, l);
      return [p, { kind, channel, rule: l.rule }];
    }),
    kindCues: compile(of('kind-cues'), (l) => {
      const [p, kind, standalone] = row(KindCueRow, l);
      return [p, { kind, standalone, rule: l.rule }];
    }),
    cues: compile(of('cues'), (l) => {
      const [p, role] = row(CueRow, l);
      return [p, { role, rule: l.rule }];
    }),
    occasions: compile(of('occasions'), (l) => {
      const [p, type] = row(OccasionRow, l);
      return [p, { type, rank: OCCASION_PRECEDENCE.indexOf(type), rule: l.rule }];
    }),
    titles: new Set(of('titles').map((l) => row(TitleRow, l)[0].toLowerCase())),
  };
}
