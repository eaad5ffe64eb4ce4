import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { ConfigError, readConfig } from '../server/src/config.js';
import { StoreUnavailableError, StoreWriteError } from '../server/src/store/GraphStore.js';
import { Neo4jConfigError } from '../server/src/store/neo4j/errors.js';
import { Neo4jGraphStore } from '../server/src/store/neo4j/Neo4jGraphStore.js';
import { findMissingQuotes, readVvsgSourceText, VVSG_SOURCE_ID, VVSG_SOURCE_TEXT } from './checkQuotes.js';
import { DEFAULT_SEED_DIR, loadSeed, SeedValidationError } from './loadSeed.js';
import { seedStore } from './seedStore.js';

function validate(dir: string): number {
  try {
    const graph = loadSeed(dir);
    const counts = new Map<string, number>();
    for (const n of graph.nodes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
    console.log(`${graph.files.length} files, ${graph.nodes.length} nodes, ${graph.relations.length} relationships`);
    console.log([...counts].map(([k, v]) => `  ${k}: ${v}`).join('\n'));
    let sourceText: string;
    try {
      sourceText = readVvsgSourceText();
    } catch {
      console.error(
        `The source document is missing: ${VVSG_SOURCE_TEXT}. It is part of the repository (graph-seed/source/); restore it with git checkout -- graph-seed/source.`,
      );
      return 1;
    }
    const missing = findMissingQuotes(graph, VVSG_SOURCE_ID, sourceText);
    for (const m of missing) console.error(`  record "${m.recordId}": quote not found verbatim in the source: "${m.quote}"`);
    if (missing.length > 0) {
      console.error(`${missing.length} quotes do not occur in the source text.`);
      return 1;
    }
    console.log('every quote occurs verbatim in the source text');
    return 0;
  } catch (e) {
    if (e instanceof SeedValidationError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

const isCi = () => ['true', '1', 'yes'].includes((process.env.CI ?? '').toLowerCase());

/**
 * `npm run seed [-- --if-empty] [<dir>]`: loads the seed graph into the configured store (GRAPH_STORE
 * and NEO4J_*), upserting by id, so running it twice leaves the same graph. A progress bar on a
 * terminal; in CI or a pipe only the closing summary.
 */
async function seed(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'if-empty': { type: 'boolean', default: false } } });
  const dir = positionals[0] ?? DEFAULT_SEED_DIR;
  let store: Neo4jGraphStore | undefined;
  try {
    const config = readConfig();
    const graph = loadSeed(dir);
    if (config.store === 'memory') {
      console.log(
        `GRAPH_STORE is "memory": the embedded store loads the seed graph (${graph.nodes.length} nodes, ${graph.relations.length} relationships) itself when the server starts, so there is nothing to load. To load it into Neo4j: GRAPH_STORE=neo4j npm run seed`,
      );
      return 0;
    }
    store = await Neo4jGraphStore.open(config.neo4j);
    if (values['if-empty']) {
      const { nodeCount } = await store.stats();
      if (nodeCount > 0) {
        console.log(`Neo4j at ${config.neo4j.uri} already holds ${nodeCount} nodes: not seeding (--if-empty).`);
        return 0;
      }
    }
    const started = performance.now();
    const bar =
      process.stderr.isTTY && !isCi()
        ? new cliProgress.SingleBar(
            {
              format: 'Seeding Neo4j [{bar}] {value}/{total} records | {rate} records/s | {duration}s',
              stream: process.stderr,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
    bar?.start(graph.nodes.length + graph.relations.length, 0, { rate: 0 });
    const result = await seedStore(store, {
      graph,
      onProgress: (done) => bar?.update(done, { rate: Math.round(done / ((performance.now() - started) / 1000)) }),
    });
    bar?.stop();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Loaded ${result.nodesWritten} nodes and ${result.relationsWritten} relationships into Neo4j at ${config.neo4j.uri} in ${seconds.toFixed(1)} s (${Math.round((result.nodesWritten + result.relationsWritten) / seconds)} records/s).`,
    );
    return 0;
  } catch (e) {
    if (
      e instanceof ConfigError ||
      e instanceof SeedValidationError ||
      e instanceof StoreUnavailableError ||
      e instanceof Neo4jConfigError ||
      e instanceof StoreWriteError
    ) {
      console.error(e.message);
      return 1;
    }
    throw e;
  } finally {
    await store?.close();
  }
}

const [command = 'validate', ...rest] = process.argv.slice(2);
if (command === 'validate') process.exit(validate(rest[0] ?? DEFAULT_SEED_DIR));
else if (command === 'seed') process.exit(await seed(rest));
else {
  console.error(`Unknown command "${command}". Usage: npm run seed:validate [-- <dir>], or npm run seed [-- --if-empty] [<dir>]`);
  process.exit(2);
}
