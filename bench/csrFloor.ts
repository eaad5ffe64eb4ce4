import type { GraphRelation } from '../server/src/domain/model.js';

/**
 * The floor to measure the stores against: a plain compressed-sparse-row adjacency list in typed
 * arrays (undirected), doing the same 1- and 2-hop traversals with no attributes, no ids as strings.
 */
export class CsrGraph {
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
  private readonly mark: Int32Array;
  private epoch = 0;

  constructor(
    readonly index: Map<string, number>,
    relations: readonly GraphRelation[],
  ) {
    const n = index.size;
    const degree = new Int32Array(n + 1);
    const ends = new Int32Array(relations.length * 2);
    relations.forEach((r, i) => {
      const a = index.get(r.from)!;
      const b = index.get(r.to)!;
      ends[2 * i] = a;
      ends[2 * i + 1] = b;
      degree[a]! += 1;
      degree[b]! += 1;
    });
    this.offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.offsets[i + 1] = this.offsets[i]! + degree[i]!;
    const fill = this.offsets.slice(0, n);
    this.neighbors = new Int32Array(relations.length * 2);
    for (let i = 0; i < relations.length; i++) {
      const a = ends[2 * i]!;
      const b = ends[2 * i + 1]!;
      this.neighbors[fill[a]!++] = b;
      this.neighbors[fill[b]!++] = a;
    }
    this.mark = new Int32Array(n);
  }

  /** Distinct nodes within `depth` hops of `start`, the start included. */
  neighborhood(start: number, depth: number): number[] {
    const epoch = ++this.epoch;
    const out = [start];
    this.mark[start] = epoch;
    let frontierStart = 0;
    for (let d = 0; d < depth; d++) {
      const frontierEnd = out.length;
      for (let f = frontierStart; f < frontierEnd; f++) {
        const u = out[f]!;
        for (let k = this.offsets[u]!; k < this.offsets[u + 1]!; k++) {
          const v = this.neighbors[k]!;
          if (this.mark[v] !== epoch) {
            this.mark[v] = epoch;
            out.push(v);
          }
        }
      }
      frontierStart = frontierEnd;
    }
    return out;
  }
}
