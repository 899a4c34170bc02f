import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { contentHash, simhash } from '../store/fingerprint.js';
import { codedHistory, saveHistory } from '../../test/analysis-history.js';
import { addAlert, alertMatches, alertsPath, evaluateAlerts, hasAlerts, readAlerts, removeAlert, type AlertDefinition } from './alerts.js';

const dir = mkdtempSync(join(tmpdir(), 'attache-alerts-'));
let store: Store;
let n = 0;
const fresh = () => join(dir, `alerts-${++n}.json`);
const def = (name: string, query: AlertDefinition['query'], extra: Partial<AlertDefinition> = {}): AlertDefinition => ({
  name, query, actor: null, to: 'stdout', createdAt: '2023-12-03T00:00:00Z', ...extra,
});
const quiet = { stdout: () => undefined };

/** A loopback webhook that records bodies and answers with the status `answer()` gives (or never answers). */
function webhook(answer: () => number | 'hang') {
  const bodies: { alert: string; matches: { key: string }[] }[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      bodies.push(JSON.parse(body));
      const a = answer();
      if (a !== 'hang') res.writeHead(a).end();
    });
  });
  return new Promise<{ url: string; bodies: typeof bodies; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies, close: () => {
          server.closeAllConnections();
          server.close();
        } }),
    ),
  );
}

beforeAll(async () => {
  store = await openStore(join(dir, 'history.db'));
  await saveHistory(store);
});
afterAll(async () => store.close());

describe('alerts', () => {
  it('finds the matches of each kind of query', async () => {
    const keys = async (d: AlertDefinition, since?: string) => (await alertMatches(store, d, since)).map((m) => m.key);
    // every PRK–CHN event, in either direction, whatever its modality
    expect(await keys(def('d', { dyad: { a: 'PRK', b: 'CHN' } }))).toHaveLength(9);
    expect(await keys(def('d', { dyad: { a: 'PRK', b: 'CHN' } }), '2023-09-01')).toHaveLength(2);
    const sanction = await alertMatches(store, def('t', { type: 'SANCTION' }));
    expect(sanction.map((m) => [m.summary, m.evidence])).toEqual([['USA→PRK SANCTION 163 (Goldstein -8, asserted)', 'The United States imposed sanctions on North Korea.']]);
    expect(await keys(def('t', { type: 'COOPERATE' }, { actor: 'RUS' }))).toEqual([]);
    expect(await keys(def('m', { marker: 'sovereignty' }))).toHaveLength(2);
    const missing = await alertMatches(store, def('r', { missingRitual: { tolerance: 7, window: 3, minYears: 2 } }));
    expect(missing.map((m) => [m.key, m.date, m.doc?.date])).toEqual([['ritual:PRK>RUS|congratulations|national_day|2023-06-12', '2023-06-12', '2022-06-12']]);
  });

  it('fires each match once, to stdout and to a JSONL file', async () => {
    const path = fresh();
    const jsonl = join(dir, 'fired.jsonl');
    addAlert(path, def('china', { dyad: { a: 'PRK', b: 'CHN' } }, { to: jsonl }));
    addAlert(path, def('russia-day', { missingRitual: { tolerance: 7, window: 3, minYears: 2 } }, { actor: 'RUS' }));
    const lines: string[] = [];
    const first = await evaluateAlerts(store, { alertsFile: path, stdout: (l) => lines.push(l) });
    expect(first.failures).toEqual([]);
    expect(first.fired.map((m) => m.alert)).toEqual([...Array(9).fill('china'), 'russia-day']);
    expect(readFileSync(jsonl, 'utf8').trim().split('\n')).toHaveLength(9);
    expect(JSON.parse(lines[0]).summary).toMatch(/^MISSING: PRK→RUS congratulations for Russia Day, expected 2023-06-12/);
    const again = await evaluateAlerts(store, { alertsFile: path, ...quiet });
    expect(again.fired).toEqual([]);
    expect(readAlerts(path).fired.china).toHaveLength(9);
  });

  it('with a baseline fires only for what arrives later', async () => {
    const path = fresh();
    const d = def('aid', { type: 'AID' });
    addAlert(path, d, await alertMatches(store, d));
    expect((await evaluateAlerts(store, { alertsFile: path, ...quiet })).fired).toEqual([]);
    const text = 'China sent fertiliser to North Korea.';
    const [{ coded }] = codedHistory().filter((h) => h.coded.id === 'ev-2023-06-20');
    await store.saveDocument(
      { source: 'KCNA', externalId: 'late-aid', date: '2023-12-05', language: 'en', text, raw: text, rawType: 'text/plain', contentHash: contentHash(text), simhash: simhash(text) },
      { ...coded, id: 'late-aid', date: '2023-12-05', events: [{ ...coded.events[0], span: [0, text.length], date: '2023-12-05', source: { ...coded.events[0].source, country: 'CHN', code: 'CHNGOV' } }] },
    );
    const r = await evaluateAlerts(store, { alertsFile: path, ...quiet });
    expect(r.fired.map((m) => [m.summary, m.evidence])).toEqual([['CHN→PRK AID 071 (Goldstein 7.4, asserted)', text]]);
  });

  it('posts to a webhook; a failed or timed-out delivery is reported and retried next time', async () => {
    let status: number | 'hang' = 500;
    const hook = await webhook(() => status);
    try {
      const path = fresh();
      addAlert(path, def('sov', { marker: 'sovereignty' }, { to: hook.url }));
      const failed = await evaluateAlerts(store, { alertsFile: path });
      expect(failed.fired).toEqual([]);
      expect(failed.failures.map((f) => f.error)).toEqual([`webhook ${hook.url}: HTTP 500`]);
      status = 'hang';
      const slow = await evaluateAlerts(store, { alertsFile: path, timeoutMs: 300 });
      expect(slow.failures.map((f) => f.error)).toEqual([`webhook ${hook.url}: no answer within 300 ms`]);
      status = 204;
      const ok = await evaluateAlerts(store, { alertsFile: path });
      expect(ok.failures).toEqual([]);
      expect(ok.fired).toHaveLength(2);
      expect(hook.bodies).toHaveLength(3);
      expect(hook.bodies[2].alert).toBe('sov');
      expect(hook.bodies[2].matches.map((m) => m.key).sort()).toEqual(ok.fired.map((m) => m.key).sort());
      expect((await evaluateAlerts(store, { alertsFile: path })).deliveries).toEqual([]);
    } finally {
      hook.close();
    }
  });

  it('reports a refused connection', async () => {
    const hook = await webhook(() => 200);
    hook.close();
    const path = fresh();
    addAlert(path, def('dead', { type: 'SANCTION' }, { to: hook.url }));
    const r = await evaluateAlerts(store, { alertsFile: path });
    expect(r.failures.map((f) => f.error)).toEqual([`webhook ${hook.url}: ECONNREFUSED`]);
    expect(r.fired).toEqual([]);
  });

  it('adds, refuses duplicates, removes, and rejects a malformed file by name', () => {
    const path = fresh();
    addAlert(path, def('x', { type: 'ASSAULT' }));
    expect(() => addAlert(path, def('x', { type: 'ASSAULT' }))).toThrow('an alert named "x" exists already');
    removeAlert(path, 'x');
    expect(readAlerts(path)).toEqual({ version: 1, alerts: [], fired: {} });
    expect(() => removeAlert(path, 'x')).toThrow(`no alert named "x" in ${path}`);
    writeFileSync(path, JSON.stringify({ version: 1, alerts: [{ name: 'y', query: { type: 'HUG' }, createdAt: 'now' }], fired: {} }));
    expect(() => readAlerts(path)).toThrow(`${path}: alerts.0.query`);
    writeFileSync(path, '{');
    expect(() => readAlerts(path)).toThrow(`${path}: not JSON`);
  });

  it('does nothing when no alert was ever added', async () => {
    expect(await evaluateAlerts(store, { alertsFile: join(dir, 'none.json') })).toEqual({ fired: [], deliveries: [], failures: [] });
  });

  it('says whether there is any alert to evaluate (a file it cannot read counts: evaluating reports it)', () => {
    const path = fresh();
    expect(hasAlerts('postgres://db/attache', path)).toBe(false); // no file
    addAlert(path, def('x', { type: 'ASSAULT' }));
    expect(hasAlerts('postgres://db/attache', path)).toBe(true);
    removeAlert(path, 'x');
    expect(hasAlerts('postgres://db/attache', path)).toBe(false); // a file with none
    writeFileSync(path, '{');
    expect(hasAlerts('postgres://db/attache', path)).toBe(true);
  });

  it('keeps the alerts file beside a SQLite database unless told otherwise', () => {
    const env = process.env.ATTACHE_ALERTS;
    delete process.env.ATTACHE_ALERTS;
    try {
      expect(alertsPath('sqlite:/data/attache.db')).toBe('/data/attache.db.alerts.json');
      expect(alertsPath('sqlite:/data/attache.db', '/etc/a.json')).toBe('/etc/a.json');
      expect(() => alertsPath('postgres://db/attache')).toThrow(/give --alerts FILE or set ATTACHE_ALERTS/);
    } finally {
      if (env !== undefined) process.env.ATTACHE_ALERTS = env;
    }
  });
});
