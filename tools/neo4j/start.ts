/**
 * `npm run neo4j`: a real Neo4j Community 5.26 server in the foreground, for
 * development. Bolt on 127.0.0.1:$NEO4J_BOLT_PORT (default 7687), auth
 * disabled, data kept in $NEO4J_DATA_DIR (default <repo>/.neo4j/data).
 * Ctrl-C or SIGTERM stops it cleanly.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { neo4jVersion, startLocalNeo4j } from './localNeo4j.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const port = Number(process.env.NEO4J_BOLT_PORT ?? 7687);
const dataDir = path.resolve(repoRoot, process.env.NEO4J_DATA_DIR ?? path.join('.neo4j', 'data'));

if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`NEO4J_BOLT_PORT must be a port number, got "${process.env.NEO4J_BOLT_PORT}"`);
  process.exit(2);
}

const verbose = process.env.NEO4J_VERBOSE === '1';
const log = (line: string) => {
  // The server's own protocol lines are summarized below; the rest (build
  // notices, warnings, errors) is worth showing.
  if (!verbose && (line.startsWith('NEO4J_READY') || line.startsWith('NEO4J_STOPPED') || line.startsWith('Neo4j ready on'))) return;
  console.log(line);
};

let server: Awaited<ReturnType<typeof startLocalNeo4j>>;
try {
  server = await startLocalNeo4j({ port, dataDir, log });
} catch (e) {
  console.error(`Could not start Neo4j: ${(e as Error).message}`);
  process.exit(1);
}

console.log(`Neo4j ${neo4jVersion()} listening on ${server.uri} (data in ${dataDir}). Ctrl-C to stop.`);

let stopping = false;
void server.exited.then(({ code, signal }) => {
  if (stopping) return;
  console.error(
    `Neo4j exited unexpectedly (${signal ? `signal ${signal}` : `code ${code}`}); see ${path.join(dataDir, 'logs', 'debug.log')}`,
  );
  process.exit(1);
});
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping Neo4j...`);
  server.stop().then(
    () => {
      console.log('Neo4j stopped.');
      process.exit(0);
    },
    (e: unknown) => {
      console.error(`Error while stopping Neo4j: ${(e as Error).message}`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGHUP', () => shutdown('SIGHUP'));
