import type { GraphNode, GraphRelation, NodeKind, RelationKind } from '../../domain/model.js';
import { CONTEXT_LINKS, featuresOf, type Tie } from '../analysis/features.js';
import { computeMetrics } from '../analysis/metrics.js';
import { PeerIndex, peerQueryOf } from '../analysis/peerIndex.js';
import { comparePathSteps, pathNodeIds, rankSuggestions, reachOf, type ReachNode, type Step } from '../analysis/suggestions.js';
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
import type { AdjacencyGraph, NodeEntry } from './AdjacencyGraph.js';

/**
 * GraphAnalytics on the embedded store. The peer index and the metrics are built once per version
 * of the graph (the store bumps `version` on every write) and reused until the next write.
 */
export class MemoryAnalytics implements GraphAnalytics {
  private index: { version: number; value: PeerIndex } | null = null;
  private reachSizes: { version: number; value: Map<string, number> } | null = null;
  private metricsCache: { version: number; value: Map<string, NodeMetricsResult> } | null = null;

  constructor(
    private readonly graph: AdjacencyGraph,
    private readonly version: () => number,
    private readonly sortName: (id: string) => string,
  ) {}

  async similarMunicipalities(query: SimilarityQuery): Promise<SimilarityMatch[]> {
    const self = this.graph.entry(query.id);
    if (!self || self.node.kind !== 'MUNICIPALITY') return [];
    const index = this.peerIndex();
    const node = (id: string) => this.graph.node(id);
    return index.query(peerQueryOf(query)).map((hit) => ({
      peer: node(hit.id)!,
      score: hit.score,
      // A country feature without a COUNTRY node (possible in imported data) has no evidence node.
      byBasis: hit.byBasis.map((b) => ({
        basis: b.basis,
        score: b.score,
        shared: b.shared.flatMap((f) => (node(f.id) ? [{ node: node(f.id)!, holders: f.holders, weight: f.weight }] : [])),
      })),
      partnerships: hit.partnerships.flatMap((id) => node(id) ?? []),
      directTies: hit.directTies.flatMap((id) => this.graph.relation(id) ?? []),
      municipalityCount: index.size,
      totals: hit.totals,
    }));
  }

  async suggestPartners(query: SuggestionQuery): Promise<PartnerSuggestionResult[]> {
    const self = this.graph.entry(query.id);
    if (!self) return [];
    const kinds = new Set<NodeKind>(query.kinds && query.kinds.length > 0 ? query.kinds : ['MUNICIPALITY', 'ORGANIZATION']);
    const ranked = rankSuggestions(
      self.node.id,
      this.reach(self),
      (id) => this.reach(this.graph.entry(id)!),
      (id) => this.reachSize(id),
      kinds,
      query.first,
    );
    return ranked.map((r) => ({
      candidate: this.graph.node(r.candidate.id)!,
      score: r.score,
      pathCount: r.via.length,
      candidateDegree: r.candidateReach,
      via: r.via.map((v) => this.graph.node(v.node.id)!),
      paths: r.via.slice(0, 5).map((v) => this.path(self.node.id, [v.first, v.second])),
    }));
  }

  async shortestPaths(query: PathQuery): Promise<GraphPath[]> {
    const from = this.graph.entry(query.from);
    const to = this.graph.entry(query.to);
    if (!from || !to) return [];
    if (from === to) return [{ nodes: [from.node], relations: [] }];
    const kinds = query.relationKinds && query.relationKinds.length > 0 ? new Set(query.relationKinds) : null;
    const steps = (entry: NodeEntry) => this.steps(entry, kinds);

    // Distances to `to`, breadth-first, at most maxHops; then walk forward from `from` along
    // steps that bring the distance down by one, in step order, until `first` paths are found.
    const distance = new Map<number, number>([[to.index, 0]]);
    let frontier = [to];
    for (let d = 1; d <= query.maxHops && frontier.length > 0 && !distance.has(from.index); d++) {
      const next: NodeEntry[] = [];
      for (const u of frontier) {
        for (const step of steps(u)) {
          if (distance.has(step.other.index)) continue;
          distance.set(step.other.index, d);
          next.push(step.other);
        }
      }
      frontier = next;
    }
    const total = distance.get(from.index);
    if (total === undefined) return [];
    const paths: GraphPath[] = [];
    const walk = (u: NodeEntry, nodes: GraphNode[], relations: GraphRelation[]) => {
      if (paths.length >= query.first) return;
      if (u === to) {
        paths.push({ nodes: nodes.slice(), relations: relations.slice() });
        return;
      }
      const remaining = distance.get(u.index)!;
      for (const step of steps(u).sort(comparePathSteps)) {
        if (distance.get(step.other.index) !== remaining - 1) continue;
        nodes.push(step.other.node);
        relations.push(step.relation);
        walk(step.other, nodes, relations);
        nodes.pop();
        relations.pop();
      }
    };
    walk(from, [from.node], []);
    return paths;
  }

  async metrics(ids: readonly string[]): Promise<(NodeMetricsResult | null)[]> {
    if (!this.metricsCache || this.metricsCache.version !== this.version()) {
      const { nodeIds, edges } = await this.metricsInput();
      this.metricsCache = { version: this.version(), value: computeMetrics(nodeIds, edges) };
    }
    const value = this.metricsCache.value;
    return ids.map((id) => value.get(id) ?? null);
  }

  async graphVersion(): Promise<string> {
    return String(this.version());
  }

  async metricsInput(): Promise<MetricsInput> {
    return { nodeIds: [...this.graph.nodeIds()], edges: [...this.graph.relations()].map((r) => [r.from, r.to] as const) };
  }

  /** The relationships a path may take from a node: both directions, of the allowed kinds. */
  private steps(entry: NodeEntry, kinds: ReadonlySet<RelationKind> | null) {
    const out: { relation: GraphRelation; other: NodeEntry }[] = [];
    for (let pass = 0; pass < 2; pass++) {
      const relations = pass === 0 ? entry.out : entry.in;
      const ends = pass === 0 ? entry.outNodes : entry.inNodes;
      for (let i = 0; i < relations.length; i++) {
        if (!kinds || kinds.has(relations[i]!.kind)) out.push({ relation: relations[i]!, other: this.graph.entryAt(ends[i]!) });
      }
    }
    return out;
  }

  private tieEnd(entry: NodeEntry): ReachNode {
    const n = entry.node;
    return n.country === undefined
      ? { id: n.id, kind: n.kind, sortName: this.sortName(n.id) }
      : { id: n.id, kind: n.kind, country: n.country, sortName: this.sortName(n.id) };
  }

  /** Every relationship of `via` (both directions), as ties; only PARTY_TO ones when asked. */
  private tiesOf(via: NodeEntry, partyToOnly = false): (Tie & { other: ReachNode })[] {
    const out: (Tie & { other: ReachNode })[] = [];
    const end = this.tieEnd(via);
    for (let pass = 0; pass < 2; pass++) {
      const relations = pass === 0 ? via.out : via.in;
      const ends = pass === 0 ? via.outNodes : via.inNodes;
      for (let i = 0; i < relations.length; i++) {
        if (partyToOnly && relations[i]!.kind !== 'PARTY_TO') continue;
        out.push({
          via: end,
          relation: relations[i]!.kind,
          relationId: relations[i]!.id,
          other: this.tieEnd(this.graph.entryAt(ends[i]!)),
        });
      }
    }
    return out;
  }

  /** context(m) of GraphAnalytics without m: its partnerships and projects. */
  private contextOf(entry: NodeEntry): NodeEntry[] {
    const context: NodeEntry[] = [];
    for (let i = 0; i < entry.out.length; i++) {
      const target = this.graph.entryAt(entry.outNodes[i]!);
      if (CONTEXT_LINKS.some((l) => l.relation === entry.out[i]!.kind && l.kind === target.node.kind) && !context.includes(target))
        context.push(target);
    }
    return context;
  }

  /** The peer index of the current graph version (built on first use). */
  peerIndex(): PeerIndex {
    if (this.index && this.index.version === this.version()) return this.index.value;
    const municipalities = [];
    const features = [];
    for (const id of this.graph.nodeIds()) {
      const entry = this.graph.entry(id)!;
      if (entry.node.kind !== 'MUNICIPALITY') continue;
      const context = this.contextOf(entry);
      const ties = [entry, ...context].flatMap((c) => this.tiesOf(c));
      features.push(
        featuresOf(
          this.tieEnd(entry),
          context.map((c) => this.tieEnd(c)),
          ties,
        ),
      );
      municipalities.push({ id, sortName: this.sortName(id), country: entry.node.country, level: entry.node.level });
    }
    this.index = { version: this.version(), value: new PeerIndex(municipalities, features) };
    return this.index.value;
  }

  /** reach(x) of GraphAnalytics. */
  private reach(entry: NodeEntry): Map<string, Step> {
    const ties = this.tiesOf(entry);
    for (let i = 0; i < entry.out.length; i++) {
      const target = this.graph.entryAt(entry.outNodes[i]!);
      if (entry.out[i]!.kind === 'PARTY_TO' && target.node.kind === 'PARTNERSHIP') ties.push(...this.tiesOf(target, true));
    }
    return reachOf(entry.node.id, ties);
  }

  private reachSize(id: string): number {
    if (!this.reachSizes || this.reachSizes.version !== this.version()) this.reachSizes = { version: this.version(), value: new Map() };
    let size = this.reachSizes.value.get(id);
    if (size === undefined) this.reachSizes.value.set(id, (size = this.reach(this.graph.entry(id)!).size));
    return size;
  }

  private path(start: string, steps: readonly Step[]): GraphPath {
    return {
      nodes: pathNodeIds(start, steps).map((id) => this.graph.node(id)!),
      relations: steps.flatMap((s) => s.relations).map((id) => this.graph.relation(id)!),
    };
  }
}
