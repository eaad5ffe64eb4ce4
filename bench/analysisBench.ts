import type { GraphNode, GraphRelation } from '../server/src/domain/model.js';
import { peerQueryOf, type PeerHit } from '../server/src/store/analysis/peerIndex.js';
import { SIMILARITY_BASES } from '../server/src/store/analysis/similarity.js';
import type { GraphAnalytics } from '../server/src/store/GraphAnalytics.js';
import { MemoryGraphStore } from '../server/src/store/memory/MemoryGraphStore.js';
import { emit, latencies, percentile } from './measure.js';
import { prng } from './syntheticGraph.js';

/** The default call: JACCARD, RARITY weighting, every basis, default basis weights, partners left out. */
const QUERY = { first: 10, metric: 'JACCARD' as const, bases: SIMILARITY_BASES };

const sameHits = (a: readonly PeerHit[], b: readonly PeerHit[]) =>
  a.length === b.length && a.every((h, i) => h.id === b[i]!.id && h.score === b[i]!.score);

/**
 * Peers, suggestions and paths on the embedded store for one graph, beside the brute force
 * (every municipality scored exactly, no index walk, no pruning: PeerIndex's exhaustive mode),
 * all in one run. The answers are compared with the brute force's, to the last bit.
 */
export async function benchAnalysis(
  tag: string,
  graph: { nodes: GraphNode[]; relations: GraphRelation[]; municipalityIds: string[] },
  samples: number,
  allTop10: boolean,
): Promise<void> {
  const store = new MemoryGraphStore();
  await store.bulkUpsert({ nodes: graph.nodes, relations: graph.relations });
  const random = prng(11);
  const sample = Array.from({ length: samples }, () => graph.municipalityIds[Math.floor(random() * graph.municipalityIds.length)]!);

  let started = performance.now();
  await store.analytics.similarMunicipalities({ ...QUERY, id: sample[0]! });
  emit(`${tag}.peers.index_build`, performance.now() - started, 'ms');

  const peers = await latencies(sample, (id) => store.analytics.similarMunicipalities({ ...QUERY, id }));
  emit(`${tag}.peers.top10.p50`, percentile(peers, 50), 'us');
  emit(`${tag}.peers.top10.p95`, percentile(peers, 95), 'us');

  const index = store.analytics.peerIndex();
  const bruteSample = sample.slice(0, Math.max(10, Math.floor(samples / 10)));
  const brute = await latencies(bruteSample, (id) => index.query(peerQueryOf({ ...QUERY, id }), { exhaustive: true }));
  emit(`${tag}.peers.bruteforce.p50`, percentile(brute, 50), 'us');
  emit(`${tag}.peers.bruteforce_over_store.p50`, percentile(brute, 50) / percentile(peers, 50), 'ratio');

  if (allTop10) {
    started = performance.now();
    const answers = new Map<string, PeerHit[]>();
    for (const id of graph.municipalityIds) answers.set(id, index.query(peerQueryOf({ ...QUERY, id })));
    emit(`${tag}.peers.all_municipalities_top10`, performance.now() - started, 'ms');
    // Brute force for every municipality is minutes at M: compared on a fixed sample of 1,000.
    const checked = graph.municipalityIds.filter((_, i) => i % Math.max(1, Math.floor(graph.municipalityIds.length / 1000)) === 0);
    const differing = checked.filter((id) => !sameHits(answers.get(id)!, index.query(peerQueryOf({ ...QUERY, id }), { exhaustive: true })));
    emit(`${tag}.peers.all_municipalities_top10.checked_against_bruteforce`, checked.length, 'municipalities');
    emit(`${tag}.peers.all_municipalities_top10.differing_from_bruteforce`, differing.length, 'municipalities');
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
export async function benchAnalysisNeo4j(
  tag: string,
  graph: { nodes: GraphNode[]; relations: GraphRelation[]; municipalityIds: string[] },
  samples: number,
): Promise<void> {
  const { startLocalNeo4j } = await import('../tools/neo4j/localNeo4j.js');
  const { Neo4jGraphStore } = await import('../server/src/store/neo4j/Neo4jGraphStore.js');
  const { readNeo4jConfig } = await import('../server/src/store/neo4j/config.js');
  const server = process.env.NEO4J_URI ? undefined : await startLocalNeo4j({ port: 0 });
  const config = readNeo4jConfig({ ...process.env, NEO4J_URI: process.env.NEO4J_URI ?? server!.uri }).config;
  const neo4j = await Neo4jGraphStore.open(config);
  try {
    await neo4j.clear();
    await neo4j.bulkUpsert({ nodes: graph.nodes, relations: graph.relations });
    const memory = new MemoryGraphStore();
    await memory.bulkUpsert({ nodes: graph.nodes, relations: graph.relations });
    const random = prng(13);
    const sample = Array.from({ length: samples }, () => graph.municipalityIds[Math.floor(random() * graph.municipalityIds.length)]!);
    // The first call on Neo4j reads every municipality's ties into the peer index (once per graph version).
    const started = performance.now();
    await neo4j.analytics.similarMunicipalities({ ...QUERY, id: sample[0]! });
    emit(`${tag}.peers.neo4j.index_build`, performance.now() - started, 'ms');
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

/**
 * How often the default peers share a partner city: for 200 municipalities with at least five
 * partnerships (a fixed sample), the share of their top-5 peers that share at least one partner
 * municipality, under the default call and under plain counting (EQUAL weighting, every basis
 * weight 1, as before ADR 0014).
 */
export async function benchPeerPartnerShare(
  tag: string,
  graph: { nodes: GraphNode[]; relations: GraphRelation[]; municipalityIds: string[] },
): Promise<void> {
  const store = new MemoryGraphStore();
  await store.bulkUpsert({ nodes: graph.nodes, relations: graph.relations });
  const partnerships = new Map<string, number>();
  for (const r of graph.relations) if (r.kind === 'PARTY_TO') partnerships.set(r.from, (partnerships.get(r.from) ?? 0) + 1);
  const eligible = graph.municipalityIds.filter((id) => (partnerships.get(id) ?? 0) >= 5);
  const random = prng(5);
  const chosen = new Set<string>();
  while (chosen.size < Math.min(200, eligible.length)) chosen.add(eligible[Math.floor(random() * eligible.length)]!);
  const plain = Object.fromEntries(SIMILARITY_BASES.map((b) => [b, 1]));
  for (const [name, query] of [
    ['default', { ...QUERY, first: 5 }],
    ['equal_counting', { ...QUERY, first: 5, weighting: 'EQUAL' as const, weights: plain }],
  ] as const) {
    let peers = 0;
    let sharing = 0;
    for (const id of chosen) {
      for (const p of await store.analytics.similarMunicipalities({ ...query, id })) {
        peers++;
        if (p.byBasis.find((b) => b.basis === 'PARTNER_MUNICIPALITIES')!.shared.length > 0) sharing++;
      }
    }
    emit(`${tag}.peers.top5_sharing_a_partner_city.${name}`, peers === 0 ? 0 : sharing / peers, 'share');
  }
  emit(`${tag}.peers.top5_sharing_a_partner_city.municipalities`, chosen.size, 'municipalities');
}
