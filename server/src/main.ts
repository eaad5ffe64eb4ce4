import { seedStore } from '../../graph-seed/seedStore.js';
import { SeedValidationError } from '../../graph-seed/loadSeed.js';
import { createApp } from './app.js';
import { ConfigError, readConfig } from './config.js';
import type { GraphStore } from './store/GraphStore.js';
import { MemoryGraphStore } from './store/memory/MemoryGraphStore.js';

/** The only place that chooses a GraphStore adapter. */
async function openStore(kind: 'memory' | 'neo4j'): Promise<GraphStore> {
  if (kind === 'neo4j') {
    throw new ConfigError('GRAPH_STORE', 'is "neo4j", which this version cannot serve yet', 'Use GRAPH_STORE=memory.');
  }
  const store = new MemoryGraphStore();
  const started = performance.now();
  const result = await seedStore(store);
  console.log(`Loaded the seed graph: ${result.nodesWritten} nodes, ${result.relationsWritten} relationships in ${Math.round(performance.now() - started)} ms.`);
  return store;
}

async function main(): Promise<void> {
  const config = readConfig();
  const store = await openStore(config.store);
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
  if (e instanceof ConfigError || e instanceof SeedValidationError) console.error(e.message);
  else console.error('Cooperation Atlas could not start:', e);
  process.exit(1);
});
