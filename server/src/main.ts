import { seedStore } from '../../graph-seed/seedStore.js';
import { SeedValidationError } from '../../graph-seed/loadSeed.js';
import { createApp } from './app.js';
import { ConfigError, readConfig, type AtlasConfig } from './config.js';
import { StoreUnavailableError, type GraphStore } from './store/GraphStore.js';
import { MemoryGraphStore } from './store/memory/MemoryGraphStore.js';
import { Neo4jConfigError } from './store/neo4j/errors.js';
import { Neo4jGraphStore } from './store/neo4j/Neo4jGraphStore.js';

/** The only place that chooses a GraphStore adapter. */
async function openStore(config: AtlasConfig): Promise<GraphStore> {
  if (config.store === 'neo4j') {
    // Neo4j keeps its data: it is loaded once with `npm run seed`, never at start.
    const store = await Neo4jGraphStore.open(config.neo4j);
    const { nodeCount, relationCount } = await store.stats();
    if (nodeCount === 0) console.warn(`The Neo4j database at ${config.neo4j.uri} is empty: load the seed graph with \`GRAPH_STORE=neo4j npm run seed\` (same NEO4J_* settings).`);
    else console.log(`Neo4j at ${config.neo4j.uri}: ${nodeCount} nodes, ${relationCount} relationships.`);
    return store;
  }
  const store = new MemoryGraphStore();
  const started = performance.now();
  const result = await seedStore(store);
  console.log(`Loaded the seed graph: ${result.nodesWritten} nodes, ${result.relationsWritten} relationships in ${Math.round(performance.now() - started)} ms.`);
  return store;
}

async function main(): Promise<void> {
  const config = readConfig();
  const store = await openStore(config);
  const app = await createApp(store);
  const server = app.http.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`Cooperation Atlas (${store.name} store) is serving the GraphQL API and GraphiQL at http://localhost:${port}/graphql`);
  });
  server.on('error', (e: NodeJS.ErrnoException) => {
    console.error(e.code === 'EADDRINUSE' ? `Port ${config.port} is in use. Stop the other program or set PORT to a free port, e.g. PORT=4001 npm start.` : `Cannot listen: ${e.message}`);
    process.exit(1);
  });
  const shutdown = async () => {
    server.close();
    await app.apollo.stop();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof SeedValidationError || e instanceof StoreUnavailableError || e instanceof Neo4jConfigError) console.error(e.message);
  else console.error('Cooperation Atlas could not start:', e);
  process.exit(1);
});
