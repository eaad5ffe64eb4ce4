import type { GraphNode, GraphRelation, MunicipalityLevel, NodeKind, RelationKind } from '../domain/model.js';
import type { SimilarityBasis, SimilarityMetric } from './analysis/similarity.js';

/**
 * THE PORT for analysis, beside GraphStore (ctx.analytics in resolvers): peers, suggestions, paths
 * and metrics. Each adapter supplies one over the same graph as its store (see ports.ts). The
 * arithmetic lives in store/analysis/ so that the adapters agree exactly.
 *
 * Definitions used below:
 * - context(x): x and the partnerships, projects and programmes x is PARTY_TO, PARTICIPATES_IN or
 *   COORDINATES (as for list filters).
 * - linked(x): every node joined by one relationship (either direction) to a node of context(x),
 *   except through LOCATED_IN and PART_OF, and except x itself and the nodes of context(x).
 * - features(m): linked(m) grouped by kind into bases (see analysis/similarity.ts), plus the
 *   countries of linked municipalities and organisations.
 */
export interface GraphAnalytics {
  /**
   * Municipalities sharing at least one feature with `id` in the chosen bases, scored by the
   * metric (analysis/similarity.ts scorePair), with score > 0, ordered by score descending, then
   * sort name, then id; at most `first`. `id` itself is never a peer. With excludePartners,
   * municipalities in linked(id) are left out. Unknown id or not a municipality: empty list.
   */
  similarMunicipalities(query: SimilarityQuery): Promise<SimilarityMatch[]>;

  /**
   * Candidates c (of `kinds`, default MUNICIPALITY and ORGANIZATION) with c in linked(i) for an
   * intermediary i in linked(id) of kind MUNICIPALITY, ORGANIZATION, NETWORK, FUNDING_PROGRAM or
   * PROJECT; c is not id and not in linked(id). Score: sum over those intermediaries of
   * 1 / ln(|linked(i)|). Ordered by score descending, then sort name, then id; at most `first`.
   * Each carries up to five paths (intermediaries by weight, then id), and the number there are.
   * Unknown id: empty list.
   */
  suggestPartners(query: SuggestionQuery): Promise<PartnerSuggestionResult[]>;

  /**
   * All shortest paths from `from` to `to` over relationships of `relationKinds` (all when absent),
   * either direction, of at most `maxHops` relationships; ordered by the sequence of node ids,
   * then of relationship ids; at most `first`. from = to: one path of length 0. None, or an
   * unknown id: empty list.
   */
  shortestPaths(query: PathQuery): Promise<GraphPath[]>;

  /**
   * Degree, betweenness (normalised) and Louvain community of each node, computed once per
   * version of the graph (the first call after a write pays for it). Unknown ids: null.
   */
  metrics(ids: readonly string[]): Promise<(NodeMetricsResult | null)[]>;
}

export interface SimilarityQuery {
  id: string;
  first: number;
  metric: SimilarityMetric;
  bases: readonly SimilarityBasis[];
  weights?: Partial<Record<SimilarityBasis, number>>;
  countries?: readonly string[];
  levels?: readonly MunicipalityLevel[];
  excludePartners?: boolean;
}

export interface SimilarityMatch {
  peer: GraphNode;
  score: number;
  byBasis: { basis: SimilarityBasis; score: number; shared: GraphNode[] }[];
}

export interface SuggestionQuery {
  id: string;
  first: number;
  kinds?: readonly NodeKind[];
}

export interface GraphPath {
  nodes: GraphNode[];
  relations: GraphRelation[];
}

export interface PartnerSuggestionResult {
  candidate: GraphNode;
  score: number;
  paths: GraphPath[];
  pathCount: number;
}

export interface PathQuery {
  from: string;
  to: string;
  relationKinds?: readonly RelationKind[];
  maxHops: number;
  first: number;
}

export interface NodeMetricsResult {
  degree: number;
  betweenness: number;
  community: number;
}
