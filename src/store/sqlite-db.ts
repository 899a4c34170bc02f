/**
 * A better-sqlite3 connection with a prepared-statement cache and the migration runner.
 */
import Database from 'better-sqlite3';
import type { Row } from './records.js';
import type { Migration } from './sqlite-schema.js';
import type { MigrationResult } from './store.js';

export class Db {
  readonly raw: Database.Database;
  private readonly cache = new Map<string, Database.Statement>();

  constructor(
    readonly path: string,
    opts: { readonly?: boolean } = {},
  ) {
    this.raw = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
    this.raw.pragma('busy_timeout = 10000');
    if (!opts.readonly) {
      this.raw.pragma('journal_mode = WAL');
      this.raw.pragma('synchronous = NORMAL');
      this.raw.pragma('foreign_keys = ON');
    }
  }

  /** The prepared statement for `sql`, prepared once per connection. */
  stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.raw.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  get<T = Row>(sql: string, ...params: unknown[]): T | undefined {
    return this.stmt(sql).get(...params) as T | undefined;
  }

  all<T = Row>(sql: string, ...params: unknown[]): T[] {
    return this.stmt(sql).all(...params) as T[];
  }

  run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.stmt(sql).run(...params);
  }

  close(): void {
    this.cache.clear();
    if (this.raw.open) this.raw.close();
  }
}

/** Apply the migrations newer than the recorded schema version, each in its own transaction. */
export function migrate(db: Db, migrations: Migration[]): MigrationResult {
  db.raw.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const current = (): number =>
    (db.raw.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
  const from = current();
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= from) continue;
    db.raw.transaction(() => {
      // Another process may have migrated meanwhile: re-check inside the write transaction.
      if (current() >= m.version) return;
      db.raw.exec(m.sql);
      db.raw
        .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(m.version, m.name, new Date().toISOString());
      applied.push(m.version);
    }).immediate();
  }
  return { from, to: current(), applied };
}
