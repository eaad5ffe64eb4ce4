import type { ComplexityEstimator } from 'graphql-query-complexity';

/**
 * What a field costs before its children: 1 for a plain field; more for the fields that compute
 * (search ranks every match, peers and suggestions walk a municipality's context, paths run a
 * breadth-first search, advice reads every approach's cases). Figures are proportional to their
 * measured time on a twin-cities-sized graph (42k nodes): a unit is about 0.1 ms of work, so the
 * limit of 25,000 allows a few seconds of computing at most, spread over the request's turns.
 */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  'Query.search': 200,
  'Query.similarMunicipalities': 300,
  'Query.suggestPartners': 1_000,
  'Query.shortestPath': 200,
  'Query.allShortestPaths': 300,
  'Query.recommendApproaches': 300,
  'Query.metrics': 10,
  'Query.neighborhood': 50,
  'Query.neighbours': 50,
  'Query.nodesOfKind': 20,
};

/**
 * Fields that answer one object but whose work grows with the ids they name: this much per id, plus
 * their children once. exportSelection reads each node, the relationships among them and the nodes
 * their sources cite, and writes them as text: 5-9 ms for all 359 nodes and 660 relationships of
 * the seed graph on the embedded store (about 0.025 ms per id), 230 ms on Neo4j (0.64 ms per id,
 * 6.4 units; tests/api/exportSelection.test.ts prints it). 10 per id charges the 2,000 ids of LIMITS.exportIds 20,000, within the limit of 25,000 but not
 * beside other heavy fields.
 */
export const PER_ID_COSTS: Readonly<Record<string, number>> = {
  'Query.exportSelection': 10,
};

/**
 * Lists without a page argument count their children this many times: the typical large size
 * (a well-twinned city has dozens of partnerships), not 1. What they really return is also
 * counted while the request runs (LIMITS.unpagedItems), so the guess cannot be abused.
 */
export const UNPAGED_LIST_SIZES: Readonly<Record<string, number>> = {
  'Municipality.partnerships': 20,
  'Organization.partnerships': 20,
  'Network.members': 50,
  'Partnership.parties': 2,
  'Approach.cases': 20,
  'Query.approaches': 8,
  'BasisScore.shared': 5,
  'SimilarMunicipality.byBasis': 4,
  'PartnerSuggestion.paths': 5,
  'Path.nodes': 6,
  'Path.relations': 6,
  'ApproachRecommendation.met': 8,
  'ApproachRecommendation.missed': 8,
  'ApproachRecommendation.cases': 20,
  'ApproachRecommendation.networks': 10,
  'ApproachRecommendation.programs': 10,
};

/** A list asks for `first` (or `limit`, or one entry per id of `ids`) items; an unpaged list for its typical size. */
function multiplier(key: string, args: Record<string, unknown>): number {
  if (typeof args.first === 'number') return args.first;
  if (typeof args.limit === 'number') return args.limit;
  if (Array.isArray(args.ids)) return args.ids.length;
  return UNPAGED_LIST_SIZES[key] ?? 1;
}

/** The cost of a field: its own (FIELD_COSTS, else 1) plus its children's times the items it asks for. */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const key = `${type.name}.${field.name}`;
  const perId = PER_ID_COSTS[key];
  if (perId !== undefined) return (FIELD_COSTS[key] ?? 1) + childComplexity + perId * (Array.isArray(args.ids) ? args.ids.length : 1);
  return (FIELD_COSTS[key] ?? 1) + childComplexity * Math.max(1, multiplier(key, args));
};
