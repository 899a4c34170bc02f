/**
 * Alerts: named standing queries over the store — a dyad, a PLOVER event type, a framing marker, or a
 * missing ritual — evaluated after each ingest or watch cycle; each match fires once.
 *
 * Definitions and what has fired live in a JSON file beside the database (`<db>.alerts.json`, or
 * `--alerts FILE` / $ATTACHE_ALERTS), validated with zod when read. A match whose delivery fails is not
 * recorded as fired, so the next evaluation retries it; the failure is in the result.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { Store } from '../store/store.js';
import { deliver, type DeliveryOptions, type DeliveryResult } from './alert-delivery.js';
import { ritualsFromStore } from './rituals.js';

const Country = z.string().regex(/^[A-Z]{3}$/);

export const AlertQuery = z.union([
  z.object({ dyad: z.object({ a: Country, b: Country }) }).strict(),
  z.object({ type: z.enum(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']) }).strict(),
  z.object({ marker: z.string().regex(/^[a-z][a-z0-9_]*$/) }).strict(),
  z
    .object({
      missingRitual: z.object({
        tolerance: z.number().int().min(0).default(7),
        window: z.number().int().min(1).default(3),
        minYears: z.number().int().min(1).default(2),
      }),
    })
    .strict(),
]);
export type AlertQuery = z.infer<typeof AlertQuery>;

export const AlertDefinition = z.object({
  name: z.string().regex(/^[\w.-]{1,64}$/, 'letters, digits, _ . - (at most 64)'),
  query: AlertQuery,
  /** Either country of an event (type alerts) or of a ritual (missing-ritual alerts). */
  actor: Country.nullable().default(null),
  to: z.string().min(1).default('stdout'),
  createdAt: z.string(),
});
export type AlertDefinition = z.infer<typeof AlertDefinition>;

const AlertFile = z.object({
  version: z.literal(1),
  alerts: z.array(AlertDefinition),
  /** Keys of the matches each alert has fired. */
  fired: z.record(z.string(), z.array(z.string())),
});
export type AlertFile = z.infer<typeof AlertFile>;

/** One thing an alert found. `key` is what makes it fire once. */
export interface AlertMatch {
  alert: string;
  key: string;
  kind: 'dyad' | 'type' | 'marker' | 'missing_ritual';
  date: string | null;
  summary: string;
  evidence: string | null;
  doc: { id: number; url: string | null; title: string | null; date: string | null } | null;
}

/** The alerts file for a store: explicit path, else $ATTACHE_ALERTS, else `<sqlite path>.alerts.json`. */
export function alertsPath(storeLocation: string, explicit?: string | null): string {
  const p = explicit || process.env.ATTACHE_ALERTS;
  if (p) return p;
  const m = /^sqlite:(.+)$/.exec(storeLocation);
  if (!m) throw new Error(`${storeLocation}: not a SQLite store, so there is no file beside it; give --alerts FILE or set ATTACHE_ALERTS`);
  return `${m[1]}.alerts.json`;
}

export function readAlerts(path: string): AlertFile {
  if (!existsSync(path)) return { version: 1, alerts: [], fired: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: not JSON (${(e as Error).message})`);
  }
  const r = AlertFile.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(`${path}: ${i.path.join('.') || 'file'}: ${i.message}`);
  }
  return r.data;
}

/** Write atomically (temp file, then rename) so a reader never sees half a file. */
export function writeAlerts(path: string, file: AlertFile): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(file, null, 2) + '\n');
  renameSync(tmp, path);
}

/** The alerts file an evaluation reads (explicit, $ATTACHE_ALERTS, else beside a SQLite store), or null when there is none. */
function existingAlertsFile(storeLocation: string, explicit?: string): string | null {
  const path = explicit || process.env.ATTACHE_ALERTS || (storeLocation.startsWith('sqlite:') ? alertsPath(storeLocation) : null);
  return path && existsSync(path) ? path : null;
}

/**
 * Whether evaluating the alerts of the store at `storeLocation` would look at any alert (so whether waiting
 * for documents before evaluating is worth it). A file that cannot be read counts: evaluating reports it.
 */
export function hasAlerts(storeLocation: string, alertsFile?: string): boolean {
  const path = existingAlertsFile(storeLocation, alertsFile);
  if (!path) return false;
  try {
    return readAlerts(path).alerts.length > 0;
  } catch {
    return true;
  }
}

/** A short description of the query, for lists. */
export function describeQuery(d: AlertDefinition): string {
  const q = d.query;
  const actor = d.actor ? ` of ${d.actor}` : '';
  if ('dyad' in q) return `dyad ${q.dyad.a}-${q.dyad.b}`;
  if ('type' in q) return `event type ${q.type}${actor}`;
  if ('marker' in q) return `marker ${q.marker}`;
  return `missing ritual${actor} (±${q.missingRitual.tolerance} d, ${q.missingRitual.minYears} of ${q.missingRitual.window} years)`;
}

/** Every current match of an alert (documents from `since` on, for event and marker alerts). */
export async function alertMatches(store: Store, d: AlertDefinition, since?: string): Promise<AlertMatch[]> {
  const q = d.query;
  const out: AlertMatch[] = [];
  const docOf = (r: { id: number; url: string | null; title: string | null; date: string | null }) => ({ id: r.id, url: r.url, title: r.title, date: r.date });
  if ('dyad' in q || 'type' in q) {
    const filter = 'dyad' in q ? { dyad: q.dyad, from: since } : { plover: q.type, country: d.actor ?? undefined, from: since };
    for await (const r of store.events(filter)) {
      const e = r.event;
      out.push({
        alert: d.name,
        key: `event:${r.id}`,
        kind: 'dyad' in q ? 'dyad' : 'type',
        date: e.date ?? r.doc.date,
        summary: `${e.source.country ?? e.source.code ?? '?'}→${e.target?.country ?? e.target?.code ?? '-'} ${e.plover.event} ${e.cameo} (Goldstein ${e.goldstein}, ${e.modality})`,
        evidence: r.evidence,
        doc: docOf(r.doc),
      });
    }
  } else if ('marker' in q) {
    for await (const r of store.markers({ marker: q.marker, from: since })) {
      out.push({
        alert: d.name,
        key: `marker:${r.doc.id}:${q.marker}`,
        kind: 'marker',
        date: r.doc.date,
        summary: `marker ${q.marker} ×${r.marker.count} in "${r.doc.title ?? r.doc.id}"`,
        evidence: null,
        doc: docOf(r.doc),
      });
    }
  } else {
    const report = await ritualsFromStore(store, { ...q.missingRitual, actor: d.actor ?? undefined });
    for (const x of report.rituals) {
      if (x.status !== 'missing') continue;
      out.push({
        alert: d.name,
        key: `ritual:${x.sender}>${x.recipient}|${x.kind}|${x.occasionType}|${x.expected}`,
        kind: 'missing_ritual',
        date: x.expected,
        summary: `MISSING: ${x.sender}→${x.recipient} ${x.kind} for ${x.occasion ?? x.occasionType}, expected ${x.expected} (seen ${x.yearsSeen.join(', ')})`,
        evidence: x.lastSeen.evidence,
        doc: { id: x.lastSeen.doc.id, url: x.lastSeen.doc.url, title: x.lastSeen.doc.title, date: x.lastSeen.date },
      });
    }
  }
  return out;
}

export interface EvaluateOptions extends DeliveryOptions {
  /** Only documents published on or after this day (ISO) are looked at by event and marker alerts. */
  since?: string;
  /** The alerts file (default: beside the store, see alertsPath). */
  alertsFile?: string;
}

export interface EvaluateResult {
  /** Matches delivered by this run (each alert's new matches). */
  fired: AlertMatch[];
  deliveries: DeliveryResult[];
  /** Deliveries that failed, with the reason (their matches will be retried). */
  failures: DeliveryResult[];
}

/**
 * Evaluate every alert against the store and deliver the matches not fired before. Call after each ingest
 * run and each watch cycle; with no alerts file (none was ever added) it returns at once with nothing. The
 * alerts file is written back only when something fired. Throws only for a malformed alerts file.
 */
export async function evaluateAlerts(store: Store, opts: EvaluateOptions = {}): Promise<EvaluateResult> {
  const path = existingAlertsFile(store.location, opts.alertsFile);
  if (!path) return { fired: [], deliveries: [], failures: [] };
  const file = readAlerts(path);
  const fired: AlertMatch[] = [];
  const deliveries: DeliveryResult[] = [];
  for (const d of file.alerts) {
    const done = new Set(file.fired[d.name] ?? []);
    const fresh = (await alertMatches(store, d, opts.since)).filter((m) => !done.has(m.key));
    if (!fresh.length) continue;
    const result = await deliver(d.name, d.to, fresh, opts);
    deliveries.push(result);
    if (!result.ok) continue;
    fired.push(...fresh);
    file.fired[d.name] = [...done, ...fresh.map((m) => m.key)];
  }
  if (fired.length) {
    // merge into the file as it is now: an alert added or removed meanwhile is kept or stays removed
    const now = readAlerts(path);
    for (const d of now.alerts) if (file.fired[d.name]) now.fired[d.name] = [...new Set([...(now.fired[d.name] ?? []), ...file.fired[d.name]])];
    writeAlerts(path, now);
  }
  return { fired, deliveries, failures: deliveries.filter((r) => !r.ok) };
}

/**
 * Evaluate the alerts after an ingest run or a watch cycle and say what happened, one line each on `log`:
 * deliveries made, deliveries failed (retried next time), or why the alerts could not be read. Never throws:
 * an alert problem must not fail the ingest that triggered it, but it is never silent either.
 */
export async function evaluateAndReport(store: Store, log: (line: string) => void): Promise<void> {
  try {
    const r = await evaluateAlerts(store);
    for (const d of r.deliveries)
      log(d.ok ? `alert ${d.alert}: ${d.matches} new matches delivered to ${d.to}` : `alert ${d.alert}: delivery to ${d.to} failed (${d.error}); will retry`);
  } catch (e) {
    log(`alerts not evaluated: ${(e as Error).message}`);
  }
}

/**
 * Add an alert. With `baseline` (the matches the store holds now), those count as fired, so the alert
 * fires only for what arrives later. Throws if the name is taken.
 */
export function addAlert(path: string, def: AlertDefinition, baseline: AlertMatch[] = []): AlertFile {
  const file = readAlerts(path);
  if (file.alerts.some((a) => a.name === def.name)) throw new Error(`an alert named "${def.name}" exists already (remove it first)`);
  file.alerts.push(AlertDefinition.parse(def));
  file.fired[def.name] = baseline.map((m) => m.key);
  writeAlerts(path, file);
  return file;
}

/** Remove an alert and what it fired. Throws if there is none of that name. */
export function removeAlert(path: string, name: string): AlertFile {
  const file = readAlerts(path);
  if (!file.alerts.some((a) => a.name === name)) throw new Error(`no alert named "${name}" in ${path}`);
  file.alerts = file.alerts.filter((a) => a.name !== name);
  delete file.fired[name];
  writeAlerts(path, file);
  return file;
}
