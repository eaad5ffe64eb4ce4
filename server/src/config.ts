import { UserFacingError } from './domain/errors.js';

/**
 * The server's configuration from the environment, checked at start: a bad value stops the server
 * with a fix. The store's (GRAPH_STORE, NEO4J_*, ATLAS_DATA_DIR) is read by openStore.ts, the one
 * place that knows the adapters.
 */
export interface AtlasConfig {
  port: number;
  host: string;
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
  return { port, host: env.HOST ?? '127.0.0.1' };
}
