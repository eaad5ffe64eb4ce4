import type { PersonResolvers } from '../generated/graphql.js';
import { nodeFields, others } from './nodeFields.js';

export const Person: PersonResolvers = {
  ...nodeFields,
  founded: (n, _args, ctx) => others(ctx, n.id, 'FOUNDED_BY', 'IN'),
};
