import type { NetworkResolvers } from '../generated/graphql.js';
import { activeIn, locatedFields, nodeFields, related } from './nodeFields.js';

export const Network: NetworkResolvers = {
  ...nodeFields,
  ...locatedFields,
  members: async (n, _args, ctx) => (await related(ctx, n.id, 'MEMBER_OF', 'IN')).map((e) => e.other),
  activeIn,
};
