import { describe, expect, it } from 'vitest';
import { runAll, sortedInSlices } from '../../server/src/timeSlicer.js';
import { AdjacencyGraph } from '../../server/src/store/memory/AdjacencyGraph.js';
import type { GraphNode } from '../../server/src/domain/model.js';

/** A deterministic list of n strings with repeats (x-17, x-170, ...). */
const strings = (n: number) => Array.from({ length: n }, (_, i) => `x-${(i * 7919) % 1_013}`);
const byValue = (a: { v: string }, b: { v: string }) => (a.v < b.v ? -1 : a.v > b.v ? 1 : 0);

describe('sortedInSlices', () => {
  it.each([0, 1, 511, 512, 513, 5_000])('sorts %i items as Array.sort does, stably, without touching its input', (n) => {
    const items = strings(n).map((v, i) => ({ v, i }));
    const before = items.slice();
    const sorted = runAll(sortedInSlices(items, byValue));
    expect(sorted).toEqual(items.slice().sort(byValue));
    expect(items).toEqual(before);
    // Stable: equal values keep their order.
    for (let k = 1; k < sorted.length; k++) if (sorted[k]!.v === sorted[k - 1]!.v) expect(sorted[k]!.i).toBeGreaterThan(sorted[k - 1]!.i);
  });

  it('yields between pieces of work: more pauses for more items', () => {
    const pauses = (n: number) => {
      const work = sortedInSlices(strings(n), (a, b) => (a < b ? -1 : a > b ? 1 : 0));
      let count = 0;
      while (!work.next().done) count++;
      return count;
    };
    expect(pauses(1_000)).toBeGreaterThan(1);
    expect(pauses(40_000)).toBeGreaterThan(pauses(1_000) * 20);
  });
});

describe('AdjacencyGraph.ranksInSlices', () => {
  const town = (id: string): GraphNode => ({ id, kind: 'MUNICIPALITY', name: id, altNames: [], names: [], sources: [] });

  it('ranks the nodes in id order, and starts again when a node is added meanwhile', async () => {
    const graph = new AdjacencyGraph();
    for (const id of ['c', 'a', 'd']) graph.putNode(town(id));
    let pauses = 0;
    const ranking = graph.ranksInSlices(() => {
      pauses++;
      // A write during the first sort: that sort's order is not used.
      if (pauses === 1) graph.putNode(town('b'));
      return Promise.resolve();
    });
    await ranking;
    const rankOf = (id: string) => graph.rank[graph.entry(id)!.index];
    expect(['a', 'b', 'c', 'd'].map(rankOf)).toEqual([0, 1, 2, 3]);
  });
});
