import {
  NODE_KINDS,
  RELATION_KINDS,
  type GraphNode,
  type GraphRelation,
  type NodeKind,
  type RelationKind,
} from '../../domain/model.js';
import {
  StoreWriteError,
  type GraphBatch,
  type GraphStats,
  type GraphStore,
  type ListQuery,
  type NeighborhoodQuery,
  type Page,
  type RelatedEdge,
  type RelationQuery,
  type SearchHit,
  type SearchOptions,
  type Subgraph,
  type WriteOptions,
  type WriteResult,
} from '../GraphStore.js';
import { compareStrings, normalizeText, scoreNames, tokenize } from '../searchText.js';
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
import { AdjacencyGraph } from './AdjacencyGraph.js';
import { MemoryAnalytics } from './MemoryAnalytics.js';
import { neighborhoodOf } from './neighborhood.js';
import { matchesFilter } from './listFilter.js';
import { compareForSort } from './listSort.js';
import { SearchIndex } from './SearchIndex.js';

/**
 * The embedded store: the whole graph in this process, as incidence lists over the domain objects
 * themselves (no copies), plus a token index for search and the ids of each kind.
 * Reads never mutate; writes validate the whole batch before touching anything.
 */
export class MemoryGraphStore implements GraphStore, GraphAnalytics {
  readonly name = 'memory';
  readonly graph = new AdjacencyGraph();
  /** Bumped by every write; analysis caches are valid for one version. */
  private version = 0;
  private readonly analytics = new MemoryAnalytics(this.graph, () => this.version, (id) => this.sortName(id));
  private readonly searchIndex = new SearchIndex();
  private readonly idsByKind = new Map<NodeKind, Set<string>>(NODE_KINDS.map((k) => [k, new Set<string>()]));
  private readonly sortNames = new Map<string, string>();

  async getNodes(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    return ids.map((id) => this.node(id));
  }

  async getDegrees(ids: readonly string[]): Promise<number[]> {
    return ids.map((id) => this.graph.degree(id));
  }

  async search(text: string, options: SearchOptions): Promise<Page<SearchHit>> {
    const query = normalizeText(text);
    const queryTokens = tokenize(text);
    if (queryTokens.length === 0) return emptyPage(options.offset);
    const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : null;
    const hits: SearchHit[] = [];
    for (const id of this.searchIndex.candidates(queryTokens)) {
      const node = this.graph.node(id)!;
      if (kinds && !kinds.has(node.kind)) continue;
      const score = scoreNames(query, queryTokens, this.searchIndex.namesOf(id));
      if (score > 0) hits.push({ node, score });
    }
    hits.sort((a, b) => b.score - a.score || compareStrings(this.sortName(a.node.id), this.sortName(b.node.id)) || compareStrings(a.node.id, b.node.id));
    return toPage(hits, options.offset, options.first);
  }

  async listNodes(query: ListQuery): Promise<Page<GraphNode>> {
    const ids = this.idsByKind.get(query.kind) ?? new Set<string>();
    const matches: GraphNode[] = [];
    for (const id of ids) {
      const entry = this.graph.entry(id)!;
      if (matchesFilter(this.graph, entry, query.filter)) matches.push(entry.node);
    }
    const degree = (id: string) => this.graph.degree(id);
    matches.sort((a, b) => compareForSort(a, b, query.sort, degree, (id) => this.sortName(id)));
    return toPage(matches, query.offset, query.first);
  }

  async relations(query: RelationQuery): Promise<Page<RelatedEdge>> {
    const entry = this.graph.entry(query.nodeId);
    if (!entry) return emptyPage(query.offset);
    const kinds = query.kinds && query.kinds.length > 0 ? new Set(query.kinds) : null;
    const out: RelatedEdge[] = [];
    const collect = (relation: GraphRelation, direction: 'OUT' | 'IN') => {
      if (kinds && !kinds.has(relation.kind)) return;
      const otherId = direction === 'OUT' ? relation.to : relation.from;
      out.push({ relation, other: this.graph.node(otherId)!, direction });
    };
    if (query.direction !== 'IN') for (const r of entry.out) collect(r, 'OUT');
    if (query.direction !== 'OUT') for (const r of entry.in) collect(r, 'IN');
    out.sort(
      (a, b) =>
        compareStrings(a.relation.kind, b.relation.kind) ||
        compareStrings(this.sortName(a.other.id), this.sortName(b.other.id)) ||
        compareStrings(a.relation.id, b.relation.id),
    );
    return toPage(out, query.offset, query.first);
  }

  async neighborhood(query: NeighborhoodQuery): Promise<Subgraph> {
    return neighborhoodOf(this.graph, query);
  }

  async stats(): Promise<GraphStats> {
    const nodesByKind = Object.fromEntries(NODE_KINDS.map((k) => [k, this.idsByKind.get(k)?.size ?? 0])) as Record<NodeKind, number>;
    const relationsByKind = Object.fromEntries(RELATION_KINDS.map((k) => [k, 0])) as Record<RelationKind, number>;
    for (const r of this.graph.relations()) relationsByKind[r.kind] += 1;
    return { nodeCount: this.graph.nodeCount, relationCount: this.graph.relationCount, nodesByKind, relationsByKind };
  }

  async writeGraph(batch: GraphBatch, options: WriteOptions = {}): Promise<WriteResult> {
    const incoming = new Set(batch.nodes.map((n) => n.id));
    for (const r of batch.relations) {
      for (const end of [r.from, r.to]) {
        if (!incoming.has(end) && !this.graph.hasNode(end)) {
          throw new StoreWriteError('DANGLING_RELATION', `relationship "${r.id}" points at "${end}", which is neither in the store nor in the batch; nothing was written`);
        }
      }
    }
    this.version += 1;
    const total = batch.nodes.length + batch.relations.length;
    let done = 0;
    const tick = () => {
      done += 1;
      if (options.onProgress && (done % 10_000 === 0 || done === total)) options.onProgress(done, total);
    };
    for (const node of batch.nodes) {
      this.putNode(node);
      tick();
    }
    for (const relation of batch.relations) {
      this.putRelation(relation);
      tick();
    }
    return { nodesWritten: batch.nodes.length, relationsWritten: batch.relations.length };
  }

  async clear(): Promise<void> {
    this.version += 1;
    this.graph.clear();
    this.searchIndex.clear();
    this.sortNames.clear();
    for (const ids of this.idsByKind.values()) ids.clear();
  }

  async close(): Promise<void> {}

  similarMunicipalities(query: SimilarityQuery): Promise<SimilarityMatch[]> {
    return this.analytics.similarMunicipalities(query);
  }

  suggestPartners(query: SuggestionQuery): Promise<PartnerSuggestionResult[]> {
    return this.analytics.suggestPartners(query);
  }

  shortestPaths(query: PathQuery): Promise<GraphPath[]> {
    return this.analytics.shortestPaths(query);
  }

  metrics(ids: readonly string[]): Promise<(NodeMetricsResult | null)[]> {
    return this.analytics.metrics(ids);
  }

  private node(id: string): GraphNode | null {
    return this.graph.node(id) ?? null;
  }

  private sortName(id: string): string {
    return this.sortNames.get(id) ?? '';
  }

  private putNode(node: GraphNode): void {
    const previous = this.graph.putNode(node);
    if (previous) {
      this.idsByKind.get(previous.kind)?.delete(node.id);
      this.searchIndex.remove(node.id);
    }
    this.idsByKind.get(node.kind)?.add(node.id);
    this.sortNames.set(node.id, normalizeText(node.name));
    this.searchIndex.add(node.id, [node.name, ...node.altNames]);
  }

  private putRelation(relation: GraphRelation): void {
    this.graph.putRelation(relation);
  }
}

function toPage<T>(all: T[], offset: number, first: number): Page<T> {
  return { items: all.slice(offset, offset + first), offset, totalCount: all.length, hasNextPage: offset + first < all.length };
}

function emptyPage<T>(offset: number): Page<T> {
  return { items: [], offset, totalCount: 0, hasNextPage: false };
}
