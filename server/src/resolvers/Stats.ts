import type { StatsResolvers } from '../generated/graphql.js';

export const Stats: StatsResolvers = {
  nodesByKind: (s) => Object.entries(s.nodesByKind).map(([kind, count]) => ({ kind: kind as never, count })),
  relationsByKind: (s) => Object.entries(s.relationsByKind).map(([kind, count]) => ({ kind: kind as never, count })),
};
