import type { GraphRelation, NodeKind, RelationKind } from '../../domain/model.js';
import type { NeighborhoodQuery, Subgraph } from '../GraphStore.js';
import { compareStrings } from '../searchText.js';
import type { AdjacencyGraph, NodeEntry } from './AdjacencyGraph.js';

const byRank = (a: NodeEntry, b: NodeEntry) => a.rank - b.rank;

/**
 * GraphStore.neighborhood on the embedded structure: breadth-first over incidence lists, marking
 * entries with a per-call stamp instead of filling Maps, so a 1-hop call allocates little more
 * than its answer. Synchronous from start to end, so the scratch fields are never shared.
 */
export function neighborhoodOf(graph: AdjacencyGraph, query: NeighborhoodQuery): Subgraph {
  const relationKinds = query.relationKinds && query.relationKinds.length > 0 ? new Set<RelationKind>(query.relationKinds) : null;
  const nodeKinds = query.nodeKinds && query.nodeKinds.length > 0 ? new Set<NodeKind>(query.nodeKinds) : null;
  graph.ensureRanks();
  const stamp = graph.nextVisit();
  const included: NodeEntry[] = [];
  const missingIds: string[] = [];
  let truncated = false;

  for (const id of [...new Set(query.ids)].sort(compareStrings)) {
    const entry = graph.entry(id);
    if (!entry) missingIds.push(id);
    else if (included.length < query.limit) {
      entry.visit = stamp;
      entry.distance = 0;
      included.push(entry);
    } else truncated = true;
  }

  // Candidates are stamped -stamp until chosen; relationships scanned from expanded nodes are kept
  // if both ends end up included. An edge between two expanded nodes is scanned from the first only.
  const scanned: GraphRelation[] = [];
  const scannedFrom: NodeEntry[] = [];
  const scannedEnds: NodeEntry[] = [];
  let frontier = included.slice();
  for (let d = 1; d <= query.depth && frontier.length > 0 && !truncated; d++) {
    const candidates: NodeEntry[] = [];
    const scan = (u: NodeEntry, relations: GraphRelation[], ends: NodeEntry[]) => {
      for (let i = 0; i < relations.length; i++) {
        const r = relations[i]!;
        if (relationKinds !== null && !relationKinds.has(r.kind)) continue;
        const other = ends[i]!;
        if (other.expanded === stamp) continue;
        scanned.push(r);
        scannedFrom.push(u);
        scannedEnds.push(other);
        if (other.visit === stamp || other.visit === -stamp) continue;
        if (nodeKinds !== null && !nodeKinds.has(other.node.kind)) continue;
        other.visit = -stamp;
        candidates.push(other);
      }
    };
    for (const u of frontier) {
      scan(u, u.out, u.outNodes);
      scan(u, u.in, u.inNodes);
      u.expanded = stamp;
    }
    candidates.sort(byRank);
    const added: NodeEntry[] = [];
    for (const entry of candidates) {
      if (included.length >= query.limit) {
        truncated = true;
        break;
      }
      entry.visit = stamp;
      entry.distance = d;
      included.push(entry);
      added.push(entry);
    }
    frontier = added;
  }

  // Edges ordered by (source id, target id, relationship id), compared as ranks where possible.
  const kept: { relation: GraphRelation; source: number; target: number }[] = [];
  for (let i = 0; i < scanned.length; i++) {
    if (scannedEnds[i]!.visit !== stamp) continue;
    const r = scanned[i]!;
    const [a, b] = r.from === scannedFrom[i]!.node.id ? [scannedFrom[i]!, scannedEnds[i]!] : [scannedEnds[i]!, scannedFrom[i]!];
    kept.push({ relation: r, source: a.rank, target: b.rank });
  }
  kept.sort((x, y) => x.source - y.source || x.target - y.target || compareStrings(x.relation.id, y.relation.id));
  const edges = kept.map((k) => k.relation);
  return { nodes: included.map((e) => e.node), edges, truncated, missingIds };
}
