import { afterAll, describe } from 'vitest';
import { PostgresStore } from '../src/store/postgres.js';
import { storeSuite } from './store-suite.js';
import { dropSchemas, freshPgSpec, skipWithoutPg } from './pg.js';

afterAll(dropSchemas);

async function freshStore(): Promise<PostgresStore> {
  const s = new PostgresStore(freshPgSpec());
  await s.migrate();
  return s;
}

describe.skipIf(skipWithoutPg)('PostgreSQL', () => {
  storeSuite('PostgreSQL', freshStore);
});
