/**
 * Crash safety: `attache ingest` killed with SIGKILL in the middle of a large JSONL ingest, then run again,
 * ends with every document stored exactly once (no loss, no duplicate), and the second run reports the
 * documents the first one saved as duplicates.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { attache } from './ingest-cli.js';

const COUNTRIES = ['Laos', 'Cuba', 'Viet Nam', 'Russia', 'China', 'Syria', 'Iran', 'Nepal', 'Mongolia', 'Belarus', 'Nigeria', 'Peru'];
const KINDS = ['a congratulatory message', 'a message of greetings', 'a message of condolence', 'a letter of thanks'];
const OCCASIONS = ['the national day', 'the founding anniversary of the republic', 'the new year', 'the victory day'];

/** A deterministic corpus of `n` distinct diplomatic reports. */
function corpus(n: number): string {
  let seed = 42;
  const rnd = (k: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % k;
  };
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = COUNTRIES[rnd(COUNTRIES.length)];
    const sentences = [
      `Kim Jong Il sent ${KINDS[rnd(KINDS.length)]} to the President of ${c} on ${OCCASIONS[rnd(OCCASIONS.length)]}.`,
      `The message wished the people of ${c} greater success in building a prosperous country, report number ${i}.`,
      `A delegation of ${COUNTRIES[rnd(COUNTRIES.length)]} arrived in Pyongyang on day ${1 + rnd(28)} for talks on cooperation.`,
      `The two sides exchanged views on expanding trade and cultural exchanges, the agency said.`,
    ];
    const d = `2011-${String(1 + rnd(12)).padStart(2, '0')}-${String(1 + rnd(28)).padStart(2, '0')}`;
    lines.push(JSON.stringify({ id: `gen-${i}`, date: d, source: 'Generated', text: sentences.join(' ') }));
  }
  return lines.join('\n') + '\n';
}

function documents(db: string): { docs: number; keys: number; versions: number } {
  if (!existsSync(db)) return { docs: 0, keys: 0, versions: 0 };
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const one = (sql: string) => (conn.prepare(sql).get() as { n: number }).n;
    return {
      docs: one('SELECT count(*) AS n FROM documents'),
      keys: one('SELECT count(DISTINCT doc_key) AS n FROM documents'),
      versions: one('SELECT count(*) AS n FROM document_versions'),
    };
  } catch {
    return { docs: 0, keys: 0, versions: 0 }; // not created or migrated yet
  } finally {
    conn.close();
  }
}

describe('attache ingest: kill -9 and run again', () => {
  it('loses nothing and duplicates nothing', async () => {
    const N = 4000;
    const dir = mkdtempSync(join(tmpdir(), 'attache-crash-'));
    const input = join(dir, 'generated.jsonl');
    const db = join(dir, 'store.db');
    writeFileSync(input, corpus(N));

    const child = spawn('node', ['bin/attache.js', 'ingest', input, '--db', db], { stdio: 'ignore' });
    let before = 0;
    const started = Date.now();
    while (Date.now() - started < 60_000) {
      await new Promise((ok) => setTimeout(ok, 100));
      before = documents(db).docs;
      if (before >= N / 4) break;
    }
    child.kill('SIGKILL');
    await new Promise((ok) => child.once('exit', ok));
    before = documents(db).docs;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(N); // killed in the middle, not after the end

    const r = await attache(['ingest', input, '--db', db]);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(new RegExp(`^\\s+new\\s+${N - before}$`, 'm'));
    expect(r.out).toMatch(new RegExp(`^\\s+duplicate\\s+${before}$`, 'm'));
    expect(documents(db)).toEqual({ docs: N, keys: N, versions: N });
  });
});
