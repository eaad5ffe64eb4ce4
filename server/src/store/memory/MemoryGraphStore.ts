import { MultiDirectedGraph } from 'graphology';
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
import { matchesFilter } from './listFilter.js';
import { compareForSort } from './listSort.js';
import { SearchIndex } from './SearchIndex.js';

type Graph = MultiDirectedGraph<GraphNode, GraphRelation>;

/**
 * The embedded store: the whole graph in this process, in a graphology multi-graph whose node and
 * edge attributes ARE the domain objects (no copies), plus a token index for search.
 * Reads never mutate; writes validate the whole batch before touching anything.
 */
export class MemoryGraphStore implements GraphStore {
  readonly name = 'memory';
  readonly graph: Graph = new MultiDirectedGraph<GraphNode, GraphRelation>({ allowSelfLoops: false });
  private readonly searchIndex = new SearchIndex();
  private readonly idsByKind = new Map<NodeKind, Set<string>>(NODE_KINDS.map((k) => [k, new Set<string>()]));
  private readonly sortNames = new Map<string, string>();

  async getNodes(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    return ids.map((id) => this.node(id));
  }

  async getDegrees(ids: readonly string[]): Promise<number[]> {
    return ids.map((id) => (this.graph.hasNode(id) ? this.graph.degree(id) : 0));
  }

  async search(text: string, options: SearchOptions): Promise<Page<SearchHit>> {
    const query = normalizeText(text);
    const queryTokens = tokenize(text);
    if (queryTokens.length === 0) return emptyPage(options.offset);
    const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : null;
    const hits: SearchHit[] = [];
    for (const id of this.searchIndex.candidates(queryTokens)) {
      const node = this.graph.getNodeAttributes(id);
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
      if (matchesFilter(this.graph, id, query.filter)) matches.push(this.graph.getNodeAttributes(id));
    }
    const degree = (id: string) => this.graph.degree(id);
    matches.sort((a, b) => compareForSort(a, b, query.sort, degree, (id) => this.sortName(id)));
    return toPage(matches, query.offset, query.first);
  }

  async relations(query: RelationQuery): Promise<Page<RelatedEdge>> {
    if (!this.graph.hasNode(query.nodeId)) return emptyPage(query.offset);
    const kinds = query.kinds && query.kinds.length > 0 ? new Set(query.kinds) : null;
    const out: RelatedEdge[] = [];
    const collect = (relation: GraphRelation, direction: 'OUT' | 'IN') => {
      if (kinds && !kinds.has(relation.kind)) return;
      const otherId = direction === 'OUT' ? relation.to : relation.from;
      out.push({ relation, other: this.graph.getNodeAttributes(otherId), direction });
    };
    if (query.direction !== 'IN') this.graph.forEachOutEdge(query.nodeId, (_e, r) => collect(r, 'OUT'));
    if (query.direction !== 'OUT') this.graph.forEachInEdge(query.nodeId, (_e, r) => collect(r, 'IN'));
    out.sort(
      (a, b) =>
        compareStrings(a.relation.kind, b.relation.kind) ||
        compareStrings(this.sortName(a.other.id), this.sortName(b.other.id)) ||
        compareStrings(a.relation.id, b.relation.id),
    );
    return toPage(out, query.offset, query.first);
  }

  async neighborhood(query: NeighborhoodQuery): Promise<Subgraph> {
    const relationKinds = query.relationKinds && query.relationKinds.length > 0 ? new Set<RelationKind>(query.relationKinds) : null;
    const nodeKinds = query.nodeKinds && query.nodeKinds.length > 0 ? new Set<NodeKind>(query.nodeKinds) : null;
    const distance = new Map<string, number>();
    const order: string[] = [];
    const missingIds: string[] = [];
    let truncated = false;

    for (const id of [...new Set(query.ids)].sort(compareStrings)) {
      if (!this.graph.hasNode(id)) missingIds.push(id);
      else if (order.length < query.limit) {
        distance.set(id, 0);
        order.push(id);
      } else truncated = true;
    }
    let frontier = order.slice();
    for (let d = 1; d <= query.depth && frontier.length > 0 && !truncated; d++) {
      const next = new Set<string>();
      for (const u of frontier) {
        this.graph.forEachEdge(u, (_e, r, source, target, sourceAttrs, targetAttrs) => {
          if (relationKinds && !relationKinds.has(r.kind)) return;
          const [v, vAttrs] = source === u ? [target, targetAttrs] : [source, sourceAttrs];
          if (distance.has(v) || (nodeKinds && !nodeKinds.has(vAttrs.kind))) return;
          next.add(v);
        });
      }
      const added: string[] = [];
      for (const v of [...next].sort(compareStrings)) {
        if (order.length >= query.limit) {
          truncated = true;
          break;
        }
        distance.set(v, d);
        order.push(v);
        added.push(v);
      }
      frontier = added;
    }

    const edgeIds = new Set<string>();
    const edges: GraphRelation[] = [];
    for (const u of order) {
      if ((distance.get(u) ?? 0) >= query.depth) continue;
      this.graph.forEachEdge(u, (e, r, source, target) => {
        if (relationKinds && !relationKinds.has(r.kind)) return;
        if (!distance.has(source) || !distance.has(target) || edgeIds.has(e)) return;
        edgeIds.add(e);
        edges.push(r);
      });
    }
    edges.sort((a, b) => compareStrings(a.id, b.id));
    return { nodes: order.map((id) => this.graph.getNodeAttributes(id)), edges, truncated, missingIds };
  }

  async stats(): Promise<GraphStats> {
    const nodesByKind = Object.fromEntries(NODE_KINDS.map((k) => [k, this.idsByKind.get(k)?.size ?? 0])) as Record<NodeKind, number>;
    const relationsByKind = Object.fromEntries(RELATION_KINDS.map((k) => [k, 0])) as Record<RelationKind, number>;
    this.graph.forEachEdge((_e, r) => {
      relationsByKind[r.kind] += 1;
    });
    return { nodeCount: this.graph.order, relationCount: this.graph.size, nodesByKind, relationsByKind };
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
    this.graph.clear();
    this.searchIndex.clear();
    this.sortNames.clear();
    for (const ids of this.idsByKind.values()) ids.clear();
  }

  async close(): Promise<void> {}

  private node(id: string): GraphNode | null {
    return this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : null;
  }

  private sortName(id: string): string {
    return this.sortNames.get(id) ?? '';
  }

  private putNode(node: GraphNode): void {
    const previous = this.node(node.id);
    if (previous) {
      this.idsByKind.get(previous.kind)?.delete(node.id);
      this.searchIndex.remove(node.id);
      this.graph.replaceNodeAttributes(node.id, node);
    } else {
      this.graph.addNode(node.id, node);
    }
    this.idsByKind.get(node.kind)?.add(node.id);
    this.sortNames.set(node.id, normalizeText(node.name));
    this.searchIndex.add(node.id, [node.name, ...node.altNames]);
  }

  private putRelation(relation: GraphRelation): void {
    if (this.graph.hasEdge(relation.id)) {
      const [source, target] = this.graph.extremities(relation.id);
      if (source === relation.from && target === relation.to) {
        this.graph.replaceEdgeAttributes(relation.id, relation);
        return;
      }
      this.graph.dropEdge(relation.id);
    }
    this.graph.addDirectedEdgeWithKey(relation.id, relation.from, relation.to, relation);
  }
}

function toPage<T>(all: T[], offset: number, first: number): Page<T> {
  return { items: all.slice(offset, offset + first), offset, totalCount: all.length, hasNextPage: offset + first < all.length };
}

function emptyPage<T>(offset: number): Page<T> {
  return { items: [], offset, totalCount: 0, hasNextPage: false };
}
