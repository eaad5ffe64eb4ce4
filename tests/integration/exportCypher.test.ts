import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { exportGraph } from '../../server/src/exporter/exportGraph.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { createDriver } from '../../server/src/store/neo4j/driver.js';
import { CONTRACT_GRAPH_DIR } from '../contract/graphStoreContract.js';
import { neo4jTarget, openSharedNeo4jStore, testNeo4jConfig, type SharedNeo4jStore } from '../setup/neo4j.js';
import { wholeGraph } from '../helpers/wholeGraph.js';

const target = neo4jTarget();

/** The Cypher export, run statement by statement on a real Neo4j, then read back through the adapter. */
describe.skipIf(!target.uri)(`Cypher export round trip${target.skipReason ? ` (skipped: ${target.skipReason})` : ''}`, () => {
  let shared: SharedNeo4jStore;
  beforeAll(async () => {
    shared = await openSharedNeo4jStore();
    await shared.store.clear();
  });
  afterAll(async () => {
    await shared?.release();
  });

  it('loads into Neo4j as the same graph, and loading it twice changes nothing', async () => {
    const original = new MemoryGraphStore();
    await seedStore(original, { dir: CONTRACT_GRAPH_DIR });
    const chunks: string[] = [];
    await exportGraph(original, 'cypher', { main: (t) => void chunks.push(t) });
    const statements = chunks
      .join('')
      .split(/;\n/)
      .map((s) =>
        s
          .split('\n')
          .filter((line) => !line.startsWith('//'))
          .join('\n')
          .trim(),
      )
      .filter((s) => s !== '');
    const driver = createDriver(testNeo4jConfig(target.uri));
    try {
      for (let pass = 0; pass < 2; pass++) {
        const session = driver.session();
        try {
          for (const statement of statements) await session.run(statement);
        } finally {
          await session.close();
        }
      }
    } finally {
      await driver.close();
    }
    const [a, b] = [await wholeGraph(original), await wholeGraph(shared.store)];
    expect(b.nodes).toEqual(a.nodes);
    expect(b.relations).toEqual(a.relations);
    expect((await shared.store.search('luik', { first: 5, offset: 0 })).items.map((h) => h.node.id)).toEqual(['liege']);
  });
});
