import type {
  CommonFilter,
  NeighbourFilter,
  NeighbourSortField,
  SortDirection,
  FeatureWish,
  GraphEdgeFieldsFragment,
  GraphNodeFieldsFragment,
  NodeIdsQuery as NodeIdsResult,
  NodeKind,
  OverviewGrouping,
  RelationKind,
} from '../gql/graphql.js';
import type { EdgeData, FilterState, NodeData, Subgraph } from '../graph/model.js';
import { peerQueryArgs, type PeerOptions } from '../state/analysis/index.js';
import { request } from './client.js';
import {
  ApproachesQuery,
  FilterOptionsQuery,
  NeighborhoodQuery,
  NodeDetailsQuery,
  NodeIdsQuery,
  NodesQuery,
  NodeNamesQuery,
  RelationDetailsQuery,
  RelationsAmongQuery,
  ExportSelectionQuery,
  SearchNodesQuery,
  ShortestPathsQuery,
  SimilarMunicipalitiesQuery,
  SuggestPartnersQuery,
  RecommendApproachesQuery,
  StartViewQuery,
  OverviewQuery,
  NeighboursQuery,
  NodesOfKindQuery,
} from './operations.js';

/** The API's limits the client plans around (server/src/limits.ts). */
export const API_LIMITS = {
  maxSeeds: 100,
  neighbourLimit: 200,
  pageSize: 100,
  amongIds: 2000,
  idPage: 4000,
  nodesByIds: 2000,
  neighbourPage: 500,
  exportIds: 2000,
} as const;

/**
 * The largest neighbourhood limit the API's complexity limit (25 000) admits for our fragments:
 * it costs about 17 per item (the API caps the limit at 2 000 and would refuse that as too complex).
 */
export const NEIGHBOURHOOD_MAX_LIMIT = 1400;

/** API node (a union of per-type shapes) to the model's NodeData. */
export function toNodeData(n: GraphNodeFieldsFragment): NodeData {
  const node: NodeData = { id: n.id, kind: n.kind, name: n.name, degree: n.degree };
  if ('municipalityCountry' in n) node.countryCode = n.municipalityCountry;
  if ('countryCode' in n) node.countryCode = n.countryCode;
  if ('partnershipType' in n) {
    node.partnershipType = n.partnershipType;
    node.since = n.since;
    node.until = n.until;
  }
  if ('startYear' in n) {
    node.startYear = n.startYear;
    node.endYear = n.endYear;
  }
  return node;
}

export const toEdgeData = (e: GraphEdgeFieldsFragment): EdgeData => ({
  id: e.id,
  kind: e.kind,
  source: e.source,
  target: e.target,
  since: e.since,
  until: e.until,
  year: e.year,
});

export interface NeighbourhoodResult extends Subgraph {
  truncated: boolean;
}

export async function neighbourhood(
  ids: string[],
  options: { kinds?: RelationKind[] | null; limit?: number; signal?: AbortSignal } = {},
): Promise<NeighbourhoodResult> {
  const data = await request(
    NeighborhoodQuery,
    {
      ids,
      depth: 1,
      limit: options.limit ?? API_LIMITS.neighbourLimit,
      relationKinds: options.kinds && options.kinds.length > 0 ? options.kinds : null,
    },
    options.signal,
  );
  return {
    nodes: data.neighborhood.nodes.map(toNodeData),
    edges: data.neighborhood.edges.map(toEdgeData),
    truncated: data.neighborhood.truncated,
  };
}

/**
 * The relationships among these nodes only. Up to the API's 2 000 ids in one request; above that,
 * halves of 1 000 are asked pairwise so that every pair of nodes is covered.
 */
export async function relationsAmong(ids: string[], signal?: AbortSignal): Promise<Subgraph> {
  const unique = [...new Set(ids)];
  if (unique.length <= API_LIMITS.amongIds) {
    const data = await request(RelationsAmongQuery, { ids: unique }, signal);
    return { nodes: [], edges: data.relationsAmong.map(toEdgeData) };
  }
  const half = API_LIMITS.amongIds / 2;
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += half) chunks.push(unique.slice(i, i + half));
  const calls: Promise<Subgraph>[] = [];
  for (let i = 0; i < chunks.length; i++)
    for (let j = i + 1; j < chunks.length; j++) calls.push(relationsAmong([...chunks[i]!, ...chunks[j]!], signal));
  const parts = await Promise.all(calls);
  return { nodes: [], edges: parts.flatMap((p) => p.edges) };
}

/** Some nodes and the relationships among them as the server exports them (JSON: one file; CSV: nodes.csv, edges.csv). */
export const exportSelection = (
  ids: readonly string[],
  relationKinds: readonly RelationKind[] | null,
  format: 'JSON' | 'CSV',
  signal?: AbortSignal,
) =>
  request(ExportSelectionQuery, { ids: [...ids], relationKinds: relationKinds ? [...relationKinds] : null, format }, signal).then(
    (r) => r.exportSelection,
  );

/** Every id of the nodes of these kinds that the filter keeps (every node when both are absent), read to the end. */
export async function nodeIds(
  kinds: NodeKind[] | null,
  filter: CommonFilter | null,
  signal?: AbortSignal,
  /** The first page, when it has been asked already (startView): the next pages follow it. */
  firstPage?: IdPage | null,
): Promise<string[]> {
  const ids: string[] = [...(firstPage?.ids ?? [])];
  let after: string | null = null;
  if (firstPage) {
    if (!firstPage.pageInfo.hasNextPage || !firstPage.pageInfo.endCursor) return ids;
    after = firstPage.pageInfo.endCursor;
  }
  for (;;) {
    const data: NodeIdsResult = await request(NodeIdsQuery, { kinds, filter, first: API_LIMITS.idPage, after }, signal);
    ids.push(...data.nodeIds.ids);
    if (!data.nodeIds.pageInfo.hasNextPage || !data.nodeIds.pageInfo.endCursor) return ids;
    after = data.nodeIds.pageInfo.endCursor;
  }
}

/**
 * The names of these nodes in the language the requests ask for (Accept-Language): one request up
 * to the API's 2,000 ids, more in parallel above. Unknown ids are left out.
 */
export async function nodeNames(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, string>> {
  const pages: string[][] = [];
  for (let i = 0; i < ids.length; i += API_LIMITS.nodesByIds) pages.push(ids.slice(i, i + API_LIMITS.nodesByIds));
  const answers = await Promise.all(pages.map((page) => request(NodeNamesQuery, { ids: page }, signal)));
  const names = new Map<string, string>();
  for (const a of answers) for (const n of a.nodes) if (n) names.set(n.id, n.name);
  return names;
}

/** Nodes by id, in pages of 500 asked in parallel; unknown ids are left out. */
async function nodesById(ids: readonly string[], signal?: AbortSignal): Promise<NodeData[]> {
  const pages: string[][] = [];
  for (let i = 0; i < ids.length; i += 500) pages.push(ids.slice(i, i + 500));
  const answers = await Promise.all(pages.map((page) => request(NodesQuery, { ids: page }, signal)));
  return answers.flatMap((a) => a.nodes.flatMap((n) => (n ? [toNodeData(n)] : [])));
}

/**
 * Every node and relationship: every id (after `firstIds`, the first page asked already), then,
 * for a graph of up to 2,000 nodes, the nodes by id and the relationships among them, each once;
 * for a larger one, the neighbourhoods of 100 ids at a time (which repeat the nodes and
 * relationships between neighbourhoods).
 */
export async function wholeGraph(signal?: AbortSignal, firstIds?: IdPage | null): Promise<NeighbourhoodResult> {
  const all = await nodeIds(null, null, signal, firstIds);
  if (all.length <= API_LIMITS.amongIds) {
    const [nodes, among] = await Promise.all([nodesById(all, signal), relationsAmong(all, signal)]);
    return { nodes, edges: among.edges, truncated: false };
  }
  const chunks: string[][] = [];
  for (let i = 0; i < all.length; i += API_LIMITS.maxSeeds) chunks.push(all.slice(i, i + API_LIMITS.maxSeeds));
  const parts = await Promise.all(chunks.map((chunk) => neighbourhoodOfMany(chunk, signal)));
  return { nodes: parts.flatMap((p) => p.nodes), edges: parts.flatMap((p) => p.edges), truncated: parts.some((p) => p.truncated) };
}

/** A neighbourhood that fits the API's limit, halving the seeds while the answer is cut short. */
async function neighbourhoodOfMany(ids: string[], signal?: AbortSignal): Promise<NeighbourhoodResult> {
  const r = await neighbourhood(ids, { limit: NEIGHBOURHOOD_MAX_LIMIT, signal });
  if (!r.truncated || ids.length === 1) return r;
  const mid = Math.ceil(ids.length / 2);
  const [a, b] = await Promise.all([neighbourhoodOfMany(ids.slice(0, mid), signal), neighbourhoodOfMany(ids.slice(mid), signal)]);
  return { nodes: [...a.nodes, ...b.nodes], edges: [...a.edges, ...b.edges], truncated: a.truncated || b.truncated };
}

/** The kinds the attribute filters apply to (the others are kept by what they link to). */
const FILTERED_KINDS: NodeKind[] = ['MUNICIPALITY', 'ORGANIZATION', 'NETWORK', 'FUNDING_PROGRAM', 'PROJECT', 'PARTNERSHIP'];

/** Ids of the municipalities, organisations, networks, programmes, projects and partnerships the attribute filters keep. */
export async function filterMatches(f: FilterState, signal?: AbortSignal): Promise<Set<string>> {
  const filter: CommonFilter = {
    countries: f.countries.length > 0 ? f.countries : null,
    approaches: f.approaches.length > 0 ? f.approaches : null,
    themes: f.themes.length > 0 ? f.themes : null,
    networks: f.networks.length > 0 ? f.networks : null,
    programs: f.programs.length > 0 ? f.programs : null,
    years: f.years.from !== null || f.years.to !== null ? { from: f.years.from, to: f.years.to } : null,
  };
  return new Set(await nodeIds(FILTERED_KINDS, filter, signal));
}

export interface SearchHit {
  id: string;
  kind: NodeKind;
  name: string;
  altNames: string[];
  countryCode: string | null;
}

export async function searchNodes(text: string, signal?: AbortSignal): Promise<{ hits: SearchHit[]; total: number }> {
  const data = await request(SearchNodesQuery, { text, first: 12 }, signal);
  return {
    total: data.search.totalCount,
    hits: data.search.edges.map(({ node }) => ({
      id: node.id,
      kind: node.kind,
      name: node.name,
      altNames: node.altNames,
      countryCode: 'municipalityCountry' in node ? node.municipalityCountry : 'countryCode' in node ? node.countryCode : null,
    })),
  };
}

export const nodeDetails = (id: string, after: string | null = null, signal?: AbortSignal) =>
  request(NodeDetailsQuery, { id, after }, signal);
export type NodeDetails = NonNullable<Awaited<ReturnType<typeof nodeDetails>>['node']>;

/** A relationship with its properties and sources (null when it no longer exists). */
export const relationDetails = (id: string, signal?: AbortSignal) => request(RelationDetailsQuery, { id }, signal).then((r) => r.relation);
export type RelationDetails = NonNullable<Awaited<ReturnType<typeof relationDetails>>>;

export const approaches = (signal?: AbortSignal) => request(ApproachesQuery, {}, signal);
export type ApproachRow = Awaited<ReturnType<typeof approaches>>['approaches'][number];

export const filterOptions = (signal?: AbortSignal) => request(FilterOptionsQuery, {}, signal);
export type FilterOptions = Awaited<ReturnType<typeof filterOptions>>;

/** Peers of a municipality under the panel's settings; `partners`: its partners instead ("already partners"). */
export const similarMunicipalities = (id: string, options: PeerOptions, partners: boolean, signal?: AbortSignal) =>
  request(SimilarMunicipalitiesQuery, { id, first: partners ? 40 : 10, ...peerQueryArgs(options, partners) }, signal).then(
    (r) => r.similarMunicipalities,
  );
export type SimilarPeer = Awaited<ReturnType<typeof similarMunicipalities>>[number];

/** All shortest paths (up to 6 hops, at most 5) over these relationship kinds (all when null or empty). */
export const shortestPaths = (from: string, to: string, kinds: readonly RelationKind[] | null = null, signal?: AbortSignal) =>
  request(
    ShortestPathsQuery,
    { from, to, maxHops: 6, first: 5, relationKinds: kinds && kinds.length > 0 ? [...kinds] : null },
    signal,
  ).then((r) => r.allShortestPaths);
export type GraphPath = Awaited<ReturnType<typeof shortestPaths>>[number];

export const suggestPartners = (id: string, signal?: AbortSignal) =>
  request(SuggestPartnersQuery, { id, first: 10 }, signal).then((r) => r.suggestPartners);
export type PartnerSuggestion = Awaited<ReturnType<typeof suggestPartners>>[number];

export const recommendApproaches = (wishes: FeatureWish[], signal?: AbortSignal) =>
  request(RecommendApproachesQuery, { wishes }, signal).then((r) => r.recommendApproaches);
export type ApproachRecommendation = Awaited<ReturnType<typeof recommendApproaches>>[number];

/** How big the whole graph is: to choose between drawing it and the overview. */
/**
 * What the first screen needs before anything else, in one request: the graph's size and, when
 * `ids` is a number, the first page of that many node ids of the whole graph (all of them when
 * the graph fits), so that drawing the whole graph starts with its neighbourhoods.
 */
export const startView = (ids: number | null, signal?: AbortSignal) =>
  request(StartViewQuery, { idsFirst: ids ?? 1, withIds: ids !== null }, signal).then((r) => ({
    size: r.stats,
    firstIds: r.nodeIds ?? null,
  }));
export type GraphSize = Awaited<ReturnType<typeof startView>>['size'];
/** A page of node ids, as nodeIds answers. */
export type IdPage = NonNullable<Awaited<ReturnType<typeof startView>>['firstIds']>;

/** The graph in groups (computed by the store) and the best connected starting points. */
export const overview = (groupBy: OverviewGrouping, signal?: AbortSignal) =>
  request(OverviewQuery, { groupBy, firstGroups: 60, firstStarts: 8 }, signal).then((r) => r.overview);
export type OverviewData = Awaited<ReturnType<typeof overview>>;

/** One row of the neighbour table: the neighbour and the relationships joining it to the node. */
export interface NeighbourRow {
  node: NodeData;
  relations: EdgeData[];
  cursor: string;
}

export interface NeighbourTablePage {
  rows: NeighbourRow[];
  totalCount: number;
  allCount: number;
  byKind: { kind: NodeKind; count: number }[];
  byRelationKind: { kind: RelationKind; count: number }[];
  byCountry: { code: string; count: number }[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface NeighbourRequest {
  filter?: NeighbourFilter | null;
  sort?: { field: NeighbourSortField; direction: SortDirection };
  first: number;
  after?: string | null;
}

/** One page of a node's neighbours, filtered and sorted by the API, with its counts. */
export async function neighbours(id: string, r: NeighbourRequest, signal?: AbortSignal): Promise<NeighbourTablePage> {
  const data = await request(
    NeighboursQuery,
    { id, filter: r.filter ?? null, sort: r.sort ?? { field: 'DEGREE', direction: 'DESC' }, first: r.first, after: r.after ?? null },
    signal,
  );
  const p = data.neighbours;
  return {
    rows: p.edges.map((e) => ({ node: toNodeData(e.node), relations: e.relations.map(toEdgeData), cursor: e.cursor })),
    totalCount: p.totalCount,
    allCount: p.allCount,
    byKind: p.byKind,
    byRelationKind: p.byRelationKind,
    byCountry: p.byCountry,
    hasNextPage: p.pageInfo.hasNextPage,
    endCursor: p.pageInfo.endCursor ?? null,
  };
}

/** The ids of the best connected nodes of a kind, and how many it has. */
export const nodesOfKind = (kind: NodeKind, first: number, signal?: AbortSignal) =>
  request(NodesOfKindQuery, { kind, first }, signal).then((r) => ({
    ids: r.nodesOfKind.edges.map((e) => e.node.id),
    total: r.nodesOfKind.totalCount,
  }));
