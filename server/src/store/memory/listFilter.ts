import type { MultiDirectedGraph } from 'graphology';
import type { GraphNode, GraphRelation, NodeKind, RelationKind } from '../../domain/model.js';
import type { NodeFilter } from '../GraphStore.js';

type Graph = MultiDirectedGraph<GraphNode, GraphRelation>;

/** Relationship kinds through which a node's partnerships, projects and programmes form its context. */
export const CONTEXT_RELATIONS: ReadonlySet<RelationKind> = new Set(['PARTY_TO', 'PARTICIPATES_IN', 'COORDINATES']);
export const CONTEXT_KINDS: ReadonlySet<NodeKind> = new Set(['PARTNERSHIP', 'PROJECT', 'FUNDING_PROGRAM']);
const NETWORK_RELATIONS: ReadonlySet<RelationKind> = new Set(['MEMBER_OF', 'PARTICIPATES_IN', 'COORDINATES']);

const has = (list: readonly string[] | undefined): list is readonly string[] => list !== undefined && list.length > 0;

/** The NodeFilter contract of GraphStore.listNodes, evaluated for one node. */
export function matchesFilter(graph: Graph, id: string, filter: NodeFilter): boolean {
  const node = graph.getNodeAttributes(id);
  if (has(filter.levels) && !filter.levels.includes(node.level!)) return false;
  if (has(filter.orgTypes) && !filter.orgTypes.includes(node.orgType!)) return false;
  if (has(filter.scopes) && !filter.scopes.includes(node.scope!)) return false;
  if (has(filter.partnershipTypes) && !filter.partnershipTypes.includes(node.partnershipType!)) return false;
  if (has(filter.statuses) && !filter.statuses.includes(node.status ?? '')) return false;
  if (has(filter.countries) && !countriesOf(graph, node).some((c) => filter.countries!.includes(c))) return false;
  if (has(filter.networkIds) && !hasOutEdge(graph, id, NETWORK_RELATIONS, filter.networkIds)) return false;

  const needsContext = has(filter.approachIds) || has(filter.themeIds) || has(filter.programIds) || filter.yearFrom !== undefined || filter.yearTo !== undefined;
  if (!needsContext) return true;
  const context = contextOf(graph, id);
  if (has(filter.approachIds) && !context.some((c) => hasOutEdge(graph, c, new Set(['EXEMPLIFIES']), filter.approachIds!))) return false;
  if (has(filter.themeIds) && !context.some((c) => hasOutEdge(graph, c, new Set(['ADDRESSES_THEME']), filter.themeIds!))) return false;
  if (has(filter.programIds) && !context.some((c) => hasInEdge(graph, c, 'FUNDS', filter.programIds!) || hasOutEdge(graph, c, new Set(['PARTICIPATES_IN']), filter.programIds!))) {
    return false;
  }
  if (filter.yearFrom !== undefined || filter.yearTo !== undefined) {
    const from = filter.yearFrom ?? -Infinity;
    const to = filter.yearTo ?? Infinity;
    const own = periodOf(node);
    const periods = own ? [own] : context.slice(1).map((c) => periodOf(graph.getNodeAttributes(c))).filter((p) => p !== null);
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
export function contextOf(graph: Graph, id: string): string[] {
  const context = [id];
  graph.forEachOutEdge(id, (_e, r, _s, target, _sa, targetAttrs) => {
    if (CONTEXT_RELATIONS.has(r.kind) && CONTEXT_KINDS.has(targetAttrs.kind) && !context.includes(target)) context.push(target);
  });
  return context;
}

function countriesOf(graph: Graph, node: GraphNode): string[] {
  if (node.kind !== 'PARTNERSHIP') return node.country ? [node.country] : [];
  const countries: string[] = [];
  graph.forEachInEdge(node.id, (_e, r, _s, _t, sourceAttrs) => {
    if (r.kind === 'PARTY_TO' && sourceAttrs.country) countries.push(sourceAttrs.country);
  });
  return countries;
}

function hasOutEdge(graph: Graph, id: string, kinds: ReadonlySet<RelationKind>, targets: readonly string[]): boolean {
  return graph.someOutEdge(id, (_e, r) => kinds.has(r.kind) && targets.includes(r.to));
}

function hasInEdge(graph: Graph, id: string, kind: RelationKind, sources: readonly string[]): boolean {
  return graph.someInEdge(id, (_e, r) => r.kind === kind && sources.includes(r.from));
}
