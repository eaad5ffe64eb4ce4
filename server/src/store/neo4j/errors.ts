import { Neo4jError } from 'neo4j-driver';
import { UserFacingError } from '../../domain/errors.js';
import { StoreUnavailableError, StoreWriteError } from '../GraphStore.js';

/**
 * Driver errors translated once, here: what the API and the start-up code see are the port's
 * errors (StoreUnavailableError -> SERVICE_UNAVAILABLE, StoreWriteError) or a Neo4jConfigError;
 * anything else is a bug and stays as it is (logged as INTERNAL_SERVER_ERROR).
 */

const HOW_TO_START = 'Start Neo4j with `npm run neo4j` (or `docker compose up neo4j`), or set NEO4J_URI to a running server.';

/** Neo4j answers, but refuses the configuration: wrong credentials, no such database. Retrying will not help. */
export class Neo4jConfigError extends UserFacingError {
  constructor(message: string) {
    super('NEO4J_CONFIG', message);
  }
}

const CONNECTIVITY_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Cluster.NotALeader',
]);

export function isConnectivityError(e: unknown): boolean {
  // "Connection acquisition timed out": every pooled connection is busy or hanging, as when
  // Neo4j stops under load; the client can only wait, as for a refused connection.
  if (e instanceof Neo4jError)
    return (
      CONNECTIVITY_CODES.has(e.code) ||
      /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|socket hang up|acquisition timed out|Connection was closed|Failed to connect/i.test(
        e.message,
      )
    );
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT';
}

function configProblem(e: unknown, uri: string, database: string | undefined): Neo4jConfigError | undefined {
  if (!(e instanceof Neo4jError)) return undefined;
  if (e.code === 'Neo.ClientError.Security.Unauthorized' || e.code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new Neo4jConfigError(`Neo4j at ${uri} refused the credentials (${e.code}). Check NEO4J_USER and NEO4J_PASSWORD.`);
  }
  if (e.code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new Neo4jConfigError(
      `Neo4j at ${uri} has no database "${database}". Check NEO4J_DATABASE (Neo4j Community has only "neo4j"), or leave it unset for the default database.`,
    );
  }
  return undefined;
}

/** An error from a read or write while serving, as the port's error. */
export function translateError(e: unknown, uri: string, database: string | undefined): unknown {
  if (e instanceof StoreWriteError || e instanceof StoreUnavailableError) return e;
  if (isConnectivityError(e)) return new StoreUnavailableError(`The graph database (Neo4j at ${uri}) cannot be reached.`, { cause: e });
  if (e instanceof Neo4jError && e.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new StoreWriteError('INVALID_RECORD', `Neo4j refused the write (${e.message}); nothing was written`);
  }
  return configProblem(e, uri, database) ?? e;
}

/** An error while connecting at start-up: a configuration problem, or "not reachable" with how to fix it. */
export function translateStartupError(
  e: unknown,
  uri: string,
  database: string | undefined,
): Neo4jConfigError | StoreUnavailableError | unknown {
  const config = configProblem(e, uri, database);
  if (config) return config;
  if (isConnectivityError(e)) return new StoreUnavailableError(`Neo4j is not reachable at ${uri}. ${HOW_TO_START}`, { cause: e });
  return e;
}
