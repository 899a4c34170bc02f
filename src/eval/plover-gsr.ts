import type { CodedDocument, PloverEvent } from '../types.js';
import { PloverLine } from './gold.js';
import type { EvalError, EvalReport } from './report.js';
import { byId, code3, confusion, describeEvents, scoredEvents, worst } from './scoring.js';

/** The gold set's older PLOVER names (DESIGN.md "Ontology notes"); DOCUMENT has no equivalent and is skipped. */
const OLD_NAMES: Record<string, PloverEvent> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' };
const TYPES: string[] = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT', 'NONE'];

function codes(x: PloverLine['source']): string[] {
  return Array.isArray(x) ? x.map((a) => code3(a.code)) : [];
}

/**
 * plover-gsr: type accuracy = share of sentences whose events include the gold type; dyad accuracy = share
 * where one such event also has a gold source (first three letters of code) and, when gold names targets,
 * a gold target (when gold names none, the event's target must be empty or another gold source).
 */
export function scorePloverGsr(goldLines: unknown[], coded: CodedDocument[], file: string): EvalReport {
  const docs = byId(coded);
  let n = 0;
  let typeOk = 0;
  let dyadOk = 0;
  const pairs: [string, string][] = [];
  const errors: (EvalError & { severity: number })[] = [];
  for (const raw of goldLines) {
    const g = PloverLine.parse(raw);
    const type: string = OLD_NAMES[g.event] ?? g.event;
    if (type === 'DOCUMENT') continue;
    n++;
    const events = scoredEvents(docs.get(g.id));
    const sameType = events.filter((e) => e.plover.event === type);
    const src = codes(g.source);
    const tgt = codes(g.target);
    const dyad = sameType.some(
      (e) => src.includes(code3(e.source.code)) && (tgt.length ? tgt.includes(code3(e.target?.code)) : !e.target || src.includes(code3(e.target.code))),
    );
    if (sameType.length) typeOk++;
    if (dyad) dyadOk++;
    pairs.push([type, sameType.length ? type : (events[0]?.plover.event ?? 'NONE')]);
    if (!dyad) {
      errors.push({
        id: g.id,
        sentence: g.text,
        expected: `${src.join('+') || '---'}→${tgt.join('+') || '---'} ${type}`,
        got: describeEvents(events),
        rule: events[0]?.rule ?? null,
        severity: sameType.length ? 1 : events.length ? 3 : 2,
      });
    }
  }
  return {
    set: 'plover-gsr',
    file,
    n,
    figures: { type_accuracy: n ? typeOk / n : 0, dyad_accuracy: n ? dyadOk / n : 0 },
    confusion: confusion(pairs, TYPES),
    worst: worst(errors),
  };
}
