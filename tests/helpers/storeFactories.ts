import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import type { GraphAdapter } from '../../server/src/store/ports.js';
import { neo4jTarget, openSharedNeo4jStore } from '../setup/neo4j.js';

/** One store an API test runs on; a suite per store, so that both adapters serve the same API. */
export interface StoreFactory {
  name: string;
  /** Why this store cannot be tested on this machine (the suite is then skipped). */
  skipReason?: string;
  /** An empty store (the shared Neo4j server's is cleared first). */
  open(): Promise<{ store: GraphAdapter; close(): Promise<void> }>;
}

export const STORES: StoreFactory[] = [
  { name: 'memory', open: async () => ({ store: new MemoryGraphStore(), close: async () => {} }) },
  {
    name: 'neo4j',
    skipReason: neo4jTarget().skipReason,
    open: async () => {
      const shared = await openSharedNeo4jStore();
      await shared.store.clear();
      return { store: shared.store, close: shared.release };
    },
  },
];
