import { seedStore } from '../../graph-seed/seedStore.js';
import type { AtlasConfig } from './config.js';
import { MemoryGraphStore } from './store/memory/MemoryGraphStore.js';
import { Neo4jGraphStore } from './store/neo4j/Neo4jGraphStore.js';
import { portsOf, type GraphPorts } from './store/ports.js';

export interface OpenedStore extends GraphPorts {
  /** What happened, for the log: "Loaded the persisted graph ...". */
  description: string;
  /** Whether writes outlive the process (Neo4j, or the embedded store with a data directory). */
  durable: boolean;
}

/**
 * The one place that chooses an adapter from the configuration and builds both ports from it (the
 * server, `npm run import` and `npm run export` share it):
 *   neo4j                     the database as it is (loaded once with `npm run seed`)
 *   memory + ATLAS_DATA_DIR   the persisted graph; a new directory is seeded, then persisted
 *   memory                    in memory only, seeded at every start
 */
export async function openStore(config: AtlasConfig): Promise<OpenedStore> {
  if (config.store === 'neo4j') {
    const store = await Neo4jGraphStore.open(config.neo4j);
    const { nodeCount, relationCount } = await store.stats();
    const description =
      nodeCount === 0
        ? `The Neo4j database at ${config.neo4j.uri} is empty: load the seed graph with \`GRAPH_STORE=neo4j npm run seed\` (same NEO4J_* settings).`
        : `Neo4j at ${config.neo4j.uri}: ${nodeCount} nodes, ${relationCount} relationships.`;
    return { ...portsOf(store), description, durable: true };
  }
  const started = performance.now();
  if (config.dataDir !== undefined) {
    const { store, existed, droppedBytes } = await MemoryGraphStore.open(config.dataDir);
    if (!existed) {
      const result = await seedStore(store);
      return {
        ...portsOf(store),
        description: `New data directory ${config.dataDir}: seeded with ${result.nodesWritten} nodes, ${result.relationsWritten} relationships.`,
        durable: true,
      };
    }
    const { nodeCount, relationCount } = await store.stats();
    const dropped =
      droppedBytes > 0
        ? ` (dropped the journal's torn last record, ${droppedBytes} bytes: it was being written when the previous process stopped, before its commit line, so it was never confirmed)`
        : '';
    return {
      ...portsOf(store),
      description: `Loaded the persisted graph from ${config.dataDir}: ${nodeCount} nodes, ${relationCount} relationships in ${Math.round(performance.now() - started)} ms${dropped}.`,
      durable: true,
    };
  }
  const store = new MemoryGraphStore();
  const result = await seedStore(store);
  return {
    ...portsOf(store),
    description: `Loaded the seed graph: ${result.nodesWritten} nodes, ${result.relationsWritten} relationships in ${Math.round(performance.now() - started)} ms (in memory only; set ATLAS_DATA_DIR to keep edits).`,
    durable: false,
  };
}
