/**
 * The job queue's tables, migrated beside the PostgreSQL store's (their own numbered migrations, in
 * queue_migrations). A job is one input item to code and store; its payload is the item as JSON.
 *
 * A job is claimable when run_after has passed and it is not leased (locked_until empty or past). A worker
 * leases a batch (attempts + 1) and renews locked_until while on it, then deletes each job it finished; a
 * job that failed goes back with a delay, or to queue_dead once it has used its attempts; a job whose worker
 * died comes back when its lease runs out. dedup_key (document key + content hash) makes enqueueing the same
 * item twice one job. origin (file:line, URL) is kept beside the payload for listings: the payload may hold
 * text PostgreSQL cannot take apart (a NUL escape), and is read back only by the worker.
 */
import type { PgMigration } from '../store/postgres-db.js';

export const QUEUE_MIGRATIONS: PgMigration[] = [
  {
    version: 1,
    name: 'jobs and dead letters',
    sql: `
CREATE TABLE queue_jobs (
  id bigserial PRIMARY KEY,
  dedup_key text NOT NULL UNIQUE,
  origin text NOT NULL,
  payload json NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  run_after timestamptz NOT NULL DEFAULT now(),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  enqueued_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE queue_dead (
  id bigserial PRIMARY KEY,
  job_id bigint NOT NULL,
  dedup_key text NOT NULL,
  origin text NOT NULL,
  payload json NOT NULL,
  attempts integer NOT NULL,
  error text NOT NULL,
  failed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX queue_dead_job ON queue_dead (job_id);
`,
  },
];
