/**
 * /api/alerts: the alerts defined beside the store (`attache alert add`), read-only, with how often each
 * has fired; /api/alerts/:name: an alert's current matches with their evidence.
 */
import { z } from 'zod';
import { HTTPException } from 'hono/http-exception';
import type { Api } from '../api.js';
import type { ServerDeps } from '../deps.js';
import { alertMatches, alertsPath, describeQuery, readAlerts, type AlertDefinition, type AlertMatch } from '../../analysis/alerts.js';
import { format, isoDate, page } from '../params.js';
import { respondTable, sliceRows, type Table } from '../tables.js';

const alertsQuery = z.object({ ...page, format }).strict();
const alertParams = z.object({ name: z.string().regex(/^[\w.-]{1,64}$/, 'an alert name: letters, digits, _ . - (at most 64)') });
const alertQuery = z.object({ since: isoDate.optional().describe('only matches from documents of this day on'), ...page, format }).strict();

export interface AlertRow {
  name: string;
  query: string;
  actor: string | null;
  to: string;
  createdAt: string;
  fired: number;
}

const alertsTable: Table<AlertRow> = {
  name: 'alerts',
  columns: [
    ['name', (r) => r.name],
    ['query', (r) => r.query],
    ['actor', (r) => r.actor],
    ['to', (r) => r.to],
    ['created_at', (r) => r.createdAt],
    ['fired', (r) => r.fired],
  ],
};

const matchesTable: Table<AlertMatch> = {
  name: 'alert-matches',
  columns: [
    ['alert', (r) => r.alert],
    ['kind', (r) => r.kind],
    ['date', (r) => r.date],
    ['summary', (r) => r.summary],
    ['evidence', (r) => r.evidence],
    ['document_id', (r) => r.doc?.id],
    ['url', (r) => r.doc?.url],
  ],
};

export function register(api: Api, { store }: ServerDeps): void {
  /** The alerts file is read on each request: `attache alert add` may change it while the server runs. */
  const definitions = (): { defs: AlertDefinition[]; fired: Record<string, string[]> } => {
    let path: string;
    try {
      path = alertsPath(store.location);
    } catch {
      return { defs: [], fired: {} };
    }
    const file = readAlerts(path);
    return { defs: file.alerts, fired: file.fired };
  };
  api.get({ path: '/api/alerts', tag: 'alerts', summary: 'Alerts defined for this store and how many matches each has fired', query: alertsQuery, downloads: true }, (c, q) => {
    const { defs, fired } = definitions();
    const rows: AlertRow[] = defs.map((d) => ({ name: d.name, query: describeQuery(d), actor: d.actor, to: d.to, createdAt: d.createdAt, fired: fired[d.name]?.length ?? 0 }));
    return respondTable(c, alertsTable, q, sliceRows(rows));
  });
  api.get(
    { path: '/api/alerts/:name', tag: 'alerts', summary: "An alert's current matches with their evidence", params: alertParams, query: alertQuery, downloads: true },
    async (c, q, p) => {
      const def = definitions().defs.find((d) => d.name === p.name);
      if (!def) throw new HTTPException(404, { message: `no alert named ${p.name}` });
      return respondTable(c, { ...matchesTable, name: `alert-${def.name}` }, q, sliceRows(await alertMatches(store, def, q.since)));
    },
  );
}
