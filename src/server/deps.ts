import type { Store } from '../store/store.js';
import type { ReportCache } from './cache.js';

/** What every route group is given. */
export interface ServerDeps {
  store: Store;
  /** Analysis reports, kept while the store is unchanged. */
  cache: ReportCache;
}
