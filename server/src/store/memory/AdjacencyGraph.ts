import type { GraphNode, GraphRelation } from '../../domain/model.js';
import { runAll, runSliced, sortedInSlices, type Slicer } from '../../timeSlicer.js';

const byNodeId = (a: NodeEntry, b: NodeEntry) => (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0);

/**
 * A node and its incident relationships, split by direction, in insertion order, with the index of
 * the node at the other end of each (outNodes[i] is the target of out[i]).
 */
export interface NodeEntry {
  index: number;
  node: GraphNode;
  out: GraphRelation[];
  outNodes: number[];
  in: GraphRelation[];
  inNodes: number[];
}

/**
 * The embedded store's in-memory structure: nodes numbered in insertion order, each with its
 * incidence lists, the relationships by id, and per-node integers in typed arrays (traversal
 * stamps, rank in id order). Traversals read small arrays of numbers and one contiguous typed
 * array instead of chasing objects, which is what makes the neighbourhood targets (see
 * docs/adr/0002-embedded-store-structure.md). The domain objects are kept, never copied.
 */
export class AdjacencyGraph {
  private indexById = new Map<string, number>();
  private entryList: NodeEntry[] = [];
  private relationsById = new Map<string, GraphRelation>();
  /** Traversal scratch: visit stamps (see nextVisit), expansion stamps, rank in id order. */
  visit = new Int32Array(1024);
  expanded = new Int32Array(1024);
  rank = new Int32Array(1024);
  private ranksFresh = true;
  /** Counts the writes that made the ranks stale, so a rank computation in slices knows when one came meanwhile. */
  private rankEpoch = 0;
  /** The ranks being computed in slices (ranksInSlices), shared by the traversals that wait for them. */
  private ranking: Promise<void> | null = null;
  private visitCounter = 0;

  get nodeCount(): number {
    return this.indexById.size;
  }

  get relationCount(): number {
    return this.relationsById.size;
  }

  entry(id: string): NodeEntry | undefined {
    const index = this.indexById.get(id);
    return index === undefined ? undefined : this.entryList[index];
  }

  entryAt(index: number): NodeEntry {
    return this.entryList[index]!;
  }

  hasNode(id: string): boolean {
    return this.indexById.has(id);
  }

  node(id: string): GraphNode | undefined {
    return this.entry(id)?.node;
  }

  degree(id: string): number {
    const e = this.entry(id);
    return e ? e.out.length + e.in.length : 0;
  }

  nodeIds(): IterableIterator<string> {
    return this.indexById.keys();
  }

  relations(): IterableIterator<GraphRelation> {
    return this.relationsById.values();
  }

  relation(id: string): GraphRelation | undefined {
    return this.relationsById.get(id);
  }

  /** Removes a relationship by id; false when there is none. */
  removeRelation(id: string): boolean {
    const relation = this.relationsById.get(id);
    if (!relation) return false;
    this.detach(relation);
    this.relationsById.delete(id);
    return true;
  }

  /**
   * Removes a node and every relationship it has; false when there is none. The last node takes
   * its number (so numbers stay dense for the typed arrays), and the lists naming that number are
   * renumbered: the cost is the degree of the two nodes, not the size of the graph.
   */
  removeNode(id: string): boolean {
    const entry = this.entry(id);
    if (!entry) return false;
    for (const r of [...entry.out, ...entry.in]) this.removeRelation(r.id);
    const last = this.entryList.pop()!;
    this.indexById.delete(id);
    if (last !== entry) {
      const from = last.index;
      const to = entry.index;
      last.index = to;
      this.entryList[to] = last;
      this.indexById.set(last.node.id, to);
      for (const list of [last.out, last.in]) {
        for (const r of list) {
          const other = this.entry(r.from === last.node.id ? r.to : r.from)!;
          const [relations, ends] = r.from === last.node.id ? [other.in, other.inNodes] : [other.out, other.outNodes];
          for (let i = 0; i < relations.length; i++) if (relations[i] === r && ends[i] === from) ends[i] = to;
        }
      }
      // A self-loop's two ends both named the old number.
      for (let i = 0; i < last.outNodes.length; i++) if (last.outNodes[i] === from) last.outNodes[i] = to;
      for (let i = 0; i < last.inNodes.length; i++) if (last.inNodes[i] === from) last.inNodes[i] = to;
      this.visit[to] = 0;
      this.expanded[to] = 0;
    }
    this.staleRanks();
    return true;
  }

  /** Inserts a node, or replaces its object keeping its relationships. Returns the replaced object. */
  putNode(node: GraphNode): GraphNode | undefined {
    const existing = this.entry(node.id);
    if (existing) {
      const previous = existing.node;
      existing.node = node;
      return previous;
    }
    const index = this.entryList.length;
    this.entryList.push({ index, node, out: [], outNodes: [], in: [], inNodes: [] });
    this.indexById.set(node.id, index);
    this.ensureCapacity(index + 1);
    this.staleRanks();
    return undefined;
  }

  /**
   * Inserts or replaces a relationship by id; both ends must exist. Its `from` and `to` are set to
   * the nodes' own id strings (equal values, so nothing observable changes): a million
   * relationships then share the nodes' strings instead of holding two million copies.
   */
  putRelation(relation: GraphRelation): void {
    const previous = this.relationsById.get(relation.id);
    if (previous) this.detach(previous);
    const from = this.entry(relation.from)!;
    const to = this.entry(relation.to)!;
    relation.from = from.node.id;
    relation.to = to.node.id;
    this.relationsById.set(relation.id, relation);
    from.out.push(relation);
    from.outNodes.push(to.index);
    to.in.push(relation);
    to.inNodes.push(from.index);
  }

  /**
   * Fills this graph (empty) with a copy of `other`: the same domain objects, incidence lists of its
   * own. A generator: it yields every 1,024 entries, so the copy can be made in slices.
   */
  *copyOf(other: AdjacencyGraph): Generator<void> {
    for (const e of other.entryList) {
      const { index, node } = e;
      this.entryList.push({ index, node, out: e.out.slice(), outNodes: e.outNodes.slice(), in: e.in.slice(), inNodes: e.inNodes.slice() });
      this.indexById.set(node.id, index);
      if ((index & 1023) === 1023) yield;
    }
    let n = 0;
    for (const [id, relation] of other.relationsById) {
      this.relationsById.set(id, relation);
      if ((++n & 4095) === 0) yield;
    }
    this.ensureCapacity(this.entryList.length);
    this.staleRanks();
  }

  /** Exchanges contents with `other` at once (a reader sees one graph or the other, never a mix). */
  swapWith(other: AdjacencyGraph): void {
    [this.indexById, other.indexById] = [other.indexById, this.indexById];
    [this.entryList, other.entryList] = [other.entryList, this.entryList];
    [this.relationsById, other.relationsById] = [other.relationsById, this.relationsById];
    [this.visit, other.visit] = [other.visit, this.visit];
    [this.expanded, other.expanded] = [other.expanded, this.expanded];
    [this.rank, other.rank] = [other.rank, this.rank];
    [this.ranksFresh, other.ranksFresh] = [other.ranksFresh, this.ranksFresh];
    this.rankEpoch += 1;
    other.rankEpoch += 1;
    [this.visitCounter, other.visitCounter] = [other.visitCounter, this.visitCounter];
  }

  clear(): void {
    this.indexById.clear();
    this.entryList.length = 0;
    this.relationsById.clear();
    this.ranksFresh = true;
  }

  private staleRanks(): void {
    this.ranksFresh = false;
    this.rankEpoch += 1;
  }

  /**
   * Gives every node its rank in id order, once after writes: traversals then sort by comparing
   * integers instead of strings, which was most of the cost of a small neighbourhood. At once:
   * callers that can wait use ranksInSlices first.
   */
  ensureRanks(): void {
    if (this.ranksFresh) return;
    this.assignRanks(runAll(sortedInSlices(this.entryList, byNodeId)));
  }

  /**
   * The same, sorting in slices that pause through `slice` (on a graph of 42k nodes the sort took
   * 50–240 ms in one piece, the first neighbourhood after a node was added or removed); a write
   * meanwhile starts it again (at most three times; then ensureRanks finishes it at once).
   */
  ranksInSlices(slice: Slicer): Promise<void> {
    if (this.ranksFresh) return Promise.resolve();
    this.ranking ??= (async () => {
      try {
        for (let attempt = 0; attempt < 3 && !this.ranksFresh; attempt++) {
          const epoch = this.rankEpoch;
          const order = await runSliced(sortedInSlices(this.entryList.slice(), byNodeId), slice);
          if (this.rankEpoch === epoch) this.assignRanks(order);
        }
      } finally {
        this.ranking = null;
      }
    })();
    return this.ranking;
  }

  private assignRanks(order: readonly NodeEntry[]): void {
    for (let i = 0; i < order.length; i++) this.rank[order[i]!.index] = i;
    this.ranksFresh = true;
  }

  /** A fresh stamp for a traversal: nodes whose visit or expanded slot holds another value are unvisited. */
  nextVisit(): number {
    if (this.visitCounter >= 0x3fffffff) {
      this.visit.fill(0);
      this.expanded.fill(0);
      this.visitCounter = 0;
    }
    this.visitCounter += 1;
    return this.visitCounter;
  }

  private ensureCapacity(size: number): void {
    if (size <= this.visit.length) return;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(Math.max(size, a.length * 2));
      b.set(a);
      return b;
    };
    this.visit = grow(this.visit);
    this.expanded = grow(this.expanded);
    this.rank = grow(this.rank);
  }

  private detach(relation: GraphRelation): void {
    const remove = (relations: GraphRelation[] | undefined, ends: number[] | undefined) => {
      if (!relations || !ends) return;
      const i = relations.findIndex((r) => r.id === relation.id);
      if (i >= 0) {
        relations.splice(i, 1);
        ends.splice(i, 1);
      }
    };
    const from = this.entry(relation.from);
    const to = this.entry(relation.to);
    remove(from?.out, from?.outNodes);
    remove(to?.in, to?.inNodes);
  }
}
