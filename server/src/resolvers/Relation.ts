import type { Resolvers } from '../generated/graphql.js';
import { moneyOf } from './mappedTypes.js';

export const relationResolvers: Pick<Resolvers, 'Relation' | 'Provenance' | 'Stats'> = {
  Relation: {
    from: async (r, _args, { nodes }) => (await nodes.load(r.from))!,
    to: async (r, _args, { nodes }) => (await nodes.load(r.to))!,
    money: (r) => moneyOf(r),
  },
  Provenance: {
    source: async (p, _args, { nodes }) => (await nodes.load(p.source))!,
  },
  Stats: {
    nodesByKind: (s) => Object.entries(s.nodesByKind).map(([kind, count]) => ({ kind: kind as never, count })),
    relationsByKind: (s) => Object.entries(s.relationsByKind).map(([kind, count]) => ({ kind: kind as never, count })),
  },
};
