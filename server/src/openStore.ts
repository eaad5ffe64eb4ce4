import { seedStore } from './seed/seedStore.js';
import { ConfigError } from './config.js';
import { MemoryGraphStore } from './store/memory/MemoryGraphStore.js';
import { readNeo4jConfig, type Neo4jConfig } from './store/neo4j/config.js';
import { Neo4jGraphStore } from './store/neo4j/Neo4jGraphStore.js';
import { portsOf, type GraphPorts } from './store/ports.js';

export interface OpenedStore extends GraphPorts {
  /** What happened, for the log: "Loaded the persisted graph ...". */
  description: string;
  /** Whether writes outlive the process (Neo4j, or the embedded store with a data directory). */
  durable: boolean;
}

/** Which adapter, and its settings. */
export type StoreConfig =
  /** dataDir (ATLAS_DATA_DIR): where the embedded store persists; absent: in memory only, seeded at start. */
  | { kind: 'memory'; dataDir?: string }
  /** NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, ... */
  | { kind: 'neo4j'; neo4j: Neo4jConfig };

/** The store's configuration from the environment (GRAPH_STORE, NEO4J_*, ATLAS_DATA_DIR), checked: ConfigError with a fix. */
export function readStoreConfig(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const kind = env.GRAPH_STORE ?? 'memory';
  if (kind !== 'memory' && kind !== 'neo4j') {
    throw new ConfigError('GRAPH_STORE', `is "${kind}"`, 'Set GRAPH_STORE to "memory" (the default, no database needed) or "neo4j".');
  }
  const dataDir = env.ATLAS_DATA_DIR?.trim() || undefined;
  if (kind === 'memory') return { kind, dataDir };
  const neo4j = readNeo4jConfig(env);
  const problem = neo4j.problems[0];
  if (problem) throw new ConfigError(problem.variable, problem.problem, problem.fix);
  if (dataDir !== undefined) {
    throw new ConfigError(
      'ATLAS_DATA_DIR',
      'is set although GRAPH_STORE is "neo4j"',
      'Neo4j keeps its own data: unset ATLAS_DATA_DIR, or set GRAPH_STORE=memory to use the embedded store with that directory.',
    );
  }
  return { kind, neo4j: neo4j.config };
}

/**
 * The one place that chooses an adapter from the configuration and builds both ports from it (the
 * server, `npm run import`, `npm run export` and `npm run seed` share it):
 *   neo4j                     the database as it is (loaded once with `npm run seed`)
 *   memory + ATLAS_DATA_DIR   the persisted graph; a new directory is seeded, then persisted
 *   memory                    in memory only, seeded at every start
 */
export async function openStore(config: StoreConfig): Promise<OpenedStore> {
  if (config.kind === 'neo4j') {
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
