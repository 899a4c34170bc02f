/** The analysis commands end to end: the synthetic history saved in a SQLite store, each command in a child process. */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.js';
import { saveHistory } from './analysis-history.js';

const dir = mkdtempSync(join(tmpdir(), 'attache-analysis-'));
const db = join(dir, 'history.db');

const run = (...args: string[]) => {
  const r = spawnSync('node', ['bin/attache.js', ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, ATTACHE_ALERTS: '' } });
  return { status: r.status, out: r.stdout, err: r.stderr };
};

beforeAll(async () => {
  const store = await openStore(db);
  await saveHistory(store);
  await store.close();
});

describe('analysis commands over a store', () => {
  it('dyad PRK CHN --format json gives the per-year directions and top events', () => {
    const r = run('dyad', 'PRK', 'CHN', '--format', 'json', '--top', '2');
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j.periods.map((p: { period: string; ab: { events: number }; ba: { events: number } }) => [p.period, p.ab.events, p.ba.events])).toEqual([
      ['2022', 2, 2],
      ['2023', 2, 2],
    ]);
    expect(j.periods[0].asymmetry).toEqual({ events: 0, goldstein: -0.189 });
    expect(j.top.map((e: { cameo: string; evidence: string }) => [e.cameo, e.evidence])).toEqual([
      ['062', 'Chinese and North Korean navies held a joint drill.'],
      ['061', 'China opened a new trade route with North Korea.'],
    ]);
  });

  it('dyad as a table and as CSV', () => {
    const t = run('dyad', 'prk', 'chn', '--by', 'quarter');
    expect(t.status).toBe(0);
    expect(t.out).toContain('PRK–CHN by quarter');
    expect(t.out).toMatch(/2022-Q1\s+PRK→CHN\s+1\s+1\s+0\s+0\s+0\s+5\.2/);
    const c = run('dyad', 'PRK', 'CHN', '--format', 'csv');
    const lines = c.out.trim().split('\n');
    expect(lines[0]).toBe('period,source,target,events,q1,q2,q3,q4,goldstein_sum,goldstein_mean,tone_mean,plover,asymmetry_events,asymmetry_goldstein');
    expect(lines[1]).toBe('2022,PRK,CHN,2,2,0,0,0,7.1,3.55,2.5,"{""AGREE"":1,""CONSULT"":1}",0,-0.189');
    expect(lines).toHaveLength(7);
  });

  it('rituals --year 2023 lists the missing Russia Day message and the first-time condolences', () => {
    const r = run('rituals', '--year', '2023', '--format', 'json');
    const j = JSON.parse(r.out);
    expect(j.summary).toEqual({ expected: 3, onTime: 1, late: 1, missing: 1, pending: 0, firstTime: 1 });
    expect(j.rituals.filter((x: { status: string }) => x.status === 'missing').map((x: { sender: string; recipient: string; usualDay: string }) => `${x.sender}>${x.recipient} ${x.usualDay}`)).toEqual(['PRK>RUS 06-12']);
    const t = run('rituals', '--year', '2023');
    expect(t.out).toContain('3 expected: 1 on time, 1 late, 1 MISSING, 0 pending; 1 first-time');
    expect(t.out).toContain('sender Kim Jong Il → Kim Jong Un');
    expect(t.out).toMatch(/2023-03-10 {2}PRK→RUS condolences, floods \(disaster\) ×2/);
  });

  it('follow PRK CHN: per-domain conversion and the unfulfilled security promise', () => {
    const j = JSON.parse(run('follow', 'PRK', 'CHN', '--horizon', '26w', '--format', 'json').out);
    expect(j.horizon).toBe(182);
    expect(j.domains.map((d: { domain: string; rate: number | null }) => [d.domain, d.rate])).toEqual([['cultural', 1], ['economic', 1], ['security', 0]]);
    expect(j.unfulfilled.map((l: { commitment: { date: string } }) => l.commitment.date)).toEqual(['2023-01-10']);
  });

  it('framing PRK CHN: sovereignty gained, peace lost in 2023', () => {
    const j = JSON.parse(run('framing', 'PRK', 'CHN', '--format', 'json').out);
    const last = j.shifts.at(-1);
    expect([last.from, last.to, last.gained.map((m: { marker: string }) => m.marker), last.lost.map((m: { marker: string }) => m.marker)]).toEqual(['2022', '2023', ['sovereignty'], ['peace']]);
  });

  it('network --format graphml', () => {
    const r = run('network', '--format', 'graphml', '--from', '2023-01-01');
    expect(r.out).toContain('<edge id="e0" source="CHN" target="PRK">');
    expect(r.out.match(/<edge /g)).toHaveLength(5);
  });

  it('rejects bad options and an absent store with a clear message', () => {
    const bad = run('dyad', 'PRK', 'China');
    expect(bad.status).toBe(2);
    expect(bad.err).toBe('attache dyad: argument B "China": expected a three-letter country code such as PRK\n');
    expect(run('rituals', '--tolerance', 'week').err).toBe('attache rituals: --tolerance "week": expected a whole number\n');
    expect(run('follow', 'PRK', 'CHN', '--horizon', 'soon').err).toMatch(/--horizon "soon": expected days such as 180d/);
    const none = spawnSync('node', ['bin/attache.js', 'dyad', 'PRK', 'CHN', '--db', join(dir, 'absent.db')], { encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('absent.db: no store there');
  });

  it('alert add / list / run / remove, with a webhook on loopback', async () => {
    const bodies: { alert: string; matches: { key: string }[] }[] = [];
    const server = createServer((req, res) => {
      let b = '';
      req.on('data', (c) => (b += c));
      req.on('end', () => {
        bodies.push(JSON.parse(b));
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const jsonl = join(dir, 'missing.jsonl');
    const runAsync = (...args: string[]) =>
      new Promise<{ status: number | null; out: string; err: string }>((resolve) => {
        const p = spawn('node', ['bin/attache.js', ...args, '--db', db], { env: { ...process.env, ATTACHE_ALERTS: '' } });
        let o = '';
        let e = '';
        p.stdout.on('data', (c) => (o += c));
        p.stderr.on('data', (c) => (e += c));
        p.on('close', (status) => resolve({ status, out: o, err: e }));
      });
    try {
      const add1 = run('alert', 'add', 'sov', '--marker', 'sovereignty', '--to', url, '--include-existing');
      expect(add1.err).toBe('');
      expect(add1.out).toBe(`alert "sov" added to ${db}.alerts.json: marker sovereignty → ${url}\n`);
      // a relative file is kept by its absolute path
      const add2 = spawnSync('node', [join(process.cwd(), 'bin/attache.js'), 'alert', 'add', 'rituals', '--missing-ritual', '--actor', 'rus', '--to', 'missing.jsonl', '--include-existing', '--db', db], { cwd: dir, encoding: 'utf8', env: { ...process.env, ATTACHE_ALERTS: '' } });
      expect(add2.stdout).toBe(`alert "rituals" added to ${db}.alerts.json: missing ritual of RUS (±7 d, 2 of 3 years) → ${jsonl}\n`);
      const add3 = run('alert', 'add', 'china', '--dyad', 'PRK-CHN');
      expect(add3.out).toContain('(9 existing matches will not fire)');
      expect(run('alert', 'add', 'two', '--dyad', 'PRK-CHN', '--type', 'AID').err).toBe('attache alert add: give exactly one of --dyad A-B, --type PLOVER, --marker M, --missing-ritual\n');
      expect(run('alert', 'add', 'bad', '--type', 'AID', '--to', 'ftp://x').err).toMatch(/--to "ftp:\/\/x": expected stdout, a FILE.jsonl or an http/);
      const fired = await runAsync('alert', 'run');
      expect(fired.err).toBe('attache alert run: 3 fired\n');
      expect(fired.status).toBe(0);
      expect(bodies.map((b) => [b.alert, b.matches.length])).toEqual([['sov', 2]]);
      expect(JSON.parse(readFileSync(jsonl, 'utf8').trim()).key).toBe('ritual:PRK>RUS|congratulations|national_day|2023-06-12');
      expect((await runAsync('alert', 'run')).err).toBe('attache alert run: 0 fired\n');
      const list = JSON.parse(run('alert', 'list', '--format', 'json').out);
      expect(list.map((a: { name: string; fired: number }) => [a.name, a.fired])).toEqual([['sov', 2], ['rituals', 1], ['china', 9]]);
      expect(run('alert', 'remove', 'china').out).toBe(`alert "china" removed from ${db}.alerts.json\n`);
      expect(run('alert', 'remove', 'china').err).toBe(`attache alert remove: no alert named "china" in ${db}.alerts.json\n`);
      expect(run('alert', 'list').out).toMatch(/^name\s+query\s+to\s+fired/);
      expect(existsSync(`${db}.alerts.json`)).toBe(true);
    } finally {
      server.close();
    }
  });
});
