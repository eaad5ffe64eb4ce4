import type { ManagedTransaction } from 'neo4j-driver';
import { RELATION_KINDS, type GraphNode, type GraphRelation, type MunicipalityLevel, type NodeKind } from '../../domain/model.js';
import { featuresOf, type MunicipalityFeatures, type Tie, type TieEnd } from '../analysis/features.js';
import { computeMetrics } from '../analysis/metrics.js';
import { PeerIndex, peerQueryOf, type IndexedMunicipality } from '../analysis/peerIndex.js';
import {
  comparePathsByStep,
  INTERMEDIARY_KINDS,
  pathNodeIds,
  rankSuggestions,
  reachOf,
  type ReachNode,
  type Step,
} from '../analysis/suggestions.js';
import type {
  GraphAnalytics,
  GraphPath,
  MetricsInput,
  NodeMetricsResult,
  PartnerSuggestionResult,
  PathQuery,
  SimilarityMatch,
  SimilarityQuery,
  SuggestionQuery,
} from '../GraphAnalytics.js';
import { ALL_EDGE_ENDS, ALL_NODE_IDS, GRAPH_FINGERPRINT, PEER_TIES, REACH_TIES, RELATIONS_BETWEEN } from './analyticsCypher.js';
import { rows, type Row } from './driver.js';
import { fromRelationProperties } from '../propertyGraphModel.js';
import { runSliced, timeSlicer } from '../../timeSlicer.js';

type Read = <T>(work: (tx: ManagedTransaction) => Promise<T>) => Promise<T>;

const BATCH = 500;

const tieEnd = (row: Row, id = 'id', kind = 'kind'): ReachNode => {
  const end: ReachNode = { id: row[id] as string, kind: row[kind] as NodeKind, sortName: (row.sortName as string | null) ?? '' };
  if (row.country !== null && row.country !== undefined) end.country = row.country as string;
  return end;
};

const tiesOf = (list: Row[]): (Tie & { other: ReachNode })[] =>
  list
    .filter((t) => t.id !== null && t.relationId !== null)
    .map((t) => ({
      via: { id: t.via as string, kind: t.viaKind as NodeKind },
      relation: t.relation as Tie['relation'],
      relationId: t.relationId as string,
      other: tieEnd(t),
    }));

/** The PeerIndex of PEER_TIES's rows, as work that yields (PeerIndex.building). */
function* peerIndexOf(found: Row[]): Generator<void, PeerIndex> {
  found.sort((a, b) => ((a.id as string) < (b.id as string) ? -1 : 1));
  yield;
  const municipalities: IndexedMunicipality[] = [];
  const features: MunicipalityFeatures[] = [];
  for (const r of found) {
    municipalities.push({
      id: r.id as string,
      sortName: (r.sortName as string | null) ?? '',
      country: (r.country as string | null) ?? undefined,
      level: (r.level as MunicipalityLevel | null) ?? undefined,
    });
    const self: TieEnd = r.country
      ? { id: r.id as string, kind: 'MUNICIPALITY', country: r.country as string }
      : { id: r.id as string, kind: 'MUNICIPALITY' };
    features.push(
      featuresOf(
        self,
        (r.context as Row[]).map((c) => ({ id: c.id as string, kind: c.kind as NodeKind })),
        tiesOf(r.ties as Row[]),
      ),
    );
    if (features.length % 200 === 0) yield;
  }
  return yield* PeerIndex.building(municipalities, features);
}

/**
 * GraphAnalytics on Neo4j. Peers: every municipality's ties are read in one statement per graph
 * version into the same PeerIndex the embedded store uses (a query then costs a fingerprint read
 * and arithmetic in this process). Suggestions and paths: Cypher fetches the local structure, the
 * rules are store/analysis/'s, so answers equal the embedded store's (tests/contract). Metrics are
 * global: the node ids and relationship ends are read once per graph version.
 */
export class Neo4jAnalytics implements GraphAnalytics {
  private metricsCache: { fingerprint: string; value: Map<string, NodeMetricsResult> } | null = null;
  private peerCache: { fingerprint: string; value: Promise<PeerIndex> } | null = null;

  constructor(
    private readonly read: Read,
    private readonly nodes: (ids: readonly string[]) => Promise<(GraphNode | null)[]>,
  ) {}

  async similarMunicipalities(query: SimilarityQuery): Promise<SimilarityMatch[]> {
    const index = await this.peerIndex();
    if (!index.has(query.id)) return [];
    const hits = index.query(peerQueryOf(query));
    const nodeIds = [...new Set(hits.flatMap((h) => [h.id, ...h.partnerships, ...h.byBasis.flatMap((b) => b.shared.map((f) => f.id))]))];
    const byId = new Map((await this.nodes(nodeIds)).flatMap((n) => (n ? [[n.id, n] as const] : [])));
    const tied = hits.filter((h) => h.directTies.length > 0).map((h) => ({ a: query.id, b: h.id }));
    const between = tied.length === 0 ? [] : await this.read((tx) => rows(tx, RELATIONS_BETWEEN, { pairs: tied }));
    const relationById = new Map(between.map((r) => fromRelationProperties(r.relation as Row)).map((r) => [r.id, r] as const));
    return hits.map((h) => ({
      peer: byId.get(h.id)!,
      score: h.score,
      byBasis: h.byBasis.map((b) => ({
        basis: b.basis,
        score: b.score,
        shared: b.shared.flatMap((f) => (byId.has(f.id) ? [{ node: byId.get(f.id)!, holders: f.holders, weight: f.weight }] : [])),
      })),
      partnerships: h.partnerships.flatMap((id) => byId.get(id) ?? []),
      directTies: h.directTies.flatMap((id) => relationById.get(id) ?? []),
      municipalityCount: index.size,
      totals: h.totals,
    }));
  }

  async suggestPartners(query: SuggestionQuery): Promise<PartnerSuggestionResult[]> {
    const relationById = new Map<string, GraphRelation>();
    const [self] = await this.reachOf([query.id], relationById);
    if (!self) return [];
    const kinds = new Set<NodeKind>(query.kinds && query.kinds.length > 0 ? query.kinds : ['MUNICIPALITY', 'ORGANIZATION']);
    const intermediaries = [...self.reach.values()].filter((s) => INTERMEDIARY_KINDS.has(s.node.kind)).map((s) => s.node.id);
    const around = new Map((await this.reachOf(intermediaries, relationById)).map((r) => [r.id, r.reach]));
    const candidates = new Set<string>();
    for (const reach of around.values())
      for (const s of reach.values())
        if (s.node.id !== query.id && !self.reach.has(s.node.id) && kinds.has(s.node.kind)) candidates.add(s.node.id);
    const sizes = new Map((await this.reachOf([...candidates])).map((r) => [r.id, r.reach.size]));
    const ranked = rankSuggestions(
      query.id,
      self.reach,
      (id) => around.get(id) ?? new Map(),
      (id) => sizes.get(id) ?? 0,
      kinds,
      query.first,
    );

    const paths = ranked.map((r) => r.via.slice(0, 5).map((v) => [v.first, v.second]));
    const nodeIds = new Set<string>();
    for (const r of ranked) for (const v of r.via) nodeIds.add(v.node.id).add(r.candidate.id);
    for (const list of paths) for (const steps of list) for (const id of pathNodeIds(query.id, steps)) nodeIds.add(id);
    const byId = new Map((await this.nodes([...nodeIds])).flatMap((n) => (n ? [[n.id, n] as const] : [])));
    const pathOf = (steps: Step[]): GraphPath => ({
      nodes: pathNodeIds(query.id, steps).map((id) => byId.get(id)!),
      relations: steps.flatMap((s) => s.relations).map((id) => relationById.get(id)!),
    });
    return ranked.map((r, i) => ({
      candidate: byId.get(r.candidate.id)!,
      score: r.score,
      pathCount: r.via.length,
      candidateDegree: r.candidateReach,
      via: r.via.map((v) => byId.get(v.node.id)!),
      paths: paths[i]!.map(pathOf),
    }));
  }

  async shortestPaths(query: PathQuery): Promise<GraphPath[]> {
    const [from, to] = await this.nodes([query.from, query.to]);
    if (!from || !to) return [];
    if (from.id === to.id) return [{ nodes: [from], relations: [] }];
    const kinds =
      query.relationKinds && query.relationKinds.length > 0
        ? query.relationKinds.filter((k) => RELATION_KINDS.includes(k))
        : RELATION_KINDS;
    const hops = Math.max(1, Math.min(6, Math.trunc(query.maxHops)));
    // Types and the hop bound cannot be parameters of a variable-length pattern; both come from
    // closed sets (the RelationKind enum, an integer 1-6), never from free text.
    const cypher = `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:${kinds.join('|')}*..${hops}]-(b))
RETURN [n IN nodes(p) | n.id] AS nodes,
       [r IN relationships(p) | r {.*, kind: type(r), from: startNode(r).id, to: endNode(r).id}] AS relations
LIMIT 10000`;
    const found = await this.read((tx) => rows(tx, cypher, { from: from.id, to: to.id }));
    const paths = found.map((p) => ({ ids: p.nodes as string[], relations: (p.relations as Row[]).map(fromRelationProperties) }));
    const stepsOf = (p: (typeof paths)[number]) => ({ nodes: p.ids, relations: p.relations.map((r) => r.id) });
    paths.sort((a, b) => comparePathsByStep(stepsOf(a), stepsOf(b)));
    const chosen = paths.slice(0, query.first);
    const byId = new Map((await this.nodes([...new Set(chosen.flatMap((p) => p.ids))])).flatMap((n) => (n ? [[n.id, n] as const] : [])));
    return chosen.map((p) => ({ nodes: p.ids.map((id) => byId.get(id)!), relations: p.relations }));
  }

  async metrics(ids: readonly string[]): Promise<(NodeMetricsResult | null)[]> {
    // Keyed by the version token too: an edit that swaps one relationship for another keeps the counts.
    const fingerprint = await this.fingerprint();
    if (!this.metricsCache || this.metricsCache.fingerprint !== fingerprint) {
      this.metricsCache = { fingerprint, value: computeMetrics(await this.metricsInput()) };
    }
    const value = this.metricsCache.value;
    return ids.map((id) => value.get(id) ?? null);
  }

  graphVersion(): Promise<string> {
    return this.fingerprint();
  }

  metricsInput(): Promise<MetricsInput> {
    return this.read(async (tx) => {
      const [idRow] = await rows(tx, ALL_NODE_IDS, {});
      const edgeRows = await rows(tx, ALL_EDGE_ENDS, {});
      const nodeIds = idRow!.ids as string[];
      const index = new Map(nodeIds.map((id, i) => [id, i]));
      const ends = new Int32Array(edgeRows.length * 2);
      let k = 0;
      for (const e of edgeRows) {
        const a = index.get(e.a as string);
        const b = index.get(e.b as string);
        if (a === undefined || b === undefined) continue;
        ends[k++] = a;
        ends[k++] = b;
      }
      return { nodeIds, ends: ends.slice(0, k) };
    });
  }

  /** The graph's fingerprint (see GRAPH_FINGERPRINT). */
  private async fingerprint(): Promise<string> {
    const [print] = await this.read((tx) => rows(tx, GRAPH_FINGERPRINT, {}));
    return `${String(print?.token)}/${String(print?.nodes)}/${String(print?.relations)}`;
  }

  private async peerIndex(): Promise<PeerIndex> {
    const fingerprint = await this.fingerprint();
    if (!this.peerCache || this.peerCache.fingerprint !== fingerprint) {
      // Built in slices: on a twin-cities-size graph the whole build is hundreds of milliseconds
      // of this (the main) thread's time (docs/adr/0029).
      const value = this.read((tx) => rows(tx, PEER_TIES, {})).then((found) => runSliced(peerIndexOf(found), timeSlicer()));
      this.peerCache = { fingerprint, value };
      value.catch(() => {
        if (this.peerCache?.value === value) this.peerCache = null;
      });
    }
    return this.peerCache.value;
  }

  /** reach(x) for each id that exists, in batches; the relationships walked go into `relations` when given. */
  private async reachOf(
    ids: readonly string[],
    relations?: Map<string, GraphRelation>,
  ): Promise<{ id: string; reach: Map<string, Step> }[]> {
    const out: { id: string; reach: Map<string, Step> }[] = [];
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH);
      const found = await this.read((tx) => rows(tx, REACH_TIES, { ids: chunk, withRelations: relations !== undefined }));
      for (const r of found) {
        const ties = r.ties as Row[];
        if (relations)
          for (const t of ties) if (t.relationship) relations.set(t.relationId as string, fromRelationProperties(t.relationship as Row));
        out.push({ id: r.id as string, reach: reachOf(r.id as string, tiesOf(ties)) });
      }
    }
    return out;
  }
}
