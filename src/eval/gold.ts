import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DocumentInput } from '../types.js';

/** The gold sets `attache eval` knows. */
export const EVAL_SETS = ['kcna-signals', 'plover-gsr', 'petr2-gsr', 'cameo-pentaclass'] as const;
export type EvalSet = (typeof EVAL_SETS)[number];

/** A gold file read and checked: the documents to code and the gold lines, in the same order. */
export interface GoldFile {
  docs: DocumentInput[];
  lines: unknown[];
}

const ActorList = z.union([z.array(z.object({ actorText: z.string().optional(), code: z.string() }).passthrough()), z.string(), z.null()]);

export const PloverLine = z.object({
  id: z.string(),
  date: z.string().nullable().optional(),
  text: z.string(),
  event: z.string(),
  mode: z.string().nullable().optional(),
  source: ActorList,
  target: ActorList,
});
export type PloverLine = z.infer<typeof PloverLine>;

export const Petr2Line = z.object({
  id: z.string(),
  date: z.string().nullable().optional(),
  text: z.string(),
  events: z.array(z.object({ source: z.string(), target: z.string(), cameo: z.string().regex(/^\d{2,4}$/) })),
});
export type Petr2Line = z.infer<typeof Petr2Line>;

export const PentaclassLine = z.object({ id: z.string(), text: z.string(), class: z.number().int().min(0).max(4) });
export type PentaclassLine = z.infer<typeof PentaclassLine>;

const KcnaLine = z.object({ id: z.string(), date: z.string().nullable().optional(), title: z.string().nullable().optional(), source: z.string().nullable().optional(), text: z.string() }).passthrough();

/** Read a gold file of `set`; a bad line throws an error naming file:line and the problem. */
export function readGold(set: EvalSet, file: string): GoldFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read gold file (${(e as Error).message})`);
  }
  const rows = text.split(/\r?\n/).map((l, i) => ({ l, n: i + 1 })).filter((r) => r.l.trim() !== '');
  if (rows.length === 0) throw new Error(`${file}: gold file is empty`);
  const docs: DocumentInput[] = [];
  const lines: unknown[] = [];
  for (const { l, n } of rows) {
    const where = `${file}:${n}`;
    if (set === 'cameo-pentaclass') {
      const tab = l.lastIndexOf('\t');
      const parsed = PentaclassLine.safeParse({ id: `line-${n}`, text: tab < 0 ? '' : l.slice(0, tab), class: tab < 0 ? NaN : Number(l.slice(tab + 1)) });
      if (tab < 0 || !parsed.success) throw new Error(`${where}: expected "sentence<TAB>class 0-4"`);
      lines.push(parsed.data);
      docs.push({ id: parsed.data.id, text: parsed.data.text, date: null });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(l);
    } catch {
      throw new Error(`${where}: not JSON`);
    }
    const schema = set === 'plover-gsr' ? PloverLine : set === 'petr2-gsr' ? Petr2Line : KcnaLine;
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new Error(`${where}: not a ${set} gold line (${parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ')})`);
    const g = parsed.data as { id: string; text: string; date?: string | null; title?: string | null; source?: unknown };
    lines.push(json);
    // In plover-gsr, `source` is the gold source actor, not the outlet.
    const outlet = set === 'kcna-signals' && typeof g.source === 'string' ? g.source : null;
    docs.push({ id: g.id, text: g.text, date: g.date ?? null, title: g.title ?? null, source: outlet });
  }
  return { docs, lines };
}
