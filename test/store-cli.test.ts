/** attache events / history / search, run as the user runs them: a child process over a real store file. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.js';
import { EVENT_CSV_COLUMNS } from '../src/store/export.js';
import { makeDoc } from './store-fixtures.js';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'attache-cli-'));
const db = join(dir, 'store.db');

async function attache(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ATTACHE_DB: '' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const ev = (sentence: string, src: string, tgt: string | null, plover: 'SUPPORT' | 'CONSULT' | 'ACCUSE', cameo: string, quad: 1 | 3) =>
  ({ sentence, src, tgt, plover, cameo, quad, goldstein: quad === 1 ? 3 : -2 }) as const;

beforeAll(async () => {
  const s = await openStore(db);
  const docs = [
    makeDoc({ key: 'c1', date: '2011-12-20', source: 'KCNA', title: 'Chinese condolences', extra: 'Hu Jintao expressed deep condolences over the demise of Kim Jong Il.',
      events: [ev('China sent condolences to the DPRK.', 'CHN', 'PRK', 'SUPPORT', '051', 1), ev('The DPRK held talks with China.', 'PRK', 'CHN', 'CONSULT', '040', 1)] }),
    makeDoc({ key: 'c2', date: '2012-04-13', source: 'KCNA', title: 'Accusation', events: [ev('The DPRK accused South Korea of provocations.', 'PRK', 'KOR', 'ACCUSE', '112', 3)] }),
    makeDoc({ key: 'c3', date: '2013-02-01', source: 'KCNA', title: 'Later talks', events: [ev('The DPRK held talks with China again.', 'PRK', 'CHN', 'CONSULT', '040', 1)] }),
  ];
  for (const d of docs) await s.saveDocument(d.input, d.coded);
  const v2 = makeDoc({ key: 'c2', date: '2012-04-13', source: 'KCNA', title: 'Accusation', extra: 'The statement was revised.',
    events: [ev('The DPRK accused South Korea of provocations.', 'PRK', 'KOR', 'ACCUSE', '112', 3)] });
  await s.saveDocument(v2.input, v2.coded);
  await s.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('attache events', () => {
  it('exports a dyad in a date range as CSV (either direction)', async () => {
    const r = await attache('events', '--db', db, '--dyad', 'PRK-CHN', '--from', '2011-01-01', '--to', '2012-12-31', '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(EVENT_CSV_COLUMNS.join(','));
    expect(lines.slice(1).map((l) => l.split(',').slice(16, 17)[0]).sort()).toEqual(['CONSULT', 'SUPPORT']);
    expect(lines[1]).toContain('https://example.org/news/c1');
  });

  it('filters by --directed, --type, --quad, --actor, --q, --limit and writes jsonl/gdelt/plover/json', async () => {
    const count = async (...a: string[]) => (await attache('events', '--db', db, '--format', 'jsonl', ...a)).stdout.trim().split('\n').filter(Boolean).length;
    expect(await count('--dyad', 'CHN-PRK', '--directed')).toBe(1);
    expect(await count('--type', 'consult')).toBe(2);
    expect(await count('--quad', '3')).toBe(1);
    expect(await count('--actor', 'korea')).toBe(1);
    expect(await count('--q', 'condolences')).toBe(2);
    expect(await count('--limit', '2')).toBe(2);
    expect(await count('--cameo', '11')).toBe(1);
    const gdelt = (await attache('events', '--db', db, '--format', 'gdelt', '--type', 'ACCUSE')).stdout.trim().split('\n');
    expect(gdelt[1].split('\t').slice(0, 5)).toEqual([expect.stringMatching(/^\d+$/), '20120413', '201204', '2012', 'PRKGOV']);
    const plover = JSON.parse((await attache('events', '--db', db, '--format', 'plover', '--type', 'ACCUSE')).stdout);
    expect(plover).toMatchObject({ event: 'ACCUSE', actor: { country: 'PRK' }, recipient: { country: 'KOR' } });
    expect(JSON.parse((await attache('events', '--db', db, '--format', 'json')).stdout).length).toBe(4);
  });

  it('explains bad options and a missing store, exit code 2', async () => {
    const bad = await attache('events', '--db', db, '--dyad', 'PRKCHN', '--quad', '7');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--dyad: must be two ISO 3166 alpha-3 codes.*--quad: must be 1, 2, 3 or 4/);
    const none = await attache('events', '--db', join(dir, 'nothing.db'));
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/nothing\.db: no store there/);
    expect(existsSync(join(dir, 'nothing.db'))).toBe(false);
    expect((await attache('events', '--db', db, '--q', '"unbalanced')).stderr).toMatch(/search query ""unbalanced": unterminated string/);
  });
});

describe('attache history and search', () => {
  it('shows versions and the diff between them', async () => {
    const r = await attache('history', 'https://example.org/news/c2', '--db', db);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/v1 .*sha256 [0-9a-f]{16}/);
    expect(r.stdout).toMatch(/v2 /);
    expect(r.stdout).toContain('+The statement was revised.');
    const none = await attache('history', 'https://example.org/none', '--db', db);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no document "https:\/\/example.org\/none"/);
  });

  it('finds documents with snippets', async () => {
    const r = await attache('search', 'condolence', '--db', db);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2011-12-20\tKCNA\tChinese condolences/);
    expect(r.stdout).toMatch(/\[condolences\]/);
    const j = (await attache('search', 'Kim', 'Jong-Il', '--db', db, '--format', 'jsonl')).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(j.map((h) => h.title)).toEqual(['Chinese condolences']);
  });
});

describe('attache actors', () => {
  it('lists the actors, most active first, as a table, CSV or JSON, filtered by country and name', async () => {
    const t = await attache('actors', '--db', db);
    expect(t.code).toBe(0);
    const lines = t.stdout.trimEnd().split('\n');
    expect(lines[0].split(/\s+/)).toEqual(['code', 'country', 'name', 'events_as_source', 'events_as_target', 'signals_sent', 'signals_received', 'first_seen', 'last_seen']);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/)[0])).toEqual(['PRKGOV', 'CHNGOV', 'KORGOV']);
    expect(lines[1].split(/\s{2,}/)).toEqual(['PRKGOV', 'PRK', 'DPRK', '3', '1', '0', '0', '2011-12-20', '2013-02-01']);
    const csv = await attache('actors', '--db', db, '--country', 'chn', '--format', 'csv');
    expect(csv.stdout).toBe(
      'code,country,name,events_as_source,events_as_target,signals_sent,signals_received,first_seen,last_seen\nCHNGOV,CHN,China,1,2,0,0,2011-12-20,2013-02-01\n',
    );
    const json = JSON.parse((await attache('actors', '--db', db, '--q', 'korea', '--format', 'json')).stdout);
    expect(json).toEqual([
      { code: 'KORGOV', country: 'KOR', name: 'South Korea', eventsAsSource: 0, eventsAsTarget: 1, signalsSent: 0, signalsReceived: 0, firstSeen: '2012-04-13', lastSeen: '2012-04-13' },
    ]);
    expect((await attache('actors', '--db', db, '--limit', '1', '--format', 'json')).stdout).toMatch(/"PRKGOV"/);
    const none = await attache('actors', '--db', db, '--q', 'nobody');
    expect([none.code, none.stdout, none.stderr]).toEqual([0, '', 'no actors match\n']);
  });

  it('explains bad options and a missing store, exit code 2', async () => {
    const bad = await attache('actors', '--db', db, '--country', 'Korea', '--limit', 'ten');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--country: must be an ISO 3166 alpha-3 code.*--limit: must be a whole number/);
    const missing = await attache('actors', '--db', join(dir, 'nothing.db'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^attache actors: .*nothing\.db: no store there/);
  });
});
