import { countryNodeId, type GraphNode, type NodeKind } from '../../domain/model.js';
import { bump, emptyTally, pairKey, rankTally, START_KINDS, type OverviewTally } from '../analysis/overview.js';
import type { Overview, OverviewQuery } from '../GraphStore.js';
import { compareStrings } from '../../domain/normalize.js';
import type { AdjacencyGraph } from './AdjacencyGraph.js';

/** GraphStore.overview for the embedded store: one pass over the members and the partnerships. */
export function overviewOf(graph: AdjacencyGraph, idsOfKind: (kind: NodeKind) => Iterable<string>, query: OverviewQuery): Overview {
  const tally = query.groupBy === 'KIND' ? byKind(graph) : byMembership(graph, idsOfKind, query.groupBy);
  const ranked = rankTally(tally, query);
  const groups = ranked.groups.map((g) => ({ ...g, node: groupNode(graph, query.groupBy, g.key) }));
  return { groups, links: ranked.links, groupCount: ranked.groupCount, starts: startsOf(graph, idsOfKind, query.firstStarts) };
}

function groupNode(graph: AdjacencyGraph, groupBy: OverviewQuery['groupBy'], key: string): GraphNode | null {
  if (groupBy === 'KIND') return null;
  const node = graph.node(groupBy === 'COUNTRY' ? countryNodeId(key) : key);
  return node && (groupBy === 'NETWORK' || node.kind === 'COUNTRY') ? node : null;
}

/** Municipalities as members; groups by country code or by the networks they are members of. */
function byMembership(
  graph: AdjacencyGraph,
  idsOfKind: (kind: NodeKind) => Iterable<string>,
  groupBy: 'COUNTRY' | 'NETWORK',
): OverviewTally {
  const tally = emptyTally();
  const groupsOf = new Map<string, readonly string[]>();
  for (const id of idsOfKind('MUNICIPALITY')) {
    const entry = graph.entry(id)!;
    let groups: string[];
    if (groupBy === 'COUNTRY') groups = entry.node.country ? [entry.node.country] : [];
    else groups = [...new Set(entry.out.filter((r) => r.kind === 'MEMBER_OF' && graph.node(r.to)?.kind === 'NETWORK').map((r) => r.to))];
    if (groups.length === 0) continue;
    groupsOf.set(id, groups);
    for (const g of groups) bump(tally.size, g);
  }
  for (const pid of idsOfKind('PARTNERSHIP')) {
    const parties = [
      ...new Set(
        graph
          .entry(pid)!
          .in.filter((r) => r.kind === 'PARTY_TO' && groupsOf.has(r.from))
          .map((r) => r.from),
      ),
    ];
    const internal = new Set<string>();
    const pairs = new Set<string>();
    for (let i = 0; i < parties.length; i++) {
      for (let j = i + 1; j < parties.length; j++) {
        for (const a of groupsOf.get(parties[i]!)!) {
          for (const b of groupsOf.get(parties[j]!)!) {
            if (a === b) internal.add(a);
            else pairs.add(pairKey(a, b));
          }
        }
      }
    }
    for (const g of internal) bump(tally.internal, g);
    for (const p of pairs) bump(tally.links, p);
  }
  return tally;
}

/** Every node by its kind; every relationship between the kinds of its ends. */
function byKind(graph: AdjacencyGraph): OverviewTally {
  const tally = emptyTally();
  for (const id of graph.nodeIds()) bump(tally.size, graph.node(id)!.kind);
  for (const r of graph.relations()) {
    const a = graph.node(r.from)!.kind;
    const b = graph.node(r.to)!.kind;
    if (a === b) bump(tally.internal, a);
    else bump(tally.links, pairKey(a, b));
  }
  return tally;
}

function startsOf(graph: AdjacencyGraph, idsOfKind: (kind: NodeKind) => Iterable<string>, first: number): Overview['starts'] {
  const out: Overview['starts'] = [];
  for (const kind of START_KINDS) {
    const ranked = [...idsOfKind(kind)].map((id) => ({ id, degree: graph.degree(id) }));
    ranked.sort((a, b) => b.degree - a.degree || compareStrings(a.id, b.id));
    for (const { id, degree } of ranked.slice(0, first)) out.push({ node: graph.node(id)!, degree });
  }
  return out;
}
