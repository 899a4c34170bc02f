import type { Store } from '../store/store.js';

/** What every route group is given. */
export interface ServerDeps {
  store: Store;
}
