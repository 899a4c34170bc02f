/**
 * PostgreSQL plumbing shared by the PostgreSQL store and the job queue: parsing a postgres:// spec, a
 * connection pool whose int8 values come back as numbers, transactions, and the migration runner.
 *
 * A spec may name a schema with `?schema=NAME` (created when missing): the store's tables, functions and
 * text-search configuration then live there, so one database can hold several archives (and the tests
 * use a fresh schema each).
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { StoreError, type MigrationResult } from './store.js';

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

export interface PgSpec {
  /** What pg connects with (the schema parameter removed). */
  connectionString: string;
  schema: string | null;
  /** The spec without its password, for messages and Store.location. */
  location: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const INT8 = 20;


/** Parse a postgres:// or postgresql:// URL; the message of a bad one never shows the password. */
export function parsePgSpec(spec: string): PgSpec {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new StoreError(`${spec.replace(/:[^:@/]*@/, ':***@')}: not a valid postgres:// URL`);
  }
  if (!/^postgres(ql)?:$/i.test(url.protocol)) throw new StoreError(`${url.protocol}//${url.host}: not a postgres:// URL`);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  if (schema !== null && !SCHEMA_NAME.test(schema))
    throw new StoreError(`schema "${schema}": use lower-case letters, digits and _ (at most 63), not starting with a digit`);
  const connectionString = url.toString();
  url.password = '';
  if (schema) url.searchParams.set('schema', schema);
  return { connectionString, schema, location: url.toString() };
}

/** A pool on the spec's database; every connection works in the spec's schema (when given). */
export function createPool(spec: PgSpec, max = 4): pg.Pool {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({
    connectionString: spec.connectionString,
    max,
    types,
    ...(spec.schema ? { options: `-c search_path=${spec.schema}` } : {}),
  });
  // An idle client's connection dropping (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** Run `fn` inside BEGIN … COMMIT on one client (ROLLBACK when it throws). */
export async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const out = await fn(c);
    await c.query('COMMIT');
    return out;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

/** A signed 64-bit advisory-lock key for a string (first 8 bytes of its sha256). */
export function lockKey(s: string): bigint {
  return createHash('sha256').update(s).digest().readBigInt64BE(0);
}

/**
 * Apply the migrations newer than the version recorded in `table`, in one transaction, under an advisory
 * lock so that workers starting together migrate once.
 */
export async function migratePg(pool: pg.Pool, spec: PgSpec, table: string, migrations: PgMigration[]): Promise<MigrationResult> {
  return inTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [lockKey(`${spec.schema ?? ''}.${table}`).toString()]);
    if (spec.schema) await c.query(`CREATE SCHEMA IF NOT EXISTS ${spec.schema}`);
    await c.query(`CREATE TABLE IF NOT EXISTS ${table} (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`);
    const current = async () => (await c.query<{ v: number }>(`SELECT coalesce(max(version), 0) AS v FROM ${table}`)).rows[0].v;
    const from = await current();
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version <= from) continue;
      await c.query(m.sql);
      await c.query(`INSERT INTO ${table} (version, name, applied_at) VALUES ($1, $2, $3)`, [m.version, m.name, new Date().toISOString()]);
      applied.push(m.version);
    }
    return { from, to: await current(), applied };
  });
}
