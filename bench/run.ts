import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { benchAnalysis, benchAnalysisNeo4j, benchPeerPartnerShare } from './analysisBench.js';
import { benchDataAvailable } from './data.js';
import { benchImportMemory, benchImportNeo4j } from './importBench.js';
import { benchLoad } from './loadBench.js';
import { benchMemoryStore } from './memoryBench.js';
import { benchNeo4jStore } from './neo4jBench.js';
import { generateGraph, SIZES } from './syntheticGraph.js';
import { TWIN_CITIES_CSV, twinCitiesGraph } from './twinCities.js';
import { benchWikidataMemory, benchWikidataNeo4j } from './wikidataBench.js';

/**
 * npm run bench [-- --sizes xs,m,l --samples 2000 --suites store,analysis,import --stores memory,neo4j]
 * store: load, memory, search and neighbourhoods; analysis: peers, suggestions and paths (on the
 * synthetic sizes and on the real twin-cities list); import: twin-cities.csv into a seeded store,
 * twice, then the GeoNames enrichment (not in the default suites: --suites import); wikidata: a
 * generated Wikidata answer of 20,000 twinnings imported, then again as a dry run (--suites
 * wikidata; with --stores memory,neo4j on both stores); load: the API under autocannon on
 * loopback, with the server's event-loop delay (bench/loadBench.ts; not in the default suites:
 * --suites load); client: the
 * explorer in headless Chromium (bench/client.ts, also `npm run bench:client`).
 * Prints one JSON line per result: {"name": ..., "value": ..., "unit": ...}. Run with --expose-gc
 * (the npm script does) so heap figures are measured after a full collection.
 */
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'xs,m,l' },
    samples: { type: 'string', default: '2000' },
    suites: { type: 'string', default: 'store,analysis,client' },
    // neo4j: NEO4J_URI (that database is cleared), else a local Neo4j started for the run.
    stores: { type: 'string', default: 'memory' },
  },
});

const sizes = values.sizes.split(',').map((name) => {
  const size = SIZES[name.trim()];
  if (!size) {
    console.error(`Unknown size "${name}". Choose from: ${Object.keys(SIZES).join(', ')}.`);
    process.exit(2);
  }
  return size;
});
const samples = Number(values.samples);
if (!Number.isInteger(samples) || samples < 10) {
  console.error('--samples must be a whole number of at least 10.');
  process.exit(2);
}
if (!(globalThis as { gc?: unknown }).gc) console.error('(run with node --expose-gc for exact heap figures)');

const suites = new Set(values.suites.split(',').map((s) => s.trim()));

const stores = new Set(values.stores.split(',').map((s) => s.trim()));

if (suites.has('store')) {
  for (const size of sizes) {
    if (stores.has('memory')) {
      console.error(
        `# embedded store, ${size.name}: ${size.municipalities} municipalities, ${size.partners} partners, ${size.edges} relationships`,
      );
      await benchMemoryStore(size, samples);
    }
    if (stores.has('neo4j')) {
      console.error(
        `# Neo4j store, ${size.name}: ${size.municipalities} municipalities, ${size.partners} partners, ${size.edges} relationships`,
      );
      await benchNeo4jStore(size, samples);
    }
  }
}
if (suites.has('analysis')) {
  const analysisSamples = Math.min(samples, 1000);
  for (const size of sizes) {
    console.error(`# analysis on the embedded store, ${size.name}`);
    await benchAnalysis(`analysis.memory.${size.name}`, generateGraph(size), analysisSamples, size.name === 'm');
  }
  if (stores.has('neo4j')) {
    for (const size of sizes.filter((s) => s.name !== 'l' && s.name !== 'xl')) {
      console.error(`# analysis on Neo4j beside the embedded store, ${size.name}`);
      await benchAnalysisNeo4j(`analysis.${size.name}`, generateGraph(size), 30);
    }
  }
  if (benchDataAvailable(TWIN_CITIES_CSV, 'analysis on the real twin-cities list')) {
    if (stores.has('neo4j')) {
      console.error('# analysis on Neo4j beside the embedded store, twin-cities.csv');
      await benchAnalysisNeo4j('analysis.twin_cities', twinCitiesGraph(), 40);
    }
    console.error('# analysis on the embedded store, twin-cities.csv');
    const twinCities = twinCitiesGraph();
    await benchAnalysis('analysis.memory.twin_cities', twinCities, analysisSamples, true);
    await benchPeerPartnerShare('analysis.memory.twin_cities', twinCities);
  }
}
if (suites.has('import')) {
  if (stores.has('memory')) await benchImportMemory();
  if (stores.has('neo4j')) await benchImportNeo4j();
}

if (suites.has('wikidata')) {
  if (stores.has('memory')) await benchWikidataMemory();
  if (stores.has('neo4j')) await benchWikidataNeo4j();
}

if (suites.has('load')) await benchLoad();

if (suites.has('client')) {
  // The explorer's benchmark drives a browser from its own process (bench/client.ts).
  const client = spawnSync('npx', ['tsx', 'bench/client.ts'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (client.status !== 0) process.exitCode = client.status ?? 1;
}
