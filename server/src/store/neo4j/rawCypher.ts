import neo4j from 'neo4j-driver';
import type { Neo4jConfig } from './config.js';
import { createDriver } from './driver.js';

export interface CypherStatement {
  cypher: string;
  params: Record<string, unknown>;
}

/** Statements run straight through the driver, for measuring what the adapter adds (bench/neo4jBench.ts). */
export interface RawCypher {
  /** Runs the statements in one read transaction; returns how many records came back. */
  read(statements: readonly CypherStatement[]): Promise<number>;
  close(): Promise<void>;
}

export function openRawCypher(config: Neo4jConfig): RawCypher {
  const driver = createDriver(config);
  return {
    async read(statements) {
      const session = driver.session({ database: config.database, defaultAccessMode: neo4j.session.READ });
      try {
        return await session.executeRead(async (tx) => {
          let records = 0;
          for (const s of statements) records += (await tx.run(s.cypher, s.params)).records.length;
          return records;
        });
      } finally {
        await session.close();
      }
    },
    close: () => driver.close(),
  };
}
