import { UserFacingError } from './domain/errors.js';
import { readNeo4jConfig, type Neo4jConfig } from './store/neo4j/config.js';

/** Configuration from the environment, checked at start: a bad value stops the server with a fix. */
export interface AtlasConfig {
  port: number;
  host: string;
  store: 'memory' | 'neo4j';
  /** NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, ...: checked only when store is "neo4j". */
  neo4j: Neo4jConfig;
  /** ATLAS_DATA_DIR: where the embedded store persists; absent: in memory only, seeded at start. */
  dataDir?: string;
}

export class ConfigError extends UserFacingError {
  constructor(variable: string, problem: string, fix: string) {
    super('CONFIG_INVALID', `Configuration error: ${variable} ${problem}. ${fix}`, { details: { variable } });
  }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AtlasConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('PORT', `is "${env.PORT}", not a port number`, 'Set PORT to a number between 1 and 65535, e.g. PORT=4000.');
  }
  const store = env.GRAPH_STORE ?? 'memory';
  if (store !== 'memory' && store !== 'neo4j') {
    throw new ConfigError('GRAPH_STORE', `is "${store}"`, 'Set GRAPH_STORE to "memory" (the default, no database needed) or "neo4j".');
  }
  const neo4j = readNeo4jConfig(env);
  const problem = store === 'neo4j' ? neo4j.problems[0] : undefined;
  if (problem) throw new ConfigError(problem.variable, problem.problem, problem.fix);
  const dataDir = env.ATLAS_DATA_DIR?.trim() || undefined;
  if (dataDir !== undefined && store === 'neo4j') {
    throw new ConfigError(
      'ATLAS_DATA_DIR',
      'is set although GRAPH_STORE is "neo4j"',
      'Neo4j keeps its own data: unset ATLAS_DATA_DIR, or set GRAPH_STORE=memory to use the embedded store with that directory.',
    );
  }
  return { port, host: env.HOST ?? '127.0.0.1', store, neo4j: neo4j.config, dataDir };
}
