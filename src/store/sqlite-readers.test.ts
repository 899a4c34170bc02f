import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Db } from './sqlite-db.js';
import { ReaderPool } from './sqlite-readers.js';
import { StoreError } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'attache-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const ROWS = 'SELECT n FROM t WHERE n >= ? ORDER BY n';

/** A WAL database with t(n) = 1…5, its writer connection, and a pool over it that records each connection it opens. */
function fixture(maxIdle = 2) {
  const path = join(dir, `r${n++}.db`);
  const writer = new Db(path);
  writer.raw.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
  for (let i = 1; i <= 5; i++) writer.run('INSERT INTO t (n) VALUES (?)', i);
  const opened: Db[] = [];
  const pool = new ReaderPool(path, maxIdle, (p) => {
    const db = new Db(p, { readonly: true });
    opened.push(db);
    return db;
  });
  const ns = (from: number) => [...pool.rows(ROWS, [from])].map((r) => (r as { n: number }).n);
  return { writer, pool, opened, ns };
}

describe('ReaderPool', () => {
  it('reuses one connection for streams that follow each other, and it sees rows committed since', () => {
    const { writer, opened, ns, pool } = fixture();
    expect(ns(1)).toEqual([1, 2, 3, 4, 5]);
    writer.run('INSERT INTO t (n) VALUES (6)');
    expect(ns(4)).toEqual([4, 5, 6]);
    expect(opened).toHaveLength(1);
    pool.close();
    writer.close();
  });

  it('opens a connection per stream running at once, each reading its own rows, and keeps at most maxIdle', () => {
    const { writer, opened, ns, pool } = fixture(2);
    const streams = [1, 2, 3].map((from) => pool.rows(ROWS, [from]));
    const firsts = streams.map((s) => (s.next().value as { n: number }).n);
    expect(firsts).toEqual([1, 2, 3]);
    expect(opened).toHaveLength(3);
    const rest = streams.map((s) => [...s].map((r) => (r as { n: number }).n));
    expect(rest).toEqual([[2, 3, 4, 5], [3, 4, 5], [4, 5]]);
    // the first two returned stay open, the third was one too many
    expect(opened.map((db) => db.raw.open)).toEqual([true, true, false]);
    expect(ns(5)).toEqual([5]);
    expect(opened).toHaveLength(3);
    pool.close();
    writer.close();
  });

  it('gets its connection back when the caller stops early or a step fails', () => {
    const { writer, opened, ns, pool } = fixture();
    for (const r of pool.rows(ROWS, [1])) if ((r as { n: number }).n === 2) break;
    expect(() => [...pool.rows('SELECT no_such_column FROM t', [])]).toThrow(/no such column/);
    // a step that fails: the integer overflows in the second row, after one row was read
    const failing = pool.rows('SELECT CASE WHEN n = 2 THEN abs(-9223372036854775808) ELSE n END AS n FROM t ORDER BY t.n', []);
    expect(failing.next().value).toEqual({ n: 1 });
    expect(() => failing.next()).toThrow(/integer overflow/);
    expect(ns(3)).toEqual([3, 4, 5]);
    expect(opened).toHaveLength(1);
    pool.close();
    writer.close();
  });

  it('on close shuts the idle connections, a lent one when its stream ends, and leases no more', () => {
    const { writer, opened, pool } = fixture();
    const running = pool.rows(ROWS, [1]);
    running.next();
    expect([...pool.rows(ROWS, [5])]).toHaveLength(1);
    pool.close();
    expect(opened.map((db) => db.raw.open)).toEqual([true, false]);
    // the running stream is not cut short
    expect([...running]).toHaveLength(4);
    expect(opened[0].raw.open).toBe(false);
    expect(() => pool.rows(ROWS, [1]).next()).toThrow(StoreError);
    writer.close();
  });
});
