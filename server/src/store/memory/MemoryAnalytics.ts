import type { GraphNode, GraphRelation, RelationKind } from '../../domain/model.js';
import { computeMetrics } from '../analysis/metrics.js';
import type { PeerIndex } from '../analysis/peerIndex.js';
import { comparePathSteps } from '../analysis/suggestions.js';
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
import { PeerThread } from './peers/PeerThread.js';
import type { AdjacencyGraph, NodeEntry } from './AdjacencyGraph.js';
import { AdjacencyPeers, type PeerAnswer, type SuggestionAnswer } from './AdjacencyPeers.js';

/**
 * Graphs with at least this many nodes and relationships together compute peers and suggestions
 * in the peers worker (docs/adr/0024); smaller ones in this thread, where they take a few ms.
 */
export const PEER_WORKER_FROM = 10_000;

/**
 * GraphAnalytics on the embedded store. Peers and suggestions are AdjacencyPeers' (built once per
 * version of the graph: the store bumps `version` on every write), in this thread for small graphs
 * and in the peers worker for large ones, so that building the peer index or ranking a hub's
 * suggestions never holds the event loop; either way the answer comes by ids and is turned into
 * the store's objects here.
 */
export class MemoryAnalytics implements GraphAnalytics {
  private local: { version: number; value: AdjacencyPeers } | null = null;
  private readonly thread: PeerThread;
  /** Nodes and relationships from which the worker computes peers (tests lower it). */
  workerFrom = PEER_WORKER_FROM;
  private metricsCache: { version: number; value: Map<string, NodeMetricsResult> } | null = null;

  constructor(
    private readonly graph: AdjacencyGraph,
    private readonly version: () => number,
    private readonly sortName: (id: string) => string,
  ) {
    this.thread = new PeerThread(graph, version, sortName);
  }

  async similarMunicipalities(query: SimilarityQuery): Promise<SimilarityMatch[]> {
    const self = this.graph.entry(query.id);
    if (!self || self.node.kind !== 'MUNICIPALITY') return [];
    const answer = this.inWorker() ? (await this.thread.similar(query)).value : this.peers().similar(query);
    return answer ? this.matchesOf(answer) : [];
  }

  async suggestPartners(query: SuggestionQuery): Promise<PartnerSuggestionResult[]> {
    if (!this.graph.entry(query.id)) return [];
    const answer = this.inWorker() ? (await this.thread.suggest(query)).value : this.peers().suggest(query);
    return this.suggestionsOf(answer);
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
      this.metricsCache = { version: this.version(), value: computeMetrics(await this.metricsInput()) };
    }
    const value = this.metricsCache.value;
    return ids.map((id) => value.get(id) ?? null);
  }

  async graphVersion(): Promise<string> {
    return String(this.version());
  }

  async metricsInput(): Promise<MetricsInput> {
    // By the graph's own numbering: no look-up by id (on a 42k-node graph that took 300 ms).
    const count = this.graph.nodeCount;
    const nodeIds = new Array<string>(count);
    const ends = new Int32Array(this.graph.relationCount * 2);
    let k = 0;
    for (let i = 0; i < count; i++) {
      const entry = this.graph.entryAt(i);
      nodeIds[i] = entry.node.id;
      for (const target of entry.outNodes) {
        ends[k++] = i;
        ends[k++] = target;
      }
    }
    return { nodeIds, ends };
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

  /** The peer index of the current version, built in this thread (the benchmarks' exhaustive check reads it). */
  peerIndex(): PeerIndex {
    return this.peers().peerIndex();
  }

  /** A write happened (the store calls this): the worker, if in use, gets the new version in the background. */
  graphChanged(): void {
    this.thread.changed();
  }

  /** Stops the peers worker, if any. */
  close(): Promise<void> {
    return this.thread.close();
  }

  private inWorker(): boolean {
    return this.graph.nodeCount + this.graph.relationCount >= this.workerFrom;
  }

  /** Peers in this thread, for the current version. */
  private peers(): AdjacencyPeers {
    if (this.local?.version !== this.version())
      this.local = { version: this.version(), value: new AdjacencyPeers(this.graph, this.sortName) };
    return this.local.value;
  }

  /**
   * The store's objects for an answer by ids. An answer of the worker may be of the version before
   * a write that came while it computed (PeerThread.answer): what has gone since is left out.
   */
  private matchesOf({ hits, municipalityCount }: PeerAnswer): SimilarityMatch[] {
    const node = (id: string) => this.graph.node(id);
    return hits.flatMap((hit) => {
      const peer = node(hit.id);
      if (!peer) return [];
      return [
        {
          peer,
          score: hit.score,
          // A country feature without a COUNTRY node (possible in imported data) has no evidence node.
          byBasis: hit.byBasis.map((b) => ({
            basis: b.basis,
            score: b.score,
            shared: b.shared.flatMap((f) => (node(f.id) ? [{ node: node(f.id)!, holders: f.holders, weight: f.weight }] : [])),
          })),
          partnerships: hit.partnerships.flatMap((id) => node(id) ?? []),
          directTies: hit.directTies.flatMap((id) => this.graph.relation(id) ?? []),
          municipalityCount,
          totals: hit.totals,
        },
      ];
    });
  }

  private suggestionsOf(answer: SuggestionAnswer[]): PartnerSuggestionResult[] {
    return answer.flatMap((s) => {
      const candidate = this.graph.node(s.candidate);
      const via = s.via.map((id) => this.graph.node(id));
      const paths = s.paths.map((p) => ({
        nodes: p.nodes.map((id) => this.graph.node(id)),
        relations: p.relations.map((id) => this.graph.relation(id)),
      }));
      if (!candidate || via.includes(undefined) || paths.some((p) => p.nodes.includes(undefined) || p.relations.includes(undefined)))
        return [];
      return [
        {
          candidate,
          score: s.score,
          pathCount: s.pathCount,
          candidateDegree: s.candidateDegree,
          via: via as GraphNode[],
          paths: paths as GraphPath[],
        },
      ];
    });
  }
}
