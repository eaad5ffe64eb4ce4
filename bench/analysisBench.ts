import { countryNodeId, type GraphNode, type GraphRelation } from '../server/src/domain/model.js';
import { comparePeers, featuresFromLinked, scorePair, SIMILARITY_BASES, type FeatureSets, type SimilarityBasis } from '../server/src/store/analysis/similarity.js';
import type { GraphAnalytics } from '../server/src/store/GraphAnalytics.js';
import { MemoryGraphStore } from '../server/src/store/memory/MemoryGraphStore.js';
import { normalizeText } from '../server/src/store/searchText.js';
import { emit, latencies, percentile } from './measure.js';
import { prng } from './syntheticGraph.js';

const QUERY = { first: 10, metric: 'JACCARD' as const, bases: SIMILARITY_BASES };

/**
 * Peers, suggestions and paths on the embedded store for one graph, beside the brute-force way
 * (score the municipality against every other one; features precomputed, so only the pairing is
 * compared), all in one run.
 */
export async function benchAnalysis(tag: string, graph: { nodes: GraphNode[]; relations: GraphRelation[]; municipalityIds: string[] }, samples: number, allTop10: boolean): Promise<void> {
  const store = new MemoryGraphStore();
  await store.writeGraph({ nodes: graph.nodes, relations: graph.relations });
  const random = prng(11);
  const sample = Array.from({ length: samples }, () => graph.municipalityIds[Math.floor(random() * graph.municipalityIds.length)]!);

  let started = performance.now();
  await store.analytics.similarMunicipalities({ ...QUERY, id: sample[0]! });
  emit(`${tag}.peers.index_build`, performance.now() - started, 'ms');

  const peers = await latencies(sample, (id) => store.analytics.similarMunicipalities({ ...QUERY, id }));
  emit(`${tag}.peers.top10.p50`, percentile(peers, 50), 'us');
  emit(`${tag}.peers.top10.p95`, percentile(peers, 95), 'us');

  // Brute force: every municipality scored against the asked one.
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const features = new Map<string, FeatureSets>();
  for (const id of graph.municipalityIds) {
    const entry = store.graph.entry(id)!;
    features.set(id, featuresFromLinked([...store.analytics.linkedOf(entry)].map((i) => store.graph.entryAt(i).node), countryNodeId));
  }
  const holderCounts = new Map<string, number>();
  for (const sets of features.values()) for (const [basis, list] of sets) for (const z of list) holderCounts.set(`${basis}|${z}`, (holderCounts.get(`${basis}|${z}`) ?? 0) + 1);
  const holders = (basis: SimilarityBasis, z: string) => holderCounts.get(`${basis}|${z}`) ?? 0;
  const bruteForce = (id: string) => {
    const own = features.get(id)!;
    return graph.municipalityIds
      .filter((other) => other !== id)
      .map((other) => ({ id: other, sortName: normalizeText(byId.get(other)!.name), ...scorePair(own, features.get(other)!, { ...QUERY, holders }) }))
      .filter((p) => p.score > 0)
      .sort(comparePeers)
      .slice(0, 10);
  };
  const bruteSample = sample.slice(0, Math.max(10, Math.floor(samples / 20)));
  const brute = await latencies(bruteSample, bruteForce);
  emit(`${tag}.peers.bruteforce.p50`, percentile(brute, 50), 'us');
  emit(`${tag}.peers.bruteforce_over_store.p50`, percentile(brute, 50) / percentile(peers, 50), 'ratio');

  if (allTop10) {
    started = performance.now();
    for (const id of graph.municipalityIds) await store.analytics.similarMunicipalities({ ...QUERY, id });
    emit(`${tag}.peers.all_municipalities_top10`, performance.now() - started, 'ms');
  }

  const suggestions = await latencies(sample.slice(0, Math.min(samples, 300)), (id) => store.analytics.suggestPartners({ id, first: 10 }));
  emit(`${tag}.suggestions.top10.p50`, percentile(suggestions, 50), 'us');
  emit(`${tag}.suggestions.top10.p95`, percentile(suggestions, 95), 'us');

  const pairs = sample.slice(0, Math.min(samples, 300)).map((id, i) => [id, sample[(i * 7 + 3) % sample.length]!] as const);
  const paths = await latencies(pairs, ([from, to]) => store.analytics.shortestPaths({ from, to, maxHops: 4, first: 1 }));
  emit(`${tag}.shortest_path.p50`, percentile(paths, 50), 'us');
  emit(`${tag}.shortest_path.p95`, percentile(paths, 95), 'us');
}

/**
 * The same analysis queries on Neo4j and on the embedded store, same graph, same inputs, in one run
 * (the embedded store as the reference). Uses NEO4J_URI when set (that database is CLEARED),
 * else starts a local Neo4j (tools/neo4j).
 */
export async function benchAnalysisNeo4j(tag: string, graph: { nodes: GraphNode[]; relations: GraphRelation[]; municipalityIds: string[] }, samples: number): Promise<void> {
  const { startLocalNeo4j } = await import('../tools/neo4j/localNeo4j.js');
  const { Neo4jGraphStore } = await import('../server/src/store/neo4j/Neo4jGraphStore.js');
  const { readNeo4jConfig } = await import('../server/src/store/neo4j/config.js');
  const server = process.env.NEO4J_URI ? undefined : await startLocalNeo4j({ port: 0 });
  const config = readNeo4jConfig({ ...process.env, NEO4J_URI: process.env.NEO4J_URI ?? server!.uri }).config;
  const neo4j = await Neo4jGraphStore.open(config);
  try {
    await neo4j.clear();
    await neo4j.writeGraph({ nodes: graph.nodes, relations: graph.relations });
    const memory = new MemoryGraphStore();
    await memory.writeGraph({ nodes: graph.nodes, relations: graph.relations });
    const random = prng(13);
    const sample = Array.from({ length: samples }, () => graph.municipalityIds[Math.floor(random() * graph.municipalityIds.length)]!);
    for (const [name, run] of [
      ['peers.top10', (analytics: GraphAnalytics, id: string) => analytics.similarMunicipalities({ ...QUERY, id })],
      ['suggestions.top10', (analytics: GraphAnalytics, id: string) => analytics.suggestPartners({ id, first: 10 })],
    ] as const) {
      const onNeo4j = await latencies(sample, (id) => run(neo4j.analytics, id));
      const onMemory = await latencies(sample, (id) => run(memory.analytics, id));
      emit(`${tag}.${name}.neo4j.p50`, percentile(onNeo4j, 50), 'us');
      emit(`${tag}.${name}.neo4j.p95`, percentile(onNeo4j, 95), 'us');
      emit(`${tag}.${name}.neo4j_over_memory.p50`, percentile(onNeo4j, 50) / percentile(onMemory, 50), 'ratio');
    }
    const pairs = sample.map((id, i) => [id, sample[(i * 7 + 3) % sample.length]!] as const);
    const paths = await latencies(pairs, ([from, to]) => neo4j.analytics.shortestPaths({ from, to, maxHops: 4, first: 1 }));
    emit(`${tag}.shortest_path.neo4j.p50`, percentile(paths, 50), 'us');
    emit(`${tag}.shortest_path.neo4j.p95`, percentile(paths, 95), 'us');
  } finally {
    await neo4j.close();
    await server?.stop();
  }
}
