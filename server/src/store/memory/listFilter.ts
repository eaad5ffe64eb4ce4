import type { GraphNode, NodeKind, RelationKind } from '../../domain/model.js';
import type { NodeFilter } from '../GraphStore.js';
import type { AdjacencyGraph, NodeEntry } from './AdjacencyGraph.js';

/** Relationship kinds through which a node's partnerships, projects and programmes form its context. */
export const CONTEXT_RELATIONS: ReadonlySet<RelationKind> = new Set(['PARTY_TO', 'PARTICIPATES_IN', 'COORDINATES']);
export const CONTEXT_KINDS: ReadonlySet<NodeKind> = new Set(['PARTNERSHIP', 'PROJECT', 'FUNDING_PROGRAM']);
const NETWORK_RELATIONS: ReadonlySet<RelationKind> = new Set(['MEMBER_OF', 'PARTICIPATES_IN', 'COORDINATES']);

const has = (list: readonly string[] | undefined): list is readonly string[] => list !== undefined && list.length > 0;

/** The NodeFilter contract of GraphStore.listNodes, evaluated for one node. */
export function matchesFilter(graph: AdjacencyGraph, entry: NodeEntry, filter: NodeFilter): boolean {
  const node = entry.node;
  if (has(filter.levels) && !filter.levels.includes(node.level!)) return false;
  if (has(filter.orgTypes) && !filter.orgTypes.includes(node.orgType!)) return false;
  if (has(filter.scopes) && !filter.scopes.includes(node.scope!)) return false;
  if (has(filter.partnershipTypes) && !filter.partnershipTypes.includes(node.partnershipType!)) return false;
  if (has(filter.statuses) && !filter.statuses.includes(node.status ?? '')) return false;
  if (has(filter.countries) && !countriesOf(graph, entry).some((c) => filter.countries!.includes(c))) return false;
  if (has(filter.networkIds) && !entry.out.some((r) => NETWORK_RELATIONS.has(r.kind) && filter.networkIds!.includes(r.to))) return false;

  const needsContext =
    has(filter.approachIds) ||
    has(filter.themeIds) ||
    has(filter.programIds) ||
    filter.yearFrom !== undefined ||
    filter.yearTo !== undefined;
  if (!needsContext) return true;
  const context = contextOf(graph, entry);
  const anyOut = (kind: RelationKind, targets: readonly string[]) =>
    context.some((c) => c.out.some((r) => r.kind === kind && targets.includes(r.to)));
  if (has(filter.approachIds) && !anyOut('EXEMPLIFIES', filter.approachIds)) return false;
  if (has(filter.themeIds) && !anyOut('ADDRESSES_THEME', filter.themeIds)) return false;
  if (has(filter.programIds)) {
    const funded = context.some((c) => c.in.some((r) => r.kind === 'FUNDS' && filter.programIds!.includes(r.from)));
    if (!funded && !anyOut('PARTICIPATES_IN', filter.programIds)) return false;
  }
  if (filter.yearFrom !== undefined || filter.yearTo !== undefined) {
    const from = filter.yearFrom ?? -Infinity;
    const to = filter.yearTo ?? Infinity;
    const own = periodOf(node);
    const periods = own
      ? [own]
      : context
          .slice(1)
          .map((c) => periodOf(c.node))
          .filter((p) => p !== null);
    if (!periods.some(([start, end]) => start <= to && end >= from)) return false;
  }
  return true;
}

/** A node's own period, open ends unbounded; null when it states no year at all. */
export function periodOf(node: GraphNode): [number, number] | null {
  const start = node.since ?? node.startYear;
  const end = node.until ?? node.endYear;
  if (start === undefined && end === undefined) return null;
  return [start ?? -Infinity, end ?? Infinity];
}

/** The node itself, then the partnerships, projects and programmes it is party to, takes part in or coordinates. */
export function contextOf(graph: AdjacencyGraph, entry: NodeEntry): NodeEntry[] {
  const context = [entry];
  for (const r of entry.out) {
    if (!CONTEXT_RELATIONS.has(r.kind)) continue;
    const target = graph.entry(r.to)!;
    if (CONTEXT_KINDS.has(target.node.kind) && !context.includes(target)) context.push(target);
  }
  return context;
}

function countriesOf(graph: AdjacencyGraph, entry: NodeEntry): string[] {
  if (entry.node.kind !== 'PARTNERSHIP') return entry.node.country ? [entry.node.country] : [];
  return entry.in.filter((r) => r.kind === 'PARTY_TO').flatMap((r) => graph.node(r.from)?.country ?? []);
}
