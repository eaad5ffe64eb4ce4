import type { MunicipalityResolvers } from '../generated/graphql.js';
import { locatedFields, nodeFields, others, partnershipsOf } from './nodeFields.js';

export const Municipality: MunicipalityResolvers = {
  ...nodeFields,
  ...locatedFields,
  partnerships: partnershipsOf,
  places: async (n, _args, ctx) =>
    [...(await others(ctx, n.id, 'LOCATED_IN', 'IN')), ...(await others(ctx, n.id, 'PART_OF', 'IN'))].filter((o) => o.kind === 'PLACE'),
};
