import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { prng } from './random.js';
import type { MetricsInput, NodeMetricsResult } from '../GraphAnalytics.js';
import { compareStrings } from '../../domain/normalize.js';

/**
 * Degree, betweenness and Louvain community of every node, with graphology's implementations, on
 * the undirected simple projection of the graph (parallel relationships count once). Nodes and
 * edges enter in id order and Louvain draws from a seeded generator, so every store that passes
 * the same graph gets the same numbers.
 */
export function computeMetrics({ nodeIds, ends }: MetricsInput): Map<string, NodeMetricsResult> {
  const edges: [string, string][] = [];
  for (let k = 0; k < ends.length; k += 2) edges.push([nodeIds[ends[k]!]!, nodeIds[ends[k + 1]!]!]);
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of [...nodeIds].sort(compareStrings)) graph.addNode(id);
  const degree = new Map<string, number>();
  for (const [a, b] of edges) {
    degree.set(a, (degree.get(a) ?? 0) + 1);
    degree.set(b, (degree.get(b) ?? 0) + 1);
  }
  const pairs = edges
    .map(([a, b]) => (a < b ? [a, b] : [b, a]) as [string, string])
    .sort((x, y) => compareStrings(x[0], y[0]) || compareStrings(x[1], y[1]));
  for (const [a, b] of pairs) if (a !== b) graph.mergeEdge(a, b);
  const betweenness = betweennessCentrality(graph, { normalized: true });
  const communities = louvain(graph, { rng: prng(1) });
  const out = new Map<string, NodeMetricsResult>();
  graph.forEachNode((id) => {
    out.set(id, { degree: degree.get(id) ?? 0, betweenness: betweenness[id] ?? 0, community: communities[id] ?? 0 });
  });
  return out;
}
