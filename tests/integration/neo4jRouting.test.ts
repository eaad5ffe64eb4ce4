import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { Neo4jGraphStore } from '../../server/src/store/neo4j/Neo4jGraphStore.js';
import { CONTRACT_GRAPH_DIR } from '../contract/graphStoreContract.js';
import { neo4jTarget, openSharedNeo4jStore, testNeo4jConfig, type SharedNeo4jStore } from '../setup/neo4j.js';

const target = neo4jTarget();

/**
 * The neo4j:// scheme (what a cluster or a hosted Neo4j is reached with): the driver asks the
 * server for a routing table and sends reads to readers, writes to the writer. A single server
 * answers with itself in every role, so the same store works through routing here.
 */
describe.skipIf(!target.uri.startsWith('bolt://'))('the store through neo4j:// routing', () => {
  let shared: SharedNeo4jStore;
  let routed: Neo4jGraphStore;
  beforeAll(async () => {
    shared = await openSharedNeo4jStore();
    await shared.store.clear();
    routed = await Neo4jGraphStore.open(testNeo4jConfig(target.uri.replace(/^bolt:/, 'neo4j:')));
  });
  afterAll(async () => {
    await routed?.close();
    await shared?.release();
  });

  it('writes through the routed writer and reads through routed readers', async () => {
    await seedStore(routed, { dir: CONTRACT_GRAPH_DIR });
    expect((await routed.stats()).nodeCount).toBe(26);
    expect((await routed.search('luik', { first: 5, offset: 0 })).items.map((h) => h.node.id)).toEqual(['liege']);
    expect((await routed.neighborhood({ ids: ['roeselare'], depth: 1, limit: 100 })).nodes).toHaveLength(6);
  });
});
