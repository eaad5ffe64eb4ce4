/** Limits that protect the server; documented in the schema and the README. */
export const LIMITS = {
  pageSize: { default: 20, max: 100 },
  /** nodeIds: ids only, so pages can be large. */
  idPageSize: { default: 1000, max: 10_000 },
  /** relationsAmong: how many nodes one call may name. */
  relationsAmongIds: 2000,
  /** nodes(ids): how many nodes one call may name. */
  nodesByIds: 2000,
  /** exportSelection(ids): how many nodes one export may name (what the explorer draws at most, with room). */
  exportIds: 2000,
  relationsPageSize: { default: 50, max: 100 },
  changesPageSize: { default: 20, max: 100 },
  neighborhood: { maxDepth: 3, defaultLimit: 200, maxLimit: 2000, maxSeeds: 100 },
  peers: { default: 10, max: 100 },
  paths: { default: 10, max: 50 },
  maxHops: { default: 4, max: 6 },
  metricsIds: 1000,
  /** The neighbour table: rows per page (a hub's neighbours are gathered whole, bounded by its degree). */
  neighbours: { default: 100, max: 500 },
  overview: { groups: { default: 100, max: 300 }, starts: { default: 8, max: 50 } },
  queryDepth: 12,
  /**
   * The size of a request's document, all its operations and fragments: tokens (names,
   * punctuation, values; comments not) read before parsing stops. It bounds the work of parsing,
   * validating and costing a document before any of the limits below are known (docs/adr/0029).
   */
  queryTokens: 1_000,
  /** Fields one operation may select, fragments expanded (aliases count one each). */
  queryFields: 1_000,
  /** Of those, the fields with an alias: many nodes are asked with one list field (nodes(ids:), metrics(ids:)). */
  queryAliases: 100,
  queryComplexity: 25_000,
  searchTextLength: 200,
  /**
   * Inline imports: the most text one mutation may carry (the HTTP body limit for editors is set to
   * match, in app.ts). With importRows, what an import was measured to take within 1.5 GB of RSS
   * (bench/importSize.ts; docs/data.md): 200,000 rows in 9.4 MB took 1.40 GB (CLI) and 1.47 GB (API);
   * 447,669 rows in 20 MB took 2.3 GB.
   */
  importContent: 10 * 2 ** 20,
  /** An import's most rows (or records); the CLI's --max-rows may raise it (on a machine with the memory). */
  importRows: 200_000,
  /** Time budget of one request: analysis and search fields not started by then are refused (TIMEOUT). */
  requestTimeMs: 10_000,
  /** Items all lists without a page size (partnerships, parties, members, cases, ...) may return in one request. */
  unpagedItems: 50_000,
  /** Requests of one client (token, else address) served at once, and waiting beyond those. */
  perClient: { inFlight: 8, waiting: 64 },
} as const;
