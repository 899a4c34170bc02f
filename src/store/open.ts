/**
 * Opening a store from a spec: a SQLite file path (default ATTACHE_DB, else ./attache.db) or a
 * postgres:// URL. The store is migrated before it is returned.
 */
import { StoreError, type Store, type StoreOptions } from './store.js';

export const DEFAULT_DB = './attache.db';

/** Whether a store spec names PostgreSQL (postgres:// or postgresql://) rather than a SQLite file. */
export const isPostgresSpec = (spec: string) => /^postgres(ql)?:\/\//i.test(spec);

/** The spec a command uses: its --db option, else ATTACHE_DB, else ./attache.db. */
export function storeSpec(option?: string | null): string {
  return option || process.env.ATTACHE_DB || DEFAULT_DB;
}

export async function openStore(spec?: string | null, opts: StoreOptions = {}): Promise<Store> {
  const s = storeSpec(spec);
  if (isPostgresSpec(s)) return (await import('./postgres.js')).openPostgresStore(s, opts);
  const { SqliteStore } = await import('./sqlite.js');
  const store = new SqliteStore(s, opts);
  try {
    await store.migrate();
  } catch (e) {
    await store.close();
    throw new StoreError(`${s}: cannot migrate the store: ${(e as Error).message}`);
  }
  return store;
}

/**
 * The existing store a query command reads (`attache events`, `history`, …). When it cannot be opened the
 * reason goes to stderr as "attache COMMAND: …", the exit code becomes 2 and the result is null.
 */
export async function openQueryStore(command: string, spec?: string | null): Promise<Store | null> {
  try {
    return await openStore(spec, { mustExist: true });
  } catch (e) {
    process.stderr.write(`attache ${command}: ${(e as Error).message}\n`);
    process.exitCode = 2;
    return null;
  }
}
