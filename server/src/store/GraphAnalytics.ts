import type { GraphNode, GraphRelation, MunicipalityLevel, NodeKind, RelationKind } from '../domain/model.js';
import type { FeatureWeighting, PairTotals, SimilarityBasis, SimilarityMetric } from './analysis/similarity.js';

/**
 * THE PORT for analysis, beside GraphStore (ctx.analytics in resolvers): peers, suggestions, paths
 * and metrics. Each adapter supplies one over the same graph as its store (see ports.ts). The
 * rules and the arithmetic live in store/analysis/ so that the adapters agree exactly; the
 * definitions are docs/adr/0014-peers-and-suggestions.md.
 *
 * Definitions used below:
 * - context(m) of a municipality: m, the partnerships it is PARTY_TO and the projects it
 *   PARTICIPATES_IN or COORDINATES.
 * - partners(m): the other municipalities PARTY_TO a partnership m is PARTY_TO (partnerships,
 *   twinnings, friendship ties: every PARTNERSHIP node). directTies(m): municipalities joined to m
 *   by one relationship other than LOCATED_IN / PART_OF.
 * - features(m): per basis, what analysis/features.ts featuresOf reads from the relationships of
 *   context(m).
 * - reach(x): the nodes one step from x: joined by one relationship (not LOCATED_IN / PART_OF, not
 *   to a partnership), or the other parties of a partnership x is PARTY_TO (a partnership is one
 *   step). See analysis/suggestions.ts.
 */
export interface GraphAnalytics {
  /**
   * Municipalities sharing at least one feature with `id` in the chosen bases, scored by the
   * metric (analysis/similarity.ts), with score > 0, ordered by score descending, then sort name,
   * then id; at most `first`. `id` itself is never a peer. excludePartners leaves out partners(id),
   * excludeDirectTies directTies(id). onlyPartners: partners(id) only, score 0 included.
   * Unknown id or not a municipality: empty list.
   */
  similarMunicipalities(query: SimilarityQuery): Promise<SimilarityMatch[]>;

  /**
   * Candidates c (of `kinds`, default MUNICIPALITY and ORGANIZATION) in reach(i) for an
   * intermediary i in reach(id) of kind MUNICIPALITY, ORGANIZATION, NETWORK, FUNDING_PROGRAM or
   * PROJECT; c is not id and not in reach(id). Score: (sum over those intermediaries, in id order,
   * of 1 / ln(1 + |reach(i)|)) / ln(1 + |reach(c)|): hubs in the middle and hubs as candidates
   * count less. Ordered by score descending, then more intermediaries, then smaller |reach(c)|,
   * then sort name, then id; at most `first`. Each carries up to five paths of at most two steps
   * (intermediaries by weight, then id), and the intermediaries by kind. Unknown id: empty list.
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

  /**
   * A token that changes whenever the graph changes; cheap (no scan). Caches of whole-graph
   * results (the API's background metrics) compare it.
   */
  graphVersion(): Promise<string>;

  /**
   * The whole graph as metrics need it: every node id (any order) and the two ends of every
   * relationship (parallel and reversed ones included, as stored) as indexes into the ids: cheap
   * to build and to send to a worker thread, where BackgroundMetrics computes. metrics(ids)
   * computes in place.
   */
  metricsInput(): Promise<MetricsInput>;
}

export interface MetricsInput {
  nodeIds: string[];
  /** Relationship k joins nodeIds[ends[2k]] and nodeIds[ends[2k + 1]]. */
  ends: Int32Array;
}

export interface SimilarityQuery {
  id: string;
  first: number;
  metric: SimilarityMetric;
  /** How shared features weigh (default RARITY). */
  weighting?: FeatureWeighting;
  bases: readonly SimilarityBasis[];
  weights?: Partial<Record<SimilarityBasis, number>>;
  countries?: readonly string[];
  levels?: readonly MunicipalityLevel[];
  /** Default true. */
  excludePartners?: boolean;
  excludeDirectTies?: boolean;
  onlyPartners?: boolean;
}

export interface SharedEvidence {
  node: GraphNode;
  /** How many municipalities have this feature. */
  holders: number;
  /** What it adds to the shared sum under the query's metric and weighting. */
  weight: number;
}

export interface SimilarityMatch {
  peer: GraphNode;
  score: number;
  byBasis: { basis: SimilarityBasis; score: number; shared: SharedEvidence[] }[];
  /** The partnerships both are party to: not empty only for partners. */
  partnerships: GraphNode[];
  /** Relationships directly between the two. */
  directTies: GraphRelation[];
  /** Municipalities in the graph (N of the rarity weight). */
  municipalityCount: number;
  /** W(a), W(b) and S (analysis/similarity.ts) over the query's bases. */
  totals: PairTotals;
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
  /** Every intermediary (kind and name), by weight then id: for the explanation. */
  via: GraphNode[];
  /** |reach(candidate)|. */
  candidateDegree: number;
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
