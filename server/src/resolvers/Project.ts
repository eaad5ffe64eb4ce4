import type { ProjectResolvers } from '../generated/graphql.js';
import { durationOf, moneyOf } from './models.js';
import { locatedFields, nodeFields, others } from './nodeFields.js';

export const Project: ProjectResolvers = {
  ...nodeFields,
  ...locatedFields,
  money: (n) => moneyOf(n),
  duration: (n) => durationOf(n),
  status: (n) => (n.status ?? 'UNKNOWN') as never,
  concerns: (n, _args, ctx) => others(ctx, n.id, 'CONCERNS', 'OUT'),
};
