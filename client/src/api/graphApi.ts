import type { FeatureWish, GraphEdgeFieldsFragment, GraphNodeFieldsFragment, NodeKind, RelationDetailsQuery as RelationDetailsResult, RelationKind, SimilarityMetric } from '../gql/graphql.js';
import type { EdgeData, FilterState, NodeData, Subgraph } from '../graph/model.js';
import { request } from './client.js';
import {
  AllNodeIdsQuery,
  ApproachesQuery,
  FilterMatchesQuery,
  FilterOptionsQuery,
  NeighborhoodQuery,
  NodeDetailsQuery,
  RelationDetailsQuery,
  SearchNodesQuery,
  ShortestPathsQuery,
  SimilarMunicipalitiesQuery,
  SuggestPartnersQuery,
  RecommendApproachesQuery,
} from './operations.js';

/** The API's limits the client plans around (server/src/limits.ts). */
export const API_LIMITS = { maxSeeds: 100, neighbourLimit: 200, pageSize: 100 } as const;

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

export const toEdgeData = (e: GraphEdgeFieldsFragment): EdgeData => ({ id: e.id, kind: e.kind, source: e.source, target: e.target, since: e.since, until: e.until, year: e.year });

export interface NeighbourhoodResult extends Subgraph {
  truncated: boolean;
}

export async function neighbourhood(ids: string[], options: { kinds?: RelationKind[] | null; limit?: number; signal?: AbortSignal } = {}): Promise<NeighbourhoodResult> {
  const data = await request(
    NeighborhoodQuery,
    { ids, depth: 1, limit: options.limit ?? API_LIMITS.neighbourLimit, relationKinds: options.kinds && options.kinds.length > 0 ? options.kinds : null },
    options.signal,
  );
  return { nodes: data.neighborhood.nodes.map(toNodeData), edges: data.neighborhood.edges.map(toEdgeData), truncated: data.neighborhood.truncated };
}

/**
 * The relationships among these nodes only. A neighbourhood whose limit equals the number of
 * seeds keeps just the seeds, and the API returns every relationship between included nodes of
 * which one is nearer than the depth, which holds for two seeds. Above 100 ids (the API's seed
 * limit), halves of 50 are asked pairwise so every pair of nodes is covered.
 */
export async function relationsAmong(ids: string[], signal?: AbortSignal): Promise<Subgraph> {
  const unique = [...new Set(ids)];
  if (unique.length <= API_LIMITS.maxSeeds) {
    const r = await neighbourhood(unique, { limit: unique.length, signal });
    return { nodes: r.nodes, edges: r.edges };
  }
  const half = API_LIMITS.maxSeeds / 2;
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += half) chunks.push(unique.slice(i, i + half));
  const calls: Promise<Subgraph>[] = [];
  for (let i = 0; i < chunks.length; i++) for (let j = i + 1; j < chunks.length; j++) calls.push(relationsAmong([...chunks[i]!, ...chunks[j]!], signal));
  const parts = await Promise.all(calls);
  return { nodes: parts.flatMap((p) => p.nodes), edges: parts.flatMap((p) => p.edges) };
}

type PageVars = Record<string, string | boolean | null>;
interface ListPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string } }[];
}

/** Reads lists to the end through a query whose lists are switched on by $iX and paged by $aX. */
async function readAllPages(letters: string[], fetchPage: (vars: PageVars) => Promise<Record<string, ListPage | undefined>>, fieldOf: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  const after = new Map<string, string | null>(letters.map((l) => [l, null]));
  while (after.size > 0) {
    const vars: PageVars = {};
    for (const l of letters) {
      vars[`i${l}`] = after.has(l);
      vars[`a${l}`] = after.get(l) ?? null;
    }
    const page = await fetchPage(vars);
    for (const l of [...after.keys()]) {
      const list = page[fieldOf[l]!];
      if (!list) {
        after.delete(l);
        continue;
      }
      for (const e of list.edges) ids.push(e.node.id);
      if (list.pageInfo.hasNextPage && list.pageInfo.endCursor) after.set(l, list.pageInfo.endCursor);
      else after.delete(l);
    }
  }
  return ids;
}

const ALL_LISTS: Record<string, string> = { M: 'municipalities', O: 'organizations', N: 'networks', F: 'fundingPrograms', P: 'projects', S: 'partnerships', T: 'themes', D: 'sdgs', C: 'countries', R: 'sources' };

/** Every node and relationship: ids from the lists, then the neighbourhoods of 100 ids at a time. */
export async function wholeGraph(signal?: AbortSignal): Promise<NeighbourhoodResult> {
  let approaches: string[] = [];
  const ids = await readAllPages(
    Object.keys(ALL_LISTS),
    async (vars) => {
      const data = await request(AllNodeIdsQuery, vars as never, signal);
      approaches = data.approaches.map((a) => a.id);
      return data as unknown as Record<string, ListPage | undefined>;
    },
    ALL_LISTS,
  );
  const all = [...new Set([...ids, ...approaches])];
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


const MATCH_LISTS: Record<string, string> = { M: 'municipalities', O: 'organizations', N: 'networks', F: 'fundingPrograms', P: 'projects', S: 'partnerships' };

/** Ids of the municipalities, organisations, networks, programmes, projects and partnerships the attribute filters keep. */
export async function filterMatches(f: FilterState, signal?: AbortSignal): Promise<Set<string>> {
  const base = {
    countries: f.countries.length > 0 ? f.countries : null,
    approaches: f.approaches.length > 0 ? f.approaches : null,
    themes: f.themes.length > 0 ? f.themes : null,
    networks: f.networks.length > 0 ? f.networks : null,
    programs: f.programs.length > 0 ? f.programs : null,
    years: f.years.from !== null || f.years.to !== null ? { from: f.years.from, to: f.years.to } : null,
    aT: null,
    iT: false,
  };
  const ids = await readAllPages(
    Object.keys(MATCH_LISTS),
    async (vars) => (await request(FilterMatchesQuery, { ...base, ...vars } as never, signal)) as unknown as Record<string, ListPage | undefined>,
    MATCH_LISTS,
  );
  return new Set(ids);
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

export const nodeDetails = (id: string, after: string | null = null, signal?: AbortSignal) => request(NodeDetailsQuery, { id, after }, signal);
export type NodeDetails = NonNullable<Awaited<ReturnType<typeof nodeDetails>>['node']>;

/** A relationship with its properties and sources, found among the outgoing ones of its source node. */
export async function relationDetails(sourceId: string, kind: RelationKind, relationId: string, signal?: AbortSignal) {
  let after: string | null = null;
  for (;;) {
    const data: RelationDetailsResult = await request(RelationDetailsQuery, { nodeId: sourceId, kinds: [kind], after }, signal);
    const rels = data.node?.relations;
    const hit = rels?.edges.find((e) => e.relation.id === relationId);
    if (hit) return hit.relation;
    if (!rels?.pageInfo.hasNextPage) return null;
    after = rels.pageInfo.endCursor;
  }
}
export type RelationDetails = NonNullable<Awaited<ReturnType<typeof relationDetails>>>;

export const approaches = (signal?: AbortSignal) => request(ApproachesQuery, {}, signal);
export type ApproachRow = Awaited<ReturnType<typeof approaches>>['approaches'][number];

export const filterOptions = (signal?: AbortSignal) => request(FilterOptionsQuery, {}, signal);
export type FilterOptions = Awaited<ReturnType<typeof filterOptions>>;

export const similarMunicipalities = (id: string, options: { metric: SimilarityMetric; excludePartners: boolean; first?: number }, signal?: AbortSignal) =>
  request(SimilarMunicipalitiesQuery, { id, first: options.first ?? 10, metric: options.metric, filter: { excludePartners: options.excludePartners } }, signal).then((r) => r.similarMunicipalities);
export type SimilarPeer = Awaited<ReturnType<typeof similarMunicipalities>>[number];

export const shortestPaths = (from: string, to: string, signal?: AbortSignal) => request(ShortestPathsQuery, { from, to, maxHops: 6, first: 5 }, signal).then((r) => r.allShortestPaths);
export type GraphPath = Awaited<ReturnType<typeof shortestPaths>>[number];

export const suggestPartners = (id: string, signal?: AbortSignal) => request(SuggestPartnersQuery, { id, first: 10 }, signal).then((r) => r.suggestPartners);
export type PartnerSuggestion = Awaited<ReturnType<typeof suggestPartners>>[number];

export const recommendApproaches = (wishes: FeatureWish[], signal?: AbortSignal) => request(RecommendApproachesQuery, { wishes }, signal).then((r) => r.recommendApproaches);
export type ApproachRecommendation = Awaited<ReturnType<typeof recommendApproaches>>[number];
