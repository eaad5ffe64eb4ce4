import { createApp } from './app.js';
import { metricsFor } from './metrics/BackgroundMetrics.js';
import { readTokens } from './auth.js';
import { reportError } from './cli/runCli.js';
import { readConfig } from './config.js';
import { openStore, readStoreConfig } from './openStore.js';

async function main(): Promise<void> {
  const config = readConfig();
  const storeConfig = readStoreConfig();
  const tokens = readTokens();
  const opened = await openStore(storeConfig);
  const { store } = opened;
  console.log(opened.description);
  const editors =
    tokens.size === 0
      ? 'no API tokens: read-only (set ATLAS_TOKENS or ATLAS_TOKENS_FILE to allow editing)'
      : `${tokens.size} API token${tokens.size === 1 ? '' : 's'}`;
  console.log(`Editing: ${editors}.`);
  const app = await createApp(opened, { tokens });
  // Whole-graph metrics: computed in a worker at start and again after each change, never in a request.
  metricsFor(opened.analytics).watch(10_000);
  void metricsFor(opened.analytics).lookup([]);
  const server = app.http.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(
      `Cooperation Atlas (${store.name} store) is serving the explorer at http://localhost:${port}/ and the GraphQL API and GraphiQL at http://localhost:${port}/graphql`,
    );
  });
  server.on('error', (e: NodeJS.ErrnoException) => {
    console.error(
      e.code === 'EADDRINUSE'
        ? `Port ${config.port} is in use. Stop the other program or set PORT to a free port, e.g. PORT=4001 npm start.`
        : `Cannot listen: ${e.message}`,
    );
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

// Start-up refused (configuration, store, data directory): `CODE: message`; a bug: a short line, details logged.
main().catch((e: unknown) => process.exit(reportError(e, { name: 'server', usage: '' })));
