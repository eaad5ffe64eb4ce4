import { readFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { LocalNeo4jError, startLocalNeo4j } from '../../tools/neo4j/localNeo4j.js';

/** What the Neo4j test suites get (tests/setup/neo4j.ts): a Bolt URI, or why they are skipped. */
export interface Neo4jTarget {
  uri: string;
  skipReason?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTarget;
  }
}

export const isCi = () => ['true', '1', 'yes'].includes((process.env.CI ?? '').toLowerCase());

export const ENABLE_NEO4J_TESTS =
  'install a JDK 17 and Maven (apt-get install openjdk-17-jdk maven) so the tests start a local Neo4j themselves, or set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to a Neo4j 5 you run';

/** Whether a failure to start the local Neo4j only means "this machine cannot run it" (skip) rather than a fault (fail). */
export function missingToolchain(e: unknown): boolean {
  return e instanceof LocalNeo4jError && /^(java|maven) not found|^java \d+ found/.test(e.message);
}

/**
 * Once per test run: NEO4J_URI when set, else a local Neo4j 5.26 (tools/neo4j) on a free port,
 * stopped at the end. In CI a Neo4j that cannot be had fails the run; on a developer machine
 * without Java the Neo4j suites are skipped, with one loud line saying how to enable them.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!(await selectedTestsNeedNeo4j(project))) {
    project.provide('neo4j', { uri: '', skipReason: 'no selected test file needs it' });
    return undefined;
  }
  if (process.env.NEO4J_URI) {
    project.provide('neo4j', { uri: process.env.NEO4J_URI });
    return undefined;
  }
  try {
    const started = Date.now();
    const server = await startLocalNeo4j({ port: 0 });
    console.log(`[neo4j] local Neo4j for the tests on ${server.uri} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    project.provide('neo4j', { uri: server.uri });
    return () => server.stop();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (isCi() || !missingToolchain(e))
      throw new Error(`The Neo4j tests need a Neo4j server and none could be started: ${message}`, { cause: e });
    const skipReason = `${message.split('\n')[0]}. To run them, ${ENABLE_NEO4J_TESTS}.`;
    console.warn(`\n!!! NEO4J TESTS SKIPPED: ${skipReason}\n`);
    project.provide('neo4j', { uri: '', skipReason });
    return undefined;
  }
}

/**
 * Whether any test file of this run uses the shared Neo4j (imports tests/setup/neo4j.ts, or the
 * store factories of tests/helpers/storeFactories.ts), so that
 * `vitest run tests/unit` does not start a server. Reads vitest's file filters (an internal field);
 * when they cannot be read, assumes yes.
 */
async function selectedTestsNeedNeo4j(project: TestProject): Promise<boolean> {
  try {
    const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
    const { testFiles } = await project.globTestFiles(filters);
    return testFiles.some((file) => /from '\.\.\/(setup\/neo4j|helpers\/storeFactories)\.js'/.test(readFileSync(file, 'utf8')));
  } catch {
    return true;
  }
}
