import type { NodeKind, RelationKind } from '../gql/graphql.js';
import type { DrawnEdge, DrawnNode, VisibleGraph } from '../graph/model.js';

const KINDS: NodeKind[] = [
  'MUNICIPALITY',
  'MUNICIPALITY',
  'MUNICIPALITY',
  'ORGANIZATION',
  'ORGANIZATION',
  'PARTNERSHIP',
  'PROJECT',
  'NETWORK',
  'THEME',
  'COUNTRY',
];
const RELS: RelationKind[] = ['PARTY_TO', 'MEMBER_OF', 'PARTICIPATES_IN', 'LOCATED_IN', 'ADDRESSES_THEME', 'FUNDS'];

/** A deterministic pseudo-random generator, so every run draws the same graph. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A drawn graph of about `elements` elements shaped like the seed graph: 1.73 relationships per
 * node, a few hubs (preferential attachment), one connected component.
 */
export function syntheticGraph(elements: number, seed = 1): VisibleGraph {
  const rand = mulberry32(seed);
  const nodeCount = Math.max(2, Math.round(elements / 2.73));
  const edgeCount = elements - nodeCount;
  const nodes: DrawnNode[] = [];
  for (let i = 0; i < nodeCount; i++) {
    nodes.push({ id: `n${i}`, kind: KINDS[i % KINDS.length]!, name: `Node ${i}`, degree: 0, focus: i === 0, expanded: false });
  }
  const ends: number[] = [];
  const edges: DrawnEdge[] = [];
  const add = (s: number, t: number) => {
    edges.push({
      id: `e${edges.length}`,
      source: `n${s}`,
      target: `n${t}`,
      kind: RELS[edges.length % RELS.length]!,
      relationId: `e${edges.length}`,
    });
    nodes[s]!.degree++;
    nodes[t]!.degree++;
    ends.push(s, t);
  };
  for (let i = 1; i < nodeCount && edges.length < edgeCount; i++)
    add(i, ends.length > 0 && rand() < 0.7 ? ends[Math.floor(rand() * ends.length)]! : Math.floor(rand() * i));
  while (edges.length < edgeCount) {
    const s = Math.floor(rand() * nodeCount);
    const t = ends[Math.floor(rand() * ends.length)]!;
    if (s !== t) add(s, t);
  }
  return { nodes, edges, hidden: { total: 0, byNodeKind: 0, byAttributes: 0, byContext: 0 }, missing: [], truncated: [], budgeted: [] };
}
