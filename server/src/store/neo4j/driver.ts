import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Neo4jConfig } from './config.js';

/**
 * The one way this project makes a driver. Integers come back as JS numbers (counts and sizes
 * here are far below 2^53), so no driver Integer ever leaves the adapter.
 */
export function createDriver(config: Neo4jConfig): Driver {
  // Without a token the driver authenticates with scheme "none" (the local server runs without auth).
  const auth = config.password !== undefined ? neo4j.auth.basic(config.user ?? 'neo4j', config.password) : undefined;
  return neo4j.driver(config.uri, auth, {
    disableLosslessIntegers: true,
    maxTransactionRetryTime: config.maxRetryTimeMs,
    // Fail fast when the server is gone, so API calls answer SERVICE_UNAVAILABLE within the retry
    // limit plus a second (reads also stop waiting then: see Neo4jGraphStore.read).
    connectionTimeout: Math.min(5_000, config.maxRetryTimeMs + 1_000),
    connectionAcquisitionTimeout: config.maxRetryTimeMs + 1_000,
    userAgent: 'cooperation-atlas',
  });
}

export type Row = Record<string, unknown>;

/** Runs one statement in a transaction and returns its records as plain maps. */
export async function rows(tx: ManagedTransaction, cypher: string, params: Row): Promise<Row[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((r) => r.toObject() as Row);
}
