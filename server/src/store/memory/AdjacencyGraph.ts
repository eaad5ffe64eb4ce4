import type { GraphNode, GraphRelation } from '../../domain/model.js';

/**
 * A node and its incident relationships, split by direction, in insertion order, with the entry
 * at the other end of each (outNodes[i] is the target of out[i]) so traversals never look ids up.
 * `visit`, `distance` and `expanded` are scratch fields for traversals (see Traversal).
 */
export interface NodeEntry {
  node: GraphNode;
  out: GraphRelation[];
  outNodes: NodeEntry[];
  in: GraphRelation[];
  inNodes: NodeEntry[];
  visit: number;
  distance: number;
  expanded: number;
  /** Position of the node's id in the sorted ids of all nodes (see ensureRanks). */
  rank: number;
}

/**
 * The embedded store's in-memory structure: one entry per node holding the domain object and its
 * incidence lists, and the relationships by id. The domain objects are stored as they are, never
 * copied. See docs/adr/0002-embedded-store-structure.md for why this and not a general graph
 * library: traversals touch only arrays and one Map, which is what makes the 1-hop target.
 */
export class AdjacencyGraph {
  private readonly entries = new Map<string, NodeEntry>();
  private readonly relationsById = new Map<string, GraphRelation>();

  get nodeCount(): number {
    return this.entries.size;
  }

  get relationCount(): number {
    return this.relationsById.size;
  }

  entry(id: string): NodeEntry | undefined {
    return this.entries.get(id);
  }

  hasNode(id: string): boolean {
    return this.entries.has(id);
  }

  node(id: string): GraphNode | undefined {
    return this.entries.get(id)?.node;
  }

  degree(id: string): number {
    const e = this.entries.get(id);
    return e ? e.out.length + e.in.length : 0;
  }

  nodeIds(): IterableIterator<string> {
    return this.entries.keys();
  }

  relations(): IterableIterator<GraphRelation> {
    return this.relationsById.values();
  }

  /** Inserts a node, or replaces its object keeping its relationships. Returns the replaced object. */
  putNode(node: GraphNode): GraphNode | undefined {
    const existing = this.entries.get(node.id);
    if (existing) {
      const previous = existing.node;
      existing.node = node;
      return previous;
    }
    this.entries.set(node.id, { node, out: [], outNodes: [], in: [], inNodes: [], visit: 0, distance: 0, expanded: 0, rank: 0 });
    this.ranksFresh = false;
    return undefined;
  }

  /** Inserts or replaces a relationship by id; both ends must exist. */
  putRelation(relation: GraphRelation): void {
    const previous = this.relationsById.get(relation.id);
    if (previous) this.detach(previous);
    this.relationsById.set(relation.id, relation);
    const from = this.entries.get(relation.from)!;
    const to = this.entries.get(relation.to)!;
    from.out.push(relation);
    from.outNodes.push(to);
    to.in.push(relation);
    to.inNodes.push(from);
  }

  clear(): void {
    this.ranksFresh = true;
    this.entries.clear();
    this.relationsById.clear();
  }

  /**
   * Gives every entry its rank in id order, once after writes: traversals then sort by comparing
   * integers instead of strings, which is most of the cost of a small neighbourhood.
   */
  ensureRanks(): void {
    if (this.ranksFresh) return;
    const all = [...this.entries.values()].sort((a, b) => (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0));
    all.forEach((entry, i) => {
      entry.rank = i;
    });
    this.ranksFresh = true;
  }

  private ranksFresh = true;

  /** A fresh stamp for a traversal's scratch fields: entries not stamped with it are unvisited. */
  nextVisit(): number {
    this.visitCounter += 1;
    return this.visitCounter;
  }

  private visitCounter = 0;

  private detach(relation: GraphRelation): void {
    const remove = (relations: GraphRelation[] | undefined, ends: NodeEntry[] | undefined) => {
      if (!relations || !ends) return;
      const i = relations.findIndex((r) => r.id === relation.id);
      if (i >= 0) {
        relations.splice(i, 1);
        ends.splice(i, 1);
      }
    };
    const from = this.entries.get(relation.from);
    const to = this.entries.get(relation.to);
    remove(from?.out, from?.outNodes);
    remove(to?.in, to?.inNodes);
  }
}
