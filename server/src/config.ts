/** Configuration from the environment, checked at start: a bad value stops the server with a fix. */
export interface AtlasConfig {
  port: number;
  host: string;
  store: 'memory' | 'neo4j';
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string, fix: string) {
    super(`Configuration error: ${variable} ${problem}. ${fix}`);
    this.name = 'ConfigError';
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
  return { port, host: env.HOST ?? '127.0.0.1', store };
}
