import type { NodeKind, PartnershipType, RelationKind } from '../gql/graphql.js';

/**
 * The explorer's pure graph model: what has been loaded from the API (GraphData) and the rule
 * that derives what is drawn from it and the view state (deriveVisible). No Cytoscape, no DOM,
 * no fetch: everything here is a function of its arguments, and unit-tested as such.
 */

export interface NodeData {
  id: string;
  kind: NodeKind;
  name: string;
  /** All of the node's relationships, in the whole graph. */
  degree: number;
  countryCode?: string | null;
  partnershipType?: PartnershipType | null;
  since?: number | null;
  until?: number | null;
  startYear?: number | null;
  endYear?: number | null;
}

export interface EdgeData {
  id: string;
  kind: RelationKind;
  source: string;
  target: string;
  since?: number | null;
  until?: number | null;
  year?: number | null;
}

/** Which relationships of a node are known: all of them, or those of some kinds. */
export interface LoadedRelations {
  kinds: readonly RelationKind[] | 'ALL';
  /** Only some of this node's neighbours are loaded (the best connected first): the rest wait in the neighbour table. */
  truncated: boolean;
  /** With truncated: how many neighbours are loaded, and how many there are over these kinds (the API's counts). */
  count?: number;
  total?: number;
}

export interface GraphData {
  readonly nodes: ReadonlyMap<string, NodeData>;
  readonly edges: ReadonlyMap<string, EdgeData>;
  /** Nodes whose relationships (of some or all kinds) are all in `edges`. */
  readonly loaded: ReadonlyMap<string, LoadedRelations>;
  /** The whole graph is loaded. */
  readonly complete: boolean;
}

export interface Subgraph {
  nodes: readonly NodeData[];
  edges: readonly EdgeData[];
}

export const emptyGraph = (): GraphData => ({ nodes: new Map(), edges: new Map(), loaded: new Map(), complete: false });

export interface MergeOptions {
  /** These nodes' relationships (of `kinds`, or all) are now all known. */
  loaded?: readonly ({ id: string } & LoadedRelations)[];
  complete?: boolean;
}

/** A new GraphData with the subgraph added; the argument is not changed. */
export function mergeSubgraph(data: GraphData, sub: Subgraph, options: MergeOptions = {}): GraphData {
  const nodes = new Map(data.nodes);
  for (const n of sub.nodes) nodes.set(n.id, n);
  const edges = new Map(data.edges);
  for (const e of sub.edges) edges.set(e.id, e);
  const loaded = new Map(data.loaded);
  for (const l of options.loaded ?? []) {
    const before = loaded.get(l.id);
    if (before?.kinds === 'ALL' && !before.truncated) continue;
    const { id: _id, ...known } = l;
    if (l.kinds === 'ALL' || !before || before.kinds === 'ALL') loaded.set(l.id, known);
    else loaded.set(l.id, { kinds: [...new Set([...before.kinds, ...l.kinds])], truncated: before.truncated || l.truncated });
  }
  return { nodes, edges, loaded, complete: data.complete || options.complete === true };
}

/** The data with these nodes renamed (a language switch); the same object when no name changes, so nothing re-renders. */
export function renameNodes(data: GraphData, names: ReadonlyMap<string, string>): GraphData {
  let nodes: Map<string, NodeData> | null = null;
  for (const [id, name] of names) {
    const n = data.nodes.get(id);
    if (!n || n.name === name) continue;
    nodes ??= new Map(data.nodes);
    nodes.set(id, { ...n, name });
  }
  return nodes ? { ...data, nodes } : data;
}

/** True when every relationship of `id` of these kinds (all when null) is loaded. */
export function relationsKnown(data: GraphData, id: string, kinds: readonly RelationKind[] | null): boolean {
  if (data.complete) return true;
  const l = data.loaded.get(id);
  if (!l) return false;
  // Some neighbours only: known for exactly the kinds they were asked over, not for fewer.
  if (l.truncated) return l.kinds === 'ALL' ? kinds === null : kinds !== null && sameKinds(l.kinds, kinds);
  if (l.kinds === 'ALL') return true;
  return kinds !== null && kinds.every((k) => (l.kinds as readonly RelationKind[]).includes(k));
}

const sameKinds = (a: readonly RelationKind[], b: readonly RelationKind[]) => a.length === new Set(b).size && b.every((k) => a.includes(k));

interface Incidence {
  edge: EdgeData;
  other: string;
}

const adjacencyCache = new WeakMap<GraphData, Map<string, Incidence[]>>();

/** Relationships by node, built once per GraphData. */
export function adjacency(data: GraphData): Map<string, Incidence[]> {
  let adj = adjacencyCache.get(data);
  if (adj) return adj;
  adj = new Map();
  for (const e of data.edges.values()) {
    if (!data.nodes.has(e.source) || !data.nodes.has(e.target)) continue;
    let a = adj.get(e.source);
    if (!a) adj.set(e.source, (a = []));
    a.push({ edge: e, other: e.target });
    if (e.source === e.target) continue;
    let b = adj.get(e.target);
    if (!b) adj.set(e.target, (b = []));
    b.push({ edge: e, other: e.source });
  }
  adjacencyCache.set(data, adj);
  return adj;
}

/** The parties of a partnership: the nodes with a PARTY_TO relationship to it. */
export function partiesOf(data: GraphData, partnershipId: string): string[] {
  return (adjacency(data).get(partnershipId) ?? [])
    .filter((i) => i.edge.kind === 'PARTY_TO' && i.edge.target === partnershipId)
    .map((i) => i.other);
}

export interface Expansion {
  id: string;
  /** Follow only these relationship kinds; null follows all. */
  kinds: RelationKind[] | null;
}

export interface ViewState {
  /** The node the view is about, or null. */
  focus: string | null;
  /** Nodes whose neighbours are shown, in the order they were expanded. */
  expanded: Expansion[];
  /** Show every node of the graph (filters still apply). */
  showAll: boolean;
  /** Nodes added one by one (from the neighbour table, a path), drawn whatever else is. */
  pinned?: readonly string[];
}

/**
 * How partnerships are drawn: as nodes; as direct edges between their parties; or 'auto', as edges
 * where a partnership only joins its parties (it has no relationship but PARTY_TO) and as nodes
 * where it has more to show (themes, approaches, funders, ...).
 */
export type PartnershipMode = 'nodes' | 'edges' | 'auto';

export interface YearRange {
  from: number | null;
  to: number | null;
}

export interface FilterState {
  hiddenNodeKinds: NodeKind[];
  hiddenRelationKinds: RelationKind[];
  countries: string[];
  approaches: string[];
  themes: string[];
  networks: string[];
  programs: string[];
  years: YearRange;
}

/** Kinds whose nodes the API's list filters decide; the others are context, kept while linked. */
export const MATCHED_KINDS: readonly NodeKind[] = ['MUNICIPALITY', 'ORGANIZATION', 'NETWORK', 'FUNDING_PROGRAM', 'PROJECT', 'PARTNERSHIP'];

export const hasAttributeFilter = (f: FilterState): boolean =>
  f.countries.length > 0 ||
  f.approaches.length > 0 ||
  f.themes.length > 0 ||
  f.networks.length > 0 ||
  f.programs.length > 0 ||
  f.years.from !== null ||
  f.years.to !== null;

/** The ids of MATCHED_KINDS nodes that pass the attribute filters, as the API answered. */
export type FilterMatch = ReadonlySet<string>;

export interface DrawnNode extends NodeData {
  focus: boolean;
  expanded: boolean;
}

export interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  /** A relationship kind, or PARTNERSHIP for a partnership drawn as a direct edge between two parties. */
  kind: RelationKind | 'PARTNERSHIP';
  /** For a real relationship: its id. */
  relationId?: string;
  /** For a partnership drawn as an edge: the partnership node and its type. */
  partnershipId?: string;
  partnershipType?: PartnershipType | null;
}

export interface HiddenCounts {
  total: number;
  byNodeKind: number;
  byAttributes: number;
  /** Context nodes (countries, themes, approaches, ...) left without a visible neighbour. */
  byContext: number;
}

export interface VisibleGraph {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  hidden: HiddenCounts;
  /** Nodes the view needs that are not loaded yet. */
  missing: string[];
  /** Expanded nodes with more neighbours than the API returned. */
  truncated: string[];
  /** Expanded nodes with more neighbours (loaded or counted by the API, passing the filters) than are drawn; shown: those drawn. */
  budgeted: { id: string; total: number; shown: number }[];
}

export interface DeriveOptions {
  partnerships: PartnershipMode;
  /** Null when no attribute filter is active (or its answer is not in yet: nothing is hidden by it). */
  match: FilterMatch | null;
  /** Ids of Country nodes by ISO code, to keep the countries named in the filter. */
  countryNodeIds?: ReadonlyMap<string, string>;
  /** At most this many neighbours of an expanded node are drawn (the rest are added from the neighbour table, as pins); absent: all. */
  neighbourBudget?: number;
}

/**
 * What is drawn: the focus, each expanded node and its neighbours over the followed relationship
 * kinds (or every node with showAll), less what the filters hide, with every loaded relationship
 * between two drawn nodes. In 'edges' mode a partnership with two or more drawn parties becomes
 * direct edges between them, and expanding a party reaches the other parties through it.
 * The focus and the nodes named by the filters are never hidden.
 */
export function deriveVisible(data: GraphData, view: ViewState, filters: FilterState, options: DeriveOptions): VisibleGraph {
  const adj = adjacency(data);
  const hiddenRel = new Set(filters.hiddenRelationKinds);
  const edgeMode = options.partnerships !== 'nodes' && !hiddenRel.has('PARTY_TO');
  const candidates = new Set<string>();
  const missing: string[] = [];
  const truncated: string[] = [];
  const expandedIds = new Set(view.expanded.map((e) => e.id));

  if (view.showAll) {
    for (const id of data.nodes.keys()) candidates.add(id);
  }
  if (view.focus !== null) {
    if (data.nodes.has(view.focus)) candidates.add(view.focus);
    else missing.push(view.focus);
  }
  for (const id of view.pinned ?? []) {
    if (data.nodes.has(id)) candidates.add(id);
    else missing.push(id);
  }
  const hiddenKinds = new Set(filters.hiddenNodeKinds);
  const passes = (id: string) => {
    const n = data.nodes.get(id)!;
    return !hiddenKinds.has(n.kind) && (!options.match || !MATCHED_KINDS.includes(n.kind) || options.match.has(id));
  };
  const overBudget: { id: string; total: number; neighbours: string[] }[] = [];
  for (const exp of view.expanded) {
    if (!data.nodes.has(exp.id)) {
      missing.push(exp.id);
      continue;
    }
    if (!relationsKnown(data, exp.id, exp.kinds)) missing.push(exp.id);
    if (data.loaded.get(exp.id)?.truncated) truncated.push(exp.id);
    candidates.add(exp.id);
    const reached = followedNeighbours(data, exp, hiddenRel);
    // Those the filters hide stay candidates, to be counted as hidden; they take no place in the budget.
    const neighbours: string[] = [];
    for (const id of reached) {
      if (passes(id)) neighbours.push(id);
      else candidates.add(id);
    }
    const shown = options.neighbourBudget ?? Infinity;
    const loaded = data.loaded.get(exp.id);
    const total = loaded?.truncated ? Math.max(neighbours.length, loaded.total ?? 0) : neighbours.length;
    if (total > shown) overBudget.push({ id: exp.id, total, neighbours });
    for (const other of rankNeighbours(data, neighbours).slice(0, shown)) {
      candidates.add(other);
      if (edgeMode && data.nodes.get(other)?.kind === 'PARTNERSHIP' && asEdge(data, other, options.partnerships)) {
        for (const party of partiesOf(data, other)) candidates.add(party);
      }
    }
  }

  // Filters. The focus and the filter's own anchors stay.
  const keep = new Set<string>();
  if (view.focus) keep.add(view.focus);
  for (const id of [...filters.approaches, ...filters.themes, ...filters.networks, ...filters.programs]) keep.add(id);
  for (const code of filters.countries) {
    const id = options.countryNodeIds?.get(code);
    if (id) keep.add(id);
  }
  const matched = new Set(MATCHED_KINDS);
  let byNodeKind = 0;
  let byAttributes = 0;
  const visible = new Set<string>();
  for (const id of candidates) {
    const n = data.nodes.get(id)!;
    if (!keep.has(id) && hiddenKinds.has(n.kind)) byNodeKind++;
    else if (!keep.has(id) && options.match && matched.has(n.kind) && !options.match.has(id)) byAttributes++;
    else visible.add(id);
  }
  let byContext = 0;
  if (options.match) {
    for (const id of [...visible]) {
      const n = data.nodes.get(id)!;
      if (matched.has(n.kind) || keep.has(id) || expandedIds.has(id)) continue;
      const linked = (adj.get(id) ?? []).some(
        (i) => !hiddenRel.has(i.edge.kind) && visible.has(i.other) && matched.has(data.nodes.get(i.other)!.kind),
      );
      if (!linked) {
        visible.delete(id);
        byContext++;
      }
    }
  }

  // Partnerships drawn as edges between their drawn parties.
  const asEdges = new Map<string, string[]>();
  if (edgeMode) {
    for (const id of visible) {
      if (data.nodes.get(id)!.kind !== 'PARTNERSHIP' || !asEdge(data, id, options.partnerships)) continue;
      const parties = partiesOf(data, id).filter((p) => visible.has(p));
      if (parties.length >= 2) asEdges.set(id, parties.sort());
    }
  }

  const nodes: DrawnNode[] = [];
  for (const id of visible) {
    if (asEdges.has(id)) continue;
    nodes.push({ ...data.nodes.get(id)!, focus: id === view.focus, expanded: expandedIds.has(id) });
  }
  nodes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const edges: DrawnEdge[] = [];
  for (const e of data.edges.values()) {
    if (hiddenRel.has(e.kind) || !visible.has(e.source) || !visible.has(e.target)) continue;
    if (asEdges.has(e.source) || asEdges.has(e.target)) continue;
    edges.push({ id: e.id, source: e.source, target: e.target, kind: e.kind, relationId: e.id });
  }
  for (const [pid, parties] of asEdges) {
    const p = data.nodes.get(pid)!;
    for (let i = 0; i < parties.length; i++) {
      for (let j = i + 1; j < parties.length; j++) {
        edges.push({
          id: `partnership:${pid}:${parties[i]}:${parties[j]}`,
          source: parties[i]!,
          target: parties[j]!,
          kind: 'PARTNERSHIP',
          partnershipId: pid,
          partnershipType: p.partnershipType ?? null,
        });
      }
    }
  }
  edges.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // A hub over its budget: how many of its neighbours are drawn now (those added from the table included).
  const budgeted: VisibleGraph['budgeted'] = [];
  for (const b of overBudget) {
    const drawn = b.neighbours.filter((id) => visible.has(id)).length;
    if (b.total > drawn) budgeted.push({ id: b.id, total: b.total, shown: drawn });
  }

  return {
    nodes,
    edges,
    hidden: { total: byNodeKind + byAttributes + byContext, byNodeKind, byAttributes, byContext },
    missing: [...new Set(missing)],
    truncated,
    budgeted,
  };
}

/** In this mode, is the partnership drawn as edges between its parties (when two or more are drawn)? */
function asEdge(data: GraphData, id: string, mode: PartnershipMode): boolean {
  if (mode !== 'auto') return mode === 'edges';
  // 'auto': only a partnership whose every relationship is a PARTY_TO that is loaded.
  return relationsKnown(data, id, ['PARTY_TO']) && partiesOf(data, id).length === data.nodes.get(id)!.degree;
}

/** The distinct nodes an expansion reaches over the relationship kinds it follows and the filters show. */
export function followedNeighbours(data: GraphData, exp: Expansion, hiddenRel: ReadonlySet<RelationKind>): string[] {
  const follow = exp.kinds ? new Set(exp.kinds) : null;
  const out = new Set<string>();
  for (const inc of adjacency(data).get(exp.id) ?? []) {
    if (hiddenRel.has(inc.edge.kind) || (follow && !follow.has(inc.edge.kind))) continue;
    out.add(inc.other);
  }
  return [...out];
}

/** Neighbours in the order a budget keeps them: the best connected first, then by name, then id. */
export function rankNeighbours(data: GraphData, ids: readonly string[]): string[] {
  return [...ids].sort((a, b) => {
    const x = data.nodes.get(a)!;
    const y = data.nodes.get(b)!;
    return y.degree - x.degree || x.name.localeCompare(y.name) || (a < b ? -1 : a > b ? 1 : 0);
  });
}

/** Partnerships drawn (or about to be) whose parties are not all known yet. */
export function partnershipsNeedingParties(data: GraphData, ids: Iterable<string>): string[] {
  const out: string[] = [];
  for (const id of ids) {
    if (data.nodes.get(id)?.kind === 'PARTNERSHIP' && !relationsKnown(data, id, ['PARTY_TO'])) out.push(id);
  }
  return out;
}

/**
 * Drawn nodes whose relationships with each other may not all be loaded: a relationship is
 * certainly known when one of its ends has all its relationships loaded.
 */
export function nodesWithUnknownLinks(data: GraphData, ids: Iterable<string>): string[] {
  if (data.complete) return [];
  return [...ids].filter((id) => !relationsKnown(data, id, null) || data.loaded.get(id)?.truncated === true);
}

/** The drawn neighbours of a node, for keyboard navigation and the list view. */
export function drawnNeighbours(graph: VisibleGraph, id: string): { edge: DrawnEdge; other: string }[] {
  const out: { edge: DrawnEdge; other: string }[] = [];
  for (const e of graph.edges) {
    if (e.source === id) out.push({ edge: e, other: e.target });
    else if (e.target === id) out.push({ edge: e, other: e.source });
  }
  return out;
}
