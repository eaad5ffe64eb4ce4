import { createApp } from '../server/src/app.js';
import { createContext } from '../server/src/context.js';
import { portsOf } from '../server/src/store/ports.js';
import { MemoryGraphStore } from '../server/src/store/memory/MemoryGraphStore.js';
import { CsrGraph } from './csrFloor.js';
import { httpLatencies } from './httpBench.js';
import { emit, heapUsed, latencies, percentile } from './measure.js';
import { prng } from './syntheticGraph.js';
import { generateGraph, type GraphSize } from './syntheticGraph.js';

const NEIGHBORHOOD_QUERY = `query NodeNeighborhood($ids: [ID!]!, $depth: Int) {
  neighborhood(ids: $ids, depth: $depth, limit: 2000) { truncated nodes { id kind name } edges { id kind source target } }
}`;
const SEARCH_QUERY = `query SearchNodes($text: String!) { search(text: $text, first: 10) { totalCount edges { score node { id kind name } } } }`;

/**
 * The embedded store at one size: load time and heap per edge; 1- and 2-hop neighbourhoods on the
 * typed-array floor, directly on the store and through the API; search on the store and the API.
 * Everything in one process and one run, so the ratios compare like with like.
 */
export async function benchMemoryStore(size: GraphSize, samples: number): Promise<void> {
  const tag = `memory.${size.name}`;
  // The heap is measured from before the graph is generated: the store keeps the generated
  // objects themselves, so they are part of what it costs to hold the graph.
  const heapBefore = heapUsed();
  const store = new MemoryGraphStore();
  const { municipalityIds, relationCount, loadMs } = await loadGenerated(store, size);
  const heapAfter = heapUsed();
  emit(`${tag}.load.time`, loadMs, 'ms');
  emit(`${tag}.load.rate`, relationCount / (loadMs / 1000), 'relationships/s');
  emit(`${tag}.heap.per_edge`, (heapAfter - heapBefore) / relationCount, 'bytes');
  emit(`${tag}.heap.total`, (heapAfter - heapBefore) / 2 ** 20, 'MiB');

  const random = prng(7);
  const seeds = Array.from({ length: samples }, () => municipalityIds[Math.floor(random() * municipalityIds.length)]!);
  const index = new Map<string, number>();
  for (const id of store.graph.nodeIds()) index.set(id, index.size);
  const csr = new CsrGraph(index, [...store.graph.relations()]);
  const app = await createApp(portsOf(store));

  for (const depth of [1, 2]) {
    const floor = await latencies(seeds, (id) => csr.neighborhood(index.get(id)!, depth));
    const direct = await latencies(seeds, (id) => store.neighborhood({ ids: [id], depth, limit: 2000 }));
    const api = await latencies(depth === 1 ? seeds : seeds.slice(0, Math.max(50, samples / 4)), (id) =>
      app.execute({ query: NEIGHBORHOOD_QUERY, variables: { ids: [id], depth } }, { contextValue: createContext(portsOf(store)) }),
    );
    emit(`${tag}.neighborhood.${depth}hop.floor.p50`, percentile(floor, 50), 'us');
    emit(`${tag}.neighborhood.${depth}hop.store.p50`, percentile(direct, 50), 'us');
    emit(`${tag}.neighborhood.${depth}hop.store.p95`, percentile(direct, 95), 'us');
    emit(`${tag}.neighborhood.${depth}hop.api.p50`, percentile(api, 50), 'us');
    emit(`${tag}.neighborhood.${depth}hop.api.p95`, percentile(api, 95), 'us');
    emit(`${tag}.neighborhood.${depth}hop.api_over_store.p50`, percentile(api, 50) / percentile(direct, 50), 'ratio');
    if (depth === 1) {
      // The same requests over HTTP (loopback, one kept-alive connection): what a user pays.
      const http = await httpLatencies(app, seeds, (id) => ({ query: NEIGHBORHOOD_QUERY, variables: { ids: [id], depth } }));
      emit(`${tag}.neighborhood.${depth}hop.http.p50`, percentile(http, 50), 'us');
      emit(`${tag}.neighborhood.${depth}hop.http.p95`, percentile(http, 95), 'us');
      emit(`${tag}.neighborhood.${depth}hop.http_over_store.p50`, percentile(http, 50) / percentile(direct, 50), 'ratio');
    }
    emit(`${tag}.neighborhood.${depth}hop.store_over_floor.p50`, percentile(direct, 50) / percentile(floor, 50), 'ratio');
  }

  const prefixes = seeds.slice(0, Math.min(samples, 1000)).map((id) => store.graph.node(id)!.name.slice(0, 4));
  const searchDirect = await latencies(prefixes, (text) => store.search(text, { first: 10, offset: 0 }));
  const searchApi = await latencies(prefixes, (text) =>
    app.execute({ query: SEARCH_QUERY, variables: { text } }, { contextValue: createContext(portsOf(store)) }),
  );
  emit(`${tag}.search.store.p50`, percentile(searchDirect, 50), 'us');
  emit(`${tag}.search.store.p95`, percentile(searchDirect, 95), 'us');
  emit(`${tag}.search.api.p50`, percentile(searchApi, 50), 'us');
  emit(`${tag}.search.api_over_store.p50`, percentile(searchApi, 50) / percentile(searchDirect, 50), 'ratio');
  await app.apollo.stop();
}

/** Generates a graph and writes it; the generator's arrays go out of scope on return. */
export async function loadGenerated(store: MemoryGraphStore, size: GraphSize) {
  const graph = generateGraph(size);
  const started = performance.now();
  await store.bulkUpsert({ nodes: graph.nodes, relations: graph.relations });
  return { municipalityIds: graph.municipalityIds, relationCount: graph.relations.length, loadMs: performance.now() - started };
}
