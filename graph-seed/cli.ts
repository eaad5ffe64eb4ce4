import cliProgress from 'cli-progress';
import { runCli } from '../server/src/cli/runCli.js';
import { UsageError, UserFacingError } from '../server/src/domain/errors.js';
import { openStore, readStoreConfig } from '../server/src/openStore.js';
import type { GraphStore } from '../server/src/store/GraphStore.js';
import { findMissingQuotes, findWorldCountriesProblems, readVvsgSourceText, VVSG_SOURCE_ID, VVSG_SOURCE_TEXT } from './checkQuotes.js';
import { DEFAULT_SEED_DIR, loadSeed } from '../server/src/seed/loadSeed.js';
import { seedStore } from '../server/src/seed/seedStore.js';

function validate(dir: string): number {
  const graph = loadSeed(dir);
  const counts = new Map<string, number>();
  for (const n of graph.nodes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  console.log(`${graph.files.length} files, ${graph.nodes.length} nodes, ${graph.relations.length} relationships`);
  console.log([...counts].map(([k, v]) => `  ${k}: ${v}`).join('\n'));
  let sourceText: string;
  try {
    sourceText = readVvsgSourceText();
  } catch {
    throw new UserFacingError(
      'SOURCE_MISSING',
      `The source document is missing: ${VVSG_SOURCE_TEXT}. It is part of the repository (graph-seed/source/); restore it with git checkout -- graph-seed/source.`,
    );
  }
  const missing = findMissingQuotes(graph, VVSG_SOURCE_ID, sourceText);
  for (const m of missing) console.error(`  record "${m.recordId}": quote not found verbatim in the source: "${m.quote}"`);
  if (missing.length > 0)
    throw new UserFacingError(
      'QUOTE_NOT_IN_SOURCE',
      `${missing.length} quotes do not occur in the source text: correct them (they must be verbatim).`,
    );
  console.log('every quote occurs verbatim in the source text');
  const misquoted = findWorldCountriesProblems(graph);
  for (const m of misquoted) console.error(`  record "${m.recordId}": ${m.why}`);
  if (misquoted.length > 0)
    throw new UserFacingError(
      'QUOTE_NOT_IN_SOURCE',
      `${misquoted.length} citations of world-countries do not match the installed package: correct them (npm ls world-countries shows its version).`,
    );
  return 0;
}

const isCi = () => ['true', '1', 'yes'].includes((process.env.CI ?? '').toLowerCase());

/**
 * `npm run seed [-- --if-empty] [<dir>]`: loads the seed graph into the configured store (GRAPH_STORE
 * and NEO4J_*), upserting by id, so running it twice leaves the same graph. A progress bar on a
 * terminal; in CI or a pipe only the closing summary.
 */
async function seed(ifEmpty: boolean, dir: string): Promise<number> {
  let store: GraphStore | undefined;
  try {
    const config = readStoreConfig();
    const graph = loadSeed(dir);
    if (config.kind === 'memory') {
      console.log(
        `GRAPH_STORE is "memory": the embedded store loads the seed graph (${graph.nodes.length} nodes, ${graph.relations.length} relationships) itself when the server starts, so there is nothing to load. To load it into Neo4j: GRAPH_STORE=neo4j npm run seed`,
      );
      return 0;
    }
    store = (await openStore(config)).store;
    if (ifEmpty) {
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
  } finally {
    await store?.close();
  }
}

const USAGE = `Usage: npm run seed:validate [-- <dir>]   checks the seed graph and that every quote occurs in the source
       npm run seed [-- --if-empty] [<dir>]  loads it into Neo4j (GRAPH_STORE=neo4j, NEO4J_*)`;

await runCli({
  name: 'seed',
  usage: USAGE,
  options: { 'if-empty': { type: 'boolean', default: false } },
  run: ({ values, positionals }) => {
    const [command = 'validate', dir = DEFAULT_SEED_DIR, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`one directory at most (got also ${extra.join(' ')}).`);
    if (command === 'validate') return validate(dir);
    if (command === 'seed') return seed(values['if-empty'], dir);
    throw new UsageError(`unknown command "${command}".`);
  },
});
