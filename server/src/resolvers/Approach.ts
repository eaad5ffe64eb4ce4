import type { ApproachResolvers } from '../generated/graphql.js';
import { nodeFields, others } from './nodeFields.js';

export const Approach: ApproachResolvers = {
  ...nodeFields,
  number: (n) => n.number ?? 0,
  ratings: (n) => n.ratings ?? [],
  cases: (n, _args, ctx) => others(ctx, n.id, 'EXEMPLIFIES', 'IN'),
  funding: (n, _args, ctx) => others(ctx, n.id, 'FUNDING_FOR', 'IN'),
  resources: (n, _args, ctx) => others(ctx, n.id, 'RESOURCE_FOR', 'IN'),
};
