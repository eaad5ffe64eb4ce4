import { afterAll, describe, it } from 'vitest';
import type { SharedNeo4jStore } from '../setup/neo4j.js';
import { neo4jTarget, openSharedNeo4jStore } from '../setup/neo4j.js';
import { portsOf } from '../../server/src/store/ports.js';
import { analyticsContract } from './analyticsContract.js';

const target = neo4jTarget();

if (target.uri) {
  let shared: SharedNeo4jStore | undefined;
  // Fewer random graphs than on the embedded store: each one is a clear and a write on a server.
  analyticsContract(
    `Neo4j (${target.uri})`,
    async () => {
      shared = await openSharedNeo4jStore();
      return portsOf(shared.store);
    },
    { randomRuns: 8 },
  );
  afterAll(async () => {
    await shared?.release();
  });
} else {
  describe.skip(`GraphAnalytics contract: Neo4j (skipped: ${target.skipReason})`, () => {
    it('runs against a real Neo4j server', () => {});
  });
}
