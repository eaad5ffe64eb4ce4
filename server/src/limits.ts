/** Limits that protect the server; documented in the schema and the README. */
export const LIMITS = {
  pageSize: { default: 20, max: 100 },
  relationsPageSize: { default: 50, max: 100 },
  neighborhood: { maxDepth: 3, defaultLimit: 200, maxLimit: 2000, maxSeeds: 100 },
  queryDepth: 12,
  queryComplexity: 25_000,
  searchTextLength: 200,
} as const;
