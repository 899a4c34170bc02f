/**
 * The PostgreSQL database the tests use: env ATTACHE_TEST_PG (`.ci/run` starts a cluster and sets it).
 * Outside CI the PostgreSQL tests skip when it is unset, saying so once; in CI (CI=true) they never skip,
 * and a missing ATTACHE_TEST_PG fails them. Each store gets a schema of its own, dropped at the end.
 */
import pg from 'pg';

export const TEST_PG = process.env.ATTACHE_TEST_PG ?? '';
export const skipWithoutPg = !TEST_PG && process.env.CI !== 'true';
if (skipWithoutPg) console.warn('skipped: PostgreSQL tests need ATTACHE_TEST_PG=postgres://… naming a database');

const made: string[] = [];
let n = 0;

/** A spec for a fresh schema of the test database (`?schema=…`), remembered for dropSchemas. */
export function freshPgSpec(tag = 't'): string {
  if (!TEST_PG) throw new Error('ATTACHE_TEST_PG is not set (CI=true requires a PostgreSQL database for these tests)');
  const schema = `attache_${tag}_${process.pid}_${Date.now().toString(36)}_${n++}`;
  made.push(schema);
  const url = new URL(TEST_PG);
  url.searchParams.set('schema', schema);
  return url.toString();
}

/** Drop every schema freshPgSpec handed out in this process. */
export async function dropSchemas(): Promise<void> {
  if (!made.length) return;
  const client = new pg.Client({ connectionString: TEST_PG });
  await client.connect();
  try {
    for (const s of made.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  } finally {
    await client.end();
  }
}
