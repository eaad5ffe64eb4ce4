import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node resolves 'graphql' to its CommonJS build (the package has no "exports"), Vite to its
    // "module" build: two copies whose classes do not recognise each other. Use Node's choice.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // One real Neo4j for the whole run (NEO4J_URI, or a local server started here): see the file.
    // The explorer built (client/dist) for the end-to-end tests, when missing or stale.
    globalSetup: ['tests/setup/neo4jGlobalSetup.ts', 'tests/e2e/buildClientGlobalSetup.ts'],
    testTimeout: 20_000,
    // The test files sharing the run's Neo4j take turns in beforeAll (tests/setup/exclusiveLock.ts).
    hookTimeout: 600_000,
  },
});
