import type { DictLine } from '../dict/files.js';
import { DictError } from '../dict/files.js';
import type { PloverEvent } from '../types.js';

/** One CAMEO code with its Goldstein value and PLOVER reading (data/ontology/cameo.txt). */
export interface CameoEntry {
  code: string;
  name: string;
  goldstein: number;
  event: PloverEvent;
  mode: string | null;
  context: string[];
  rule: string;
}

export interface Ontology {
  /** PLOVER event names from data/ontology/plover.txt. */
  plover: Set<PloverEvent>;
  cameo: Map<string, CameoEntry>;
  /** Pentaclass of each two-digit CAMEO root ("01" → 0 … "20" → 4). */
  pentaclassByRoot: Map<string, 0 | 1 | 2 | 3 | 4>;
  /** CAMEO root → the code of a stated intent to do it (data/ontology/intent.txt). */
  intentByRoot: Map<string, string>;
  /** CAMEO root → the code of refusing it, for negated events (data/ontology/refusal.txt). */
  refusalByRoot: Map<string, string>;
  /** CAMEO code → the converse event it implies, from target to source (data/ontology/converse.txt). */
  converse: Map<string, CameoEntry>;
}

const CODE_RE = /^\d{2,4}$/;

/** Compile the three ontology tables; any malformed line throws DictError naming file:line. */
export function compileOntology(lines: DictLine[]): Ontology {
  const plover = new Set<PloverEvent>();
  const cameoLines: DictLine[] = [];
  const pentaclassByRoot = new Map<string, 0 | 1 | 2 | 3 | 4>();
  const intentLines: DictLine[] = [];
  const refusalLines: DictLine[] = [];
  const converseLines: DictLine[] = [];
  for (const l of lines) {
    const name = l.file.replace(/^.*\//, '');
    if (name === 'plover.txt') {
      if (l.fields.length !== 3 || !/^[A-Z]+$/.test(l.fields[0])) throw new DictError(l.rule, 'expected "EVENT | quad class | description"');
      plover.add(l.fields[0] as PloverEvent);
    } else if (name === 'pentaclass.txt') {
      const [from, to, cls] = l.fields;
      if (l.fields.length !== 3 || !/^\d\d$/.test(from) || !/^\d\d$/.test(to) || !/^[0-4]$/.test(cls))
        throw new DictError(l.rule, 'expected "first root | last root | pentaclass 0-4"');
      for (let r = Number(from); r <= Number(to); r++) pentaclassByRoot.set(String(r).padStart(2, '0'), Number(cls) as 0 | 1 | 2 | 3 | 4);
    } else if (name === 'cameo.txt') cameoLines.push(l);
    else if (name === 'intent.txt') intentLines.push(l);
    else if (name === 'refusal.txt') refusalLines.push(l);
    else if (name === 'converse.txt') converseLines.push(l);
    else throw new DictError(l.rule, 'unknown ontology table (expected plover.txt, pentaclass.txt, cameo.txt, intent.txt, refusal.txt or converse.txt)');
  }
  const cameo = new Map<string, CameoEntry>();
  for (const l of cameoLines) {
    if (l.fields.length !== 6) throw new DictError(l.rule, 'expected "code | name | goldstein | PLOVER event | mode | contexts"');
    const [code, nm, gs, event, mode, ctx] = l.fields;
    const goldstein = Number(gs);
    if (!CODE_RE.test(code)) throw new DictError(l.rule, `CAMEO code "${code}" is not 2-4 digits`);
    if (!pentaclassByRoot.has(code.slice(0, 2))) throw new DictError(l.rule, `CAMEO root "${code.slice(0, 2)}" has no pentaclass`);
    if (gs === '' || !Number.isFinite(goldstein) || goldstein < -10 || goldstein > 10)
      throw new DictError(l.rule, `Goldstein value "${gs}" is not a number in [-10, 10]`);
    if (!plover.has(event as PloverEvent)) throw new DictError(l.rule, `"${event}" is not a PLOVER event of plover.txt`);
    cameo.set(code, {
      code,
      name: nm,
      goldstein,
      event: event as PloverEvent,
      mode: mode || null,
      context: ctx ? ctx.split(',').map((c) => c.trim()).filter(Boolean) : [],
      rule: l.rule,
    });
  }
  const rootMap = (ls: DictLine[]) => {
    const m = new Map<string, string>();
    for (const l of ls) {
      const [root, code] = l.fields;
      if (l.fields.length !== 2 || !/^\d\d$/.test(root) || !cameo.has(code)) throw new DictError(l.rule, 'expected "CAMEO root | a code of cameo.txt"');
      m.set(root, code);
    }
    return m;
  };
  const converse = new Map<string, CameoEntry>();
  for (const l of converseLines) {
    const [code, other] = l.fields;
    if (l.fields.length !== 2 || !cameo.has(code) || !cameo.has(other)) throw new DictError(l.rule, 'expected "CAMEO code | converse CAMEO code", both in cameo.txt');
    converse.set(code, cameo.get(other)!);
  }
  return { plover, cameo, pentaclassByRoot, intentByRoot: rootMap(intentLines), refusalByRoot: rootMap(refusalLines), converse };
}

/** Pentaclass of a CAMEO code (0 statement … 4 material conflict), or null for an unknown root. */
export function pentaclass(ont: Ontology, code: string): 0 | 1 | 2 | 3 | 4 | null {
  return ont.pentaclassByRoot.get(code.slice(0, 2)) ?? null;
}

/** Quad class: the pentaclass with statements (0) counted as verbal cooperation (1), as GDELT does. */
export function quadClass(ont: Ontology, code: string): 1 | 2 | 3 | 4 | null {
  const p = pentaclass(ont, code);
  return p === null ? null : p === 0 ? 1 : p;
}
