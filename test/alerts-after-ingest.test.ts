/** Alerts are evaluated after every ingest run: a matching document arriving later fires the alert once. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'attache-alert-ingest-'));
const db = join(dir, 'a.db');
const out = join(dir, 'fired.jsonl');
const cli = (...args: string[]) => spawnSync('node', ['bin/attache.js', ...args], { encoding: 'utf8' });
const jsonl = (name: string, docs: object[]) => {
  const p = join(dir, name);
  writeFileSync(p, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  return p;
};

describe('alerts after ingest', () => {
  it('fires a dyad alert for a document ingested after the alert was added, once', () => {
    const first = jsonl('first.jsonl', [
      { id: 'a1', date: '2024-03-01', source: 'KCNA', text: 'The DPRK delegation held talks with Laos officials in Vientiane on Friday.' },
    ]);
    expect(cli('ingest', first, '--db', db, '--workers', '0').status).toBe(0);
    const add = cli('alert', 'add', 'prk-rus', '--dyad', 'PRK-RUS', '--to', out, '--db', db);
    expect(add.status, add.stderr).toBe(0);

    const second = jsonl('second.jsonl', [
      { id: 'b1', date: '2024-06-19', source: 'KCNA', text: 'Kim Jong Un held talks with Vladimir Putin in Pyongyang on Wednesday.' },
    ]);
    const r = cli('ingest', second, '--db', db, '--workers', '0');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/alert prk-rus: \d+ new matches delivered/);
    expect(existsSync(out)).toBe(true);
    const fired = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(fired.length).toBeGreaterThan(0);
    expect(JSON.stringify(fired)).toContain('Putin');

    const again = cli('ingest', second, '--db', db, '--workers', '0');
    expect(again.stderr).not.toMatch(/alert prk-rus/);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(fired.length);
  });
});
