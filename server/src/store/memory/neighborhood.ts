import type { GraphRelation, NodeKind, RelationKind } from '../../domain/model.js';
import type { NeighborhoodQuery, Subgraph } from '../GraphStore.js';
import { compareStrings } from '../../domain/normalize.js';
import type { AdjacencyGraph } from './AdjacencyGraph.js';

/**
 * GraphStore.neighborhood on the embedded structure: breadth-first over incidence lists of node
 * indexes, with visit stamps in a typed array instead of Maps and Sets, so a call touches little
 * memory beyond the lists it reads and allocates little beyond its answer. It runs synchronously
 * from start to end, so the shared scratch arrays are never used by two calls at once.
 */
export function neighborhoodOf(graph: AdjacencyGraph, query: NeighborhoodQuery): Subgraph {
  const relationKinds = query.relationKinds && query.relationKinds.length > 0 ? new Set<RelationKind>(query.relationKinds) : null;
  const nodeKinds = query.nodeKinds && query.nodeKinds.length > 0 ? new Set<NodeKind>(query.nodeKinds) : null;
  graph.ensureRanks();
  const stamp = graph.nextVisit();
  const { visit, expanded, rank } = graph;
  const included: number[] = [];
  const missingIds: string[] = [];
  let truncated = false;

  const seeds = query.ids.length === 1 ? query.ids : [...new Set(query.ids)].sort(compareStrings);
  for (const id of seeds) {
    const entry = graph.entry(id);
    if (!entry) missingIds.push(id);
    else if (included.length < query.limit) {
      visit[entry.index] = stamp;
      included.push(entry.index);
    } else truncated = true;
  }

  // A candidate is stamped -stamp until it is chosen. Every relationship scanned from an expanded
  // node is remembered with its ends and kept at the end if the far end was included; one between
  // two expanded nodes is remembered from the first of them only.
  const scanned: GraphRelation[] = [];
  const scannedSource: number[] = [];
  const scannedTarget: number[] = [];
  const scannedFar: number[] = [];
  let frontier = included.slice();
  for (let d = 1; d <= query.depth && frontier.length > 0 && !truncated; d++) {
    const candidates: number[] = [];
    for (const u of frontier) {
      const entry = graph.entryAt(u);
      for (let pass = 0; pass < 2; pass++) {
        const relations = pass === 0 ? entry.out : entry.in;
        const ends = pass === 0 ? entry.outNodes : entry.inNodes;
        for (let i = 0; i < relations.length; i++) {
          const r = relations[i]!;
          if (relationKinds !== null && !relationKinds.has(r.kind)) continue;
          const other = ends[i]!;
          if (expanded[other] === stamp) continue;
          scanned.push(r);
          scannedSource.push(pass === 0 ? u : other);
          scannedTarget.push(pass === 0 ? other : u);
          scannedFar.push(other);
          const mark = visit[other]!;
          if (mark === stamp || mark === -stamp) continue;
          if (nodeKinds !== null && !nodeKinds.has(graph.entryAt(other).node.kind)) continue;
          visit[other] = -stamp;
          candidates.push(other);
        }
      }
      expanded[u] = stamp;
    }
    candidates.sort((a, b) => rank[a]! - rank[b]!);
    const added: number[] = [];
    for (const c of candidates) {
      if (included.length >= query.limit) {
        truncated = true;
        break;
      }
      visit[c] = stamp;
      included.push(c);
      added.push(c);
    }
    frontier = added;
  }

  // Edges ordered by (source id, target id, relationship id), the ids compared through their ranks.
  const kept: number[] = [];
  for (let i = 0; i < scanned.length; i++) if (visit[scannedFar[i]!] === stamp) kept.push(i);
  kept.sort(
    (x, y) =>
      rank[scannedSource[x]!]! - rank[scannedSource[y]!]! ||
      rank[scannedTarget[x]!]! - rank[scannedTarget[y]!]! ||
      compareStrings(scanned[x]!.id, scanned[y]!.id),
  );
  return {
    nodes: included.map((i) => graph.entryAt(i).node),
    edges: kept.map((i) => scanned[i]!),
    truncated,
    missingIds,
  };
}
