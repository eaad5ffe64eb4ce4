import { afterAll, describe, it } from 'vitest';
import type { SharedNeo4jStore } from '../setup/neo4j.js';
import { neo4jTarget, openSharedNeo4jStore } from '../setup/neo4j.js';
import { graphStoreChangesContract } from './graphStoreChangesContract.js';

const target = neo4jTarget();

if (target.uri) {
  let shared: SharedNeo4jStore | undefined;
  graphStoreChangesContract(`Neo4j (${target.uri})`, async () => {
    shared = await openSharedNeo4jStore();
    return shared.store;
  });
  afterAll(async () => {
    await shared?.release();
  });
} else {
  describe.skip(`GraphStore changes contract: Neo4j (skipped: ${target.skipReason})`, () => {
    it('runs against a real Neo4j server', () => {});
  });
}
