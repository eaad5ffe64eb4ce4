import type { ApproachResolvers } from '../generated/graphql.js';
import { nodeFields, related } from './nodeFields.js';

export const Approach: ApproachResolvers = {
  ...nodeFields,
  number: (n) => n.number ?? 0,
  ratings: (n) => n.ratings ?? [],
  cases: async (n, _args, ctx) => (await related(ctx, n.id, 'EXEMPLIFIES', 'IN')).map((e) => e.other),
};
