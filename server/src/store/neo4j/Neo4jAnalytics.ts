import type { ManagedTransaction } from 'neo4j-driver';
import { countryNodeId, RELATION_KINDS, type GraphNode, type NodeKind } from '../../domain/model.js';
import { computeMetrics } from '../analysis/metrics.js';
import {
  comparePeers,
  featuresFromLinked,
  scorePair,
  UNLINKING_RELATIONS,
  type FeatureSets,
  type SimilarityBasis,
} from '../analysis/similarity.js';
import { comparePathsByStep, comparePathSteps, INTERMEDIARY_KINDS, suggestionWeight } from '../analysis/suggestions.js';
import type {
  GraphAnalytics,
  GraphPath,
  NodeMetricsResult,
  PartnerSuggestionResult,
  PathQuery,
  SimilarityMatch,
  SimilarityQuery,
  SuggestionQuery,
} from '../GraphAnalytics.js';
import { compareStrings } from '../searchText.js';
import { ALL_EDGE_ENDS, ALL_NODE_IDS, CONTEXT_OF, FEATURE_NEIGHBOURS, GRAPH_FINGERPRINT, LINKED_OF, RELATIONS_BETWEEN } from './analyticsCypher.js';
import { rows, type Row } from './driver.js';
import { fromRelationProperties } from './properties.js';

type Read = <T>(work: (tx: ManagedTransaction) => Promise<T>) => Promise<T>;

interface LinkedNode {
  id: string;
  kind: NodeKind;
  country?: string;
  sortName: string;
}

interface Linked {
  id: string;
  kind: NodeKind;
  sortName: string;
  country?: string;
  level?: string;
  linked: LinkedNode[];
}

const BATCH = 500;
const UNLINKING: ReadonlySet<string> = new Set(UNLINKING_RELATIONS);

/**
 * GraphAnalytics on Neo4j: Cypher fetches the local structure (linked nodes, the municipalities
 * around a set of features, relationships between two nodes, shortest paths); the scoring is the
 * shared code of store/analysis/, so answers equal the embedded store's (tests/contract).
 * Metrics are global: the node ids and relationship ends are read once per graph version.
 */
export class Neo4jAnalytics implements GraphAnalytics {
  private metricsCache: { fingerprint: string; value: Map<string, NodeMetricsResult> } | null = null;

  constructor(
    private readonly read: Read,
    private readonly nodes: (ids: readonly string[]) => Promise<(GraphNode | null)[]>,
  ) {}

  async similarMunicipalities(query: SimilarityQuery): Promise<SimilarityMatch[]> {
    const [self] = await this.linkedOf([query.id]);
    if (!self || self.kind !== 'MUNICIPALITY') return [];
    const own = this.features(self);
    const featureIds: string[] = [];
    const countries: string[] = [];
    for (const basis of query.bases) {
      for (const z of own.get(basis) ?? []) {
        if (basis === 'PARTNER_COUNTRIES') countries.push(z.slice('country-'.length).toUpperCase());
        else featureIds.push(z);
      }
    }
    const [found] = await this.read((tx) => rows(tx, FEATURE_NEIGHBOURS, { ids: featureIds, countries }));
    const candidateIds = ((found?.holders as string[] | undefined) ?? []).filter((id) => id !== self.id);
    const candidates = await this.linkedOf(candidateIds);
    const features = new Map(candidates.map((c) => [c.id, this.features(c)]));
    features.set(self.id, own);

    const holders = new Map<string, number>();
    for (const sets of features.values()) {
      for (const basis of query.bases) for (const z of sets.get(basis) ?? []) holders.set(`${basis}|${z}`, (holders.get(`${basis}|${z}`) ?? 0) + 1);
    }
    const excluded = query.excludePartners ? new Set(self.linked.map((n) => n.id)) : null;
    const options = { ...query, holders: (basis: SimilarityBasis, z: string) => holders.get(`${basis}|${z}`) ?? 0 };
    const scored = candidates
      .filter((c) => c.kind === 'MUNICIPALITY' && !excluded?.has(c.id))
      .filter((c) => !query.countries?.length || query.countries.includes(c.country ?? ''))
      .filter((c) => !query.levels?.length || (query.levels as readonly string[]).includes(c.level ?? ''))
      .map((c) => ({ id: c.id, sortName: c.sortName, ...scorePair(own, features.get(c.id)!, options) }))
      .filter((c) => c.score > 0)
      .sort(comparePeers)
      .slice(0, query.first);

    const evidenceIds = [...new Set(scored.flatMap((s) => [s.id, ...s.byBasis.flatMap((b) => b.shared)]))];
    const byId = new Map((await this.nodes(evidenceIds)).flatMap((n) => (n ? [[n.id, n] as const] : [])));
    return scored.map((s) => ({
      peer: byId.get(s.id)!,
      score: s.score,
      byBasis: s.byBasis.map((b) => ({ basis: b.basis, score: b.score, shared: b.shared.flatMap((id) => byId.get(id) ?? []) })),
    }));
  }

  async suggestPartners(query: SuggestionQuery): Promise<PartnerSuggestionResult[]> {
    const [self] = await this.linkedOf([query.id]);
    if (!self) return [];
    const kinds = new Set<NodeKind>(query.kinds && query.kinds.length > 0 ? query.kinds : ['MUNICIPALITY', 'ORGANIZATION']);
    const mine = new Set(self.linked.map((n) => n.id));
    const intermediaryIds = self.linked.filter((n) => INTERMEDIARY_KINDS.has(n.kind)).map((n) => n.id).sort(compareStrings);
    const intermediaries = (await this.linkedOf(intermediaryIds)).sort((a, b) => compareStrings(a.id, b.id));

    const found = new Map<string, { node: LinkedNode; score: number; via: { id: string; weight: number }[] }>();
    for (const i of intermediaries) {
      const weight = suggestionWeight(i.linked.length);
      for (const c of i.linked) {
        if (c.id === self.id || mine.has(c.id) || !kinds.has(c.kind)) continue;
        let entry = found.get(c.id);
        if (!entry) found.set(c.id, (entry = { node: c, score: 0, via: [] }));
        entry.score += weight;
        entry.via.push({ id: i.id, weight });
      }
    }
    const ranked = [...found.values()]
      .map((f) => ({ ...f, id: f.node.id, sortName: f.node.sortName }))
      .sort(comparePeers)
      .slice(0, query.first);
    return Promise.all(
      ranked.map(async (r) => {
        const via = r.via.sort((a, b) => b.weight - a.weight || compareStrings(a.id, b.id)).slice(0, 5);
        const paths = await Promise.all(
          via.map(async (i) => {
            const first = await this.linkStep(self.id, i.id);
            const second = await this.linkStep(i.id, r.id);
            return { ids: [...first.ids, ...second.ids.slice(1)], relations: [...first.relations, ...second.relations] };
          }),
        );
        const nodeIds = [...new Set(paths.flatMap((p) => p.ids))];
        const byId = new Map((await this.nodes(nodeIds)).flatMap((n) => (n ? [[n.id, n] as const] : [])));
        return {
          candidate: byId.get(r.id)!,
          score: r.score,
          pathCount: r.via.length,
          paths: paths.map((p) => ({ nodes: p.ids.map((id) => byId.get(id)!), relations: p.relations })),
        };
      }),
    );
  }

  async shortestPaths(query: PathQuery): Promise<GraphPath[]> {
    const [from, to] = await this.nodes([query.from, query.to]);
    if (!from || !to) return [];
    if (from.id === to.id) return [{ nodes: [from], relations: [] }];
    const kinds = query.relationKinds && query.relationKinds.length > 0 ? query.relationKinds.filter((k) => RELATION_KINDS.includes(k)) : RELATION_KINDS;
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
    const [print] = await this.read((tx) => rows(tx, GRAPH_FINGERPRINT, {}));
    const fingerprint = `${String(print?.nodes)}/${String(print?.relations)}`;
    if (!this.metricsCache || this.metricsCache.fingerprint !== fingerprint) {
      const [nodeIds, edges] = await this.read(async (tx) => {
        const [idRow] = await rows(tx, ALL_NODE_IDS, {});
        const edgeRows = await rows(tx, ALL_EDGE_ENDS, {});
        return [idRow!.ids as string[], edgeRows.map((e) => [e.a as string, e.b as string] as const)];
      });
      this.metricsCache = { fingerprint, value: computeMetrics(nodeIds, edges) };
    }
    const value = this.metricsCache.value;
    return ids.map((id) => value.get(id) ?? null);
  }

  /** linked(x) for each id that exists, in batches. */
  private async linkedOf(ids: readonly string[]): Promise<Linked[]> {
    const out: Linked[] = [];
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH);
      const found = await this.read((tx) => rows(tx, LINKED_OF, { ids: chunk }));
      for (const r of found) {
        out.push({
          id: r.id as string,
          kind: r.kind as NodeKind,
          sortName: r.sortName as string,
          country: (r.country as string | null) ?? undefined,
          level: (r.level as string | null) ?? undefined,
          linked: (r.linked as Row[]).filter((n) => n.id !== null).map((n) => ({ id: n.id as string, kind: n.kind as NodeKind, country: (n.country as string | null) ?? undefined, sortName: n.sortName as string })),
        });
      }
    }
    return out;
  }

  private features(x: Linked): FeatureSets {
    return featuresFromLinked(x.linked.map((n) => ({ ...n, name: '', altNames: [], sources: [] }) as GraphNode), countryNodeId);
  }

  /** How b is in linked(a) (see MemoryAnalytics.linkStep): directly, or through a node of a's context. */
  private async linkStep(a: string, b: string): Promise<{ ids: string[]; relations: GraphPath['relations'] }> {
    const between = async (x: string, y: string, unlinkingAllowed: boolean) => {
      const found = await this.read((tx) => rows(tx, RELATIONS_BETWEEN, { a: x, b: y }));
      return found
        .map((r) => fromRelationProperties(r.relation as Row))
        .filter((r) => unlinkingAllowed || !UNLINKING.has(r.kind))
        .map((relation) => ({ relation, other: { node: { id: y } } }))
        .sort(comparePathSteps)[0]?.relation;
    };
    const direct = await between(a, b, false);
    if (direct) return { ids: [a, b], relations: [direct] };
    const context = (await this.read((tx) => rows(tx, CONTEXT_OF, { id: a }))).map((r) => r.id as string);
    for (const c of context) {
      const [toC, toB] = await Promise.all([between(a, c, true), between(c, b, false)]);
      if (toC && toB) return { ids: [a, c, b], relations: [toC, toB] };
    }
    throw new Error(`${b} is not linked to ${a}`);
  }
}
