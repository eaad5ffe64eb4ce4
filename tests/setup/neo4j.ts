import { inject } from 'vitest';
import { readNeo4jConfig, type Neo4jConfig } from '../../server/src/store/neo4j/config.js';
import { Neo4jGraphStore } from '../../server/src/store/neo4j/Neo4jGraphStore.js';
import { acquireExclusive } from './exclusiveLock.js';
import type { Neo4jTarget } from './neo4jGlobalSetup.js';

/** The run's Neo4j (see neo4jGlobalSetup.ts): a URI, or an empty one and why the suites are skipped. */
export function neo4jTarget(): Neo4jTarget {
  return inject('neo4j');
}

/** Configuration for a test store: the environment's credentials, short retries so failures show fast. */
export function testNeo4jConfig(uri: string): Neo4jConfig {
  const { config } = readNeo4jConfig({ ...process.env, NEO4J_URI: uri });
  return { ...config, connectRetryMs: 20_000, maxRetryTimeMs: 1_000 };
}

export interface SharedNeo4jStore {
  store: Neo4jGraphStore;
  /** Closes the store and lets the next test file have the database. */
  release(): Promise<void>;
}

/**
 * A store on the run's shared Neo4j, held exclusively until release(): test files that use it
 * clear and seed the one database, so they take turns.
 */
export async function openSharedNeo4jStore(): Promise<SharedNeo4jStore> {
  const { uri } = neo4jTarget();
  const unlock = await acquireExclusive(`neo4j-${uri}`);
  try {
    const store = await Neo4jGraphStore.open(testNeo4jConfig(uri));
    return {
      store,
      release: async () => {
        try {
          await store.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}
