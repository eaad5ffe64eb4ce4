import { createApp } from '../server/src/app.js';
import { createContext } from '../server/src/context.js';
import { portsOf } from '../server/src/store/ports.js';
import type { GraphStore } from '../server/src/store/GraphStore.js';
import { MemoryGraphStore } from '../server/src/store/memory/MemoryGraphStore.js';
import { readNeo4jConfig, type Neo4jConfig } from '../server/src/store/neo4j/config.js';
import { GET_NODES, NEIGHBORHOOD_FIRST_LEVEL, SEARCH_CANDIDATES } from '../server/src/store/neo4j/cypher.js';
import { Neo4jGraphStore } from '../server/src/store/neo4j/Neo4jGraphStore.js';
import { openRawCypher, type CypherStatement } from '../server/src/store/neo4j/rawCypher.js';
import { tokenize } from '../server/src/domain/normalize.js';
import { startLocalNeo4j, type LocalNeo4j } from '../tools/neo4j/localNeo4j.js';
import { emit, latencies, percentile } from './measure.js';
import { generateGraph, prng, type GraphSize } from './syntheticGraph.js';

const NEIGHBORHOOD_QUERY = `query NodeNeighborhood($ids: [ID!]!, $depth: Int) {
  neighborhood(ids: $ids, depth: $depth, limit: 2000) { truncated nodes { id kind name } edges { id kind source target } }
}`;
const SEARCH_QUERY = `query SearchNodes($text: String!) { search(text: $text, first: 10) { totalCount edges { score node { id kind name } } } }`;
const BATCH_SIZES = [1_000, 5_000, 20_000];

/**
 * Latencies of two ways to answer the same inputs, measured alternately input by input (after a
 * warm-up of both), so that a busy machine slows both alike: the ratio is what one adds.
 */
async function paired<T>(inputs: T[], a: (input: T) => Promise<unknown>, b: (input: T) => Promise<unknown>): Promise<[number[], number[]]> {
  for (const input of inputs) {
    await a(input);
    await b(input);
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (const [i, input] of inputs.entries()) {
    for (const [fn, out] of i % 2 === 0
      ? ([
          [a, ta],
          [b, tb],
        ] as const)
      : ([
          [b, tb],
          [a, ta],
        ] as const)) {
      const start = performance.now();
      await fn(input);
      out.push((performance.now() - start) * 1000);
    }
  }
  return [ta.sort((x, y) => x - y), tb.sort((x, y) => x - y)];
}

/**
 * Neo4j at one size, beside the embedded store on the same graph and the same inputs:
 * - bulk load (nodes/s, relationships/s) with the constraints in place, per UNWIND batch size, and
 *   a second load of the same graph (the idempotent upsert path);
 * - 1- and 2-hop neighbourhoods and search, on the store and through the API, p50/p95;
 * - the adapter against the same Cypher run raw through the driver (ratio);
 * - Neo4j against the embedded store on the same queries (ratio).
 * Uses NEO4J_URI when set (that database is CLEARED), else starts a local Neo4j (tools/neo4j).
 */
export async function benchNeo4jStore(size: GraphSize, samples: number): Promise<void> {
  const tag = `neo4j.${size.name}`;
  let server: LocalNeo4j | undefined;
  let config: Neo4jConfig;
  if (process.env.NEO4J_URI) {
    config = readNeo4jConfig(process.env).config;
  } else {
    // A bulk load wants more than the test server's 1 GiB heap and 256 MiB page cache.
    process.env.NEO4J_JAVA_OPTS ??= '-Xms2g -Xmx4g';
    process.env.NEO4J_PAGE_CACHE ??= '2g';
    server = await startLocalNeo4j({ port: 0 });
    config = readNeo4jConfig({ ...process.env, NEO4J_URI: server.uri }).config;
  }
  console.error(`# Neo4j at ${config.uri}${server ? ' (local, started for this run)' : ''}`);
  try {
    await run(tag, size, samples, config);
  } finally {
    await server?.stop();
  }
}

async function run(tag: string, size: GraphSize, samples: number, config: Neo4jConfig): Promise<void> {
  const graph = generateGraph(size);

  for (const batchSize of BATCH_SIZES) {
    const store = await Neo4jGraphStore.open(config, { batchSize });
    await store.clear();
    const nodesStarted = performance.now();
    await store.bulkUpsert({ nodes: graph.nodes, relations: [] });
    const nodeSeconds = (performance.now() - nodesStarted) / 1000;
    const relationsStarted = performance.now();
    await store.bulkUpsert({ nodes: [], relations: graph.relations });
    const relationSeconds = (performance.now() - relationsStarted) / 1000;
    emit(`${tag}.load.batch_${batchSize}.nodes_per_s`, graph.nodes.length / nodeSeconds, 'nodes/s');
    emit(`${tag}.load.batch_${batchSize}.relationships_per_s`, graph.relations.length / relationSeconds, 'relationships/s');
    await store.close();
  }
  const store = await Neo4jGraphStore.open(config, { batchSize: 5_000 });
  const reloadStarted = performance.now();
  await store.bulkUpsert({ nodes: graph.nodes, relations: graph.relations });
  emit(
    `${tag}.reload.batch_5000.records_per_s`,
    (graph.nodes.length + graph.relations.length) / ((performance.now() - reloadStarted) / 1000),
    'records/s',
  );
  const stats = await store.stats();
  if (stats.nodeCount !== graph.nodes.length || stats.relationCount !== graph.relations.length) {
    throw new Error(
      `after two loads Neo4j holds ${stats.nodeCount} nodes and ${stats.relationCount} relationships, expected ${graph.nodes.length} and ${graph.relations.length}`,
    );
  }

  const memory = new MemoryGraphStore();
  await memory.bulkUpsert({ nodes: graph.nodes, relations: graph.relations });
  const random = prng(7);
  const seeds = Array.from({ length: samples }, () => graph.municipalityIds[Math.floor(random() * graph.municipalityIds.length)]!);
  const fewer = seeds.slice(0, Math.max(50, Math.floor(samples / 4)));
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const prefixes = seeds.slice(0, Math.min(samples, 1000)).map((id) => names.get(id)!.slice(0, 4));

  const raw = openRawCypher(config);
  const app = await createApp(portsOf(store));
  const both = async (name: string, inputs: string[], call: (s: GraphStore, input: string) => Promise<unknown>) => {
    const neo = await latencies(inputs, (input) => call(store, input));
    const mem = await latencies(inputs, (input) => call(memory, input));
    emit(`${tag}.${name}.store.p50`, percentile(neo, 50), 'us');
    emit(`${tag}.${name}.store.p95`, percentile(neo, 95), 'us');
    emit(`${tag}.${name}.memory.p50`, percentile(mem, 50), 'us');
    emit(`${tag}.${name}.neo4j_over_memory.p50`, percentile(neo, 50) / percentile(mem, 50), 'ratio');
    return neo;
  };

  try {
    for (const depth of [1, 2]) {
      const inputs = depth === 1 ? seeds : fewer;
      await both(`neighborhood.${depth}hop`, inputs, (s, id) => s.neighborhood({ ids: [id], depth, limit: 2000 }));
      const [api, direct] = await paired(
        inputs,
        (id) =>
          app.execute({ query: NEIGHBORHOOD_QUERY, variables: { ids: [id], depth } }, { contextValue: createContext(portsOf(store)) }),
        (id) => store.neighborhood({ ids: [id], depth, limit: 2000 }),
      );
      emit(`${tag}.neighborhood.${depth}hop.api.p50`, percentile(api, 50), 'us');
      emit(`${tag}.neighborhood.${depth}hop.api.p95`, percentile(api, 95), 'us');
      emit(`${tag}.neighborhood.${depth}hop.api_over_store.p50`, percentile(api, 50) / percentile(direct, 50), 'ratio');
    }
    // The adapter's 1-hop statement, run raw: the seeds and the first level, in one read transaction.
    const oneHop = (id: string): CypherStatement[] => [
      { cypher: NEIGHBORHOOD_FIRST_LEVEL, params: { frontier: [id], visited: [id], room: 1999, relationKinds: null, nodeKinds: null } },
    ];
    const [storeHop, rawHop] = await paired(
      seeds,
      (id) => store.neighborhood({ ids: [id], depth: 1, limit: 2000 }),
      (id) => raw.read(oneHop(id)),
    );
    emit(`${tag}.neighborhood.1hop.raw.p50`, percentile(rawHop, 50), 'us');
    emit(`${tag}.neighborhood.1hop.adapter_over_raw.p50`, percentile(storeHop, 50) / percentile(rawHop, 50), 'ratio');

    await both('search', prefixes, (s, text) => s.search(text, { first: 10, offset: 0 }));
    const searchApi = await latencies(prefixes, (text) =>
      app.execute({ query: SEARCH_QUERY, variables: { text } }, { contextValue: createContext(portsOf(store)) }),
    );
    emit(`${tag}.search.api.p50`, percentile(searchApi, 50), 'us');
    emit(`${tag}.search.api.p95`, percentile(searchApi, 95), 'us');
    // Raw search: the candidate statement and the page's nodes (the ids the adapter chose), unranked.
    const pages = new Map<string, string[]>();
    for (const text of prefixes)
      pages.set(
        text,
        (await store.search(text, { first: 10, offset: 0 })).items.map((h) => h.node.id),
      );
    const searchStatements = (text: string): CypherStatement[] => [
      {
        cypher: SEARCH_CANDIDATES,
        params: {
          query: tokenize(text)
            .map((t) => `${t}*`)
            .join(' AND '),
          kinds: null,
        },
      },
      { cypher: GET_NODES, params: { ids: pages.get(text)! } },
    ];
    const [adapterSearch, rawSearch] = await paired(
      prefixes,
      (text) => store.search(text, { first: 10, offset: 0 }),
      (text) => raw.read(searchStatements(text)),
    );
    emit(`${tag}.search.raw.p50`, percentile(rawSearch, 50), 'us');
    emit(`${tag}.search.adapter_over_raw.p50`, percentile(adapterSearch, 50) / percentile(rawSearch, 50), 'ratio');
  } finally {
    await app.apollo.stop();
    await raw.close();
    await store.close();
  }
}
