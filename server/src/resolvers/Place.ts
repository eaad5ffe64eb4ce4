import type { PlaceResolvers } from '../generated/graphql.js';
import { locatedFields, nodeFields, others } from './nodeFields.js';

export const Place: PlaceResolvers = {
  ...nodeFields,
  ...locatedFields,
  placeType: (n) => (n.placeType ?? 'REGION') as never,
  within: async (n, _args, ctx) => [...(await others(ctx, n.id, 'LOCATED_IN', 'OUT')), ...(await others(ctx, n.id, 'PART_OF', 'OUT'))],
};
