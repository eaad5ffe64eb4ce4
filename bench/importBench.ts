import { seedStore } from '../server/src/seed/seedStore.js';
import { pathSource, runImport, type ImportOutcome } from '../server/src/importer/runImport.js';
import type { GraphStore } from '../server/src/store/GraphStore.js';
import { MemoryGraphStore } from '../server/src/store/memory/MemoryGraphStore.js';
import { readNeo4jConfig, type Neo4jConfig } from '../server/src/store/neo4j/config.js';
import { Neo4jGraphStore } from '../server/src/store/neo4j/Neo4jGraphStore.js';
import { startLocalNeo4j, type LocalNeo4j } from '../tools/neo4j/localNeo4j.js';
import { benchDataAvailable, benchDataFile } from './data.js';
import { emit } from './measure.js';
import { TWIN_CITIES_CSV } from './twinCities.js';

export const GEONAMES_TSV = benchDataFile('geonames-cities15000.tsv');

/**
 * The import of the real twin-cities list into a store holding the seed graph: the first import
 * (entity resolution included, written as one change), the same file again (nothing to change),
 * then the GeoNames enrichment. Targets (issue): the whole file in <= 10 s on the embedded store,
 * <= 60 s on Neo4j; the second import at least as fast.
 */
async function benchImport(tag: string, store: GraphStore): Promise<void> {
  await store.clear();
  await seedStore(store);
  const seedMunicipalities = (await store.stats()).nodesByKind.MUNICIPALITY;
  const run = (path: string, preset?: string): Promise<ImportOutcome> =>
    runImport(store, { sources: [pathSource(path)], apply: true, actor: 'bench', mapping: preset ? { preset } : undefined });

  const first = await run(TWIN_CITIES_CSV);
  const stats = await store.stats();
  const seconds = first.timings.totalMs / 1000;
  emit(`${tag}.twin_cities.first.time`, seconds, 's');
  emit(`${tag}.twin_cities.first.rate`, first.report.rows / seconds, 'rows/s');
  emit(`${tag}.twin_cities.first.resolve_time`, first.timings.planMs / 1000, 's');
  emit(`${tag}.twin_cities.first.write_time`, first.timings.applyMs / 1000, 's');
  emit(`${tag}.twin_cities.rows`, first.report.rows, 'rows');
  emit(`${tag}.twin_cities.places_created`, first.report.created.nodes.MUNICIPALITY ?? 0, 'nodes');
  emit(`${tag}.twin_cities.places_total`, stats.nodesByKind.MUNICIPALITY, 'nodes');
  emit(`${tag}.twin_cities.pairs_created`, first.report.created.nodes.PARTNERSHIP ?? 0, 'nodes');
  emit(`${tag}.twin_cities.matched_seed_municipalities`, first.report.matchedExisting.byName, 'nodes');
  emit(`${tag}.twin_cities.seed_municipalities`, seedMunicipalities, 'nodes');
  emit(`${tag}.twin_cities.skipped_rows`, first.report.skippedRows, 'rows');

  const second = await run(TWIN_CITIES_CSV);
  const unchanged = JSON.stringify(await store.stats()) === JSON.stringify(stats) && second.report.noChange;
  emit(`${tag}.twin_cities.second.time`, second.timings.totalMs / 1000, 's');
  emit(`${tag}.twin_cities.second.rate`, second.report.rows / (second.timings.totalMs / 1000), 'rows/s');
  emit(`${tag}.twin_cities.second.changed`, unchanged ? 0 : 1, 'bool');

  if (benchDataAvailable(GEONAMES_TSV, `${tag}: the GeoNames enrichment`)) {
    const geo = await run(GEONAMES_TSV, 'geonames');
    emit(`${tag}.geonames.time`, geo.timings.totalMs / 1000, 's');
    emit(`${tag}.geonames.rows`, geo.report.rows, 'rows');
    emit(`${tag}.geonames.places_matched`, geo.report.matchedExisting.byName, 'nodes');
    emit(`${tag}.geonames.places_updated`, geo.report.merged.updatedNodes, 'nodes');
    emit(
      `${tag}.geonames.uncertain_rows`,
      geo.report.skipped
        .filter((g) => g.reason.startsWith('uncertain') || g.reason.startsWith('another row'))
        .reduce((n, g) => n + g.rows.length, 0),
      'rows',
    );
  }
}

export async function benchImportMemory(): Promise<void> {
  if (!benchDataAvailable(TWIN_CITIES_CSV, 'the import benchmark on the embedded store')) return;
  console.error('# import into the embedded store: twin-cities.csv, again, then GeoNames');
  await benchImport('import.memory', new MemoryGraphStore());
}

export async function benchImportNeo4j(): Promise<void> {
  if (!benchDataAvailable(TWIN_CITIES_CSV, 'the import benchmark on Neo4j')) return;
  await withBenchNeo4j(async (store, uri) => {
    console.error(`# import into Neo4j (${uri}; the database is cleared): twin-cities.csv, again, then GeoNames`);
    await benchImport('import.neo4j', store);
  });
}

/** A Neo4j store for an import benchmark: NEO4J_URI's (cleared by the benchmark), else a local Neo4j started for it. */
export async function withBenchNeo4j(work: (store: Neo4jGraphStore, uri: string) => Promise<void>): Promise<void> {
  let server: LocalNeo4j | undefined;
  let config: Neo4jConfig;
  if (process.env.NEO4J_URI) config = readNeo4jConfig(process.env).config;
  else {
    process.env.NEO4J_JAVA_OPTS ??= '-Xms2g -Xmx4g';
    process.env.NEO4J_PAGE_CACHE ??= '2g';
    server = await startLocalNeo4j({ port: 0 });
    config = readNeo4jConfig({ ...process.env, NEO4J_URI: server.uri }).config;
  }
  const store = await Neo4jGraphStore.open(config);
  try {
    await work(store, config.uri);
  } finally {
    await store.close();
    await server?.stop();
  }
}
