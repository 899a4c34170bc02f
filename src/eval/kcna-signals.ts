import { z } from 'zod';
import { phraseKeys } from '../text/units.js';
import type { CodedDocument, Signal } from '../types.js';
import type { EvalError, EvalReport } from './report.js';
import { byId, confusion, prf, worst } from './scoring.js';

const GoldParty = z.object({ name: z.string().nullable(), country: z.string().nullable() }).passthrough();
const GoldSignal = z
  .object({
    kind: z.string(),
    sender: GoldParty,
    recipient: GoldParty,
    occasion_type: z.string(),
    date: z.string().nullable(),
    evidence: z.string().nullable().optional(),
  })
  .passthrough();
const GoldStory = z.object({ id: z.string(), text: z.string(), signals: z.array(GoldSignal) }).passthrough();
type GoldSignal = z.infer<typeof GoldSignal>;

const KIND_ORDER = [
  'congratulations', 'greetings', 'condolences', 'sympathy', 'thanks', 'letter', 'reply', 'gift', 'wreath', 'other_message', 'none',
];

/** The scored tuple: kind, sender country, recipient country (the story id is the outer key). */
const tuple = (kind: string, s: string | null, r: string | null) => `${kind} ${s ?? '---'}→${r ?? '---'}`;
const dyad = (s: string | null, r: string | null) => `${s ?? '---'}→${r ?? '---'}`;
/** Names compare by their word units: "Kim Jong-un" is "Kim Jong Un". */
const sameName = (a: string | null, b: string | null) => (a === null || b === null ? a === b : phraseKeys(a).join(' ') === phraseKeys(b).join(' '));

/**
 * Score coded documents against kcna-signals gold: micro precision/recall/F1 on the multiset of
 * (story id, kind, sender country, recipient country); on matched signals, how often the sender's name,
 * the occasion type and the date agree; a confusion matrix of kinds over signals whose dyad matches
 * ("none" for a signal on one side only); the worst errors.
 */
export function scoreKcnaSignals(goldLines: unknown[], coded: CodedDocument[], file: string): EvalReport {
  const docs = byId(coded);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let names = 0;
  let occasions = 0;
  let dates = 0;
  const kinds: [string, string][] = [];
  const errors: (EvalError & { severity: number })[] = [];
  goldLines.forEach((line, i) => {
    const parsed = GoldStory.safeParse(line);
    if (!parsed.success) throw new Error(`${file}:${i + 1}: not a kcna-signals gold line (${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message})`);
    const story = parsed.data;
    const got = [...(docs.get(story.id)?.signals ?? [])];
    const evidence = (s: Signal) => story.text.slice(s.span[0], s.span[1]);
    const unmatched: GoldSignal[] = [];
    // Pair gold and coded signals with the same tuple, a coded signal with the same sender name first.
    for (const g of story.signals) {
      const same = (s: Signal) => tuple(s.kind, s.sender.country, s.recipient.country) === tuple(g.kind, g.sender.country, g.recipient.country);
      let at = got.findIndex((s) => same(s) && sameName(s.sender.name, g.sender.name));
      if (at < 0) at = got.findIndex(same);
      if (at < 0) {
        unmatched.push(g);
        continue;
      }
      const [s] = got.splice(at, 1);
      tp++;
      kinds.push([g.kind, s.kind]);
      if (sameName(s.sender.name, g.sender.name)) names++;
      else errors.push({ id: story.id, sentence: evidence(s), expected: `sender name ${g.sender.name}`, got: `sender name ${s.sender.name}`, rule: s.rule, severity: 1 });
      if (s.occasion_type === g.occasion_type) occasions++;
      if (s.date === g.date) dates++;
    }
    fn += unmatched.length;
    fp += got.length;
    for (const g of unmatched) {
      // A coded signal of the same dyad but another kind is a kind confusion; otherwise a miss.
      const at = got.findIndex((s) => dyad(s.sender.country, s.recipient.country) === dyad(g.sender.country, g.recipient.country));
      const s = at >= 0 ? got.splice(at, 1)[0] : null;
      kinds.push([g.kind, s?.kind ?? 'none']);
      errors.push({
        id: story.id,
        sentence: g.evidence ?? '',
        expected: `${tuple(g.kind, g.sender.country, g.recipient.country)} (${g.sender.name ?? g.sender.org ?? '?'} → ${g.recipient.name ?? g.recipient.org ?? '?'})`,
        got: s ? `${tuple(s.kind, s.sender.country, s.recipient.country)}` : '(no signal)',
        rule: s?.rule ?? null,
        severity: s ? 3 : 2,
      });
    }
    for (const s of got) {
      kinds.push(['none', s.kind]);
      errors.push({
        id: story.id,
        sentence: evidence(s),
        expected: '(no such signal)',
        got: `${tuple(s.kind, s.sender.country, s.recipient.country)} (${s.sender.name ?? s.sender.org ?? s.sender.text} → ${s.recipient.name ?? s.recipient.org ?? s.recipient.text})`,
        rule: s.rule,
        severity: 2,
      });
    }
  });
  const share = (k: number) => (tp ? k / tp : 0);
  return {
    set: 'kcna-signals',
    file,
    n: goldLines.length,
    figures: { ...prf(tp, fp, fn), sender_name_accuracy: share(names), occasion_type_accuracy: share(occasions), date_accuracy: share(dates) },
    confusion: confusion(kinds, KIND_ORDER),
    worst: worst(errors),
  };
}
