import type { AwardResolvers } from '../generated/graphql.js';
import { nodeFields, related } from './nodeFields.js';

export const Award: AwardResolvers = {
  ...nodeFields,
  winners: async (n, _args, ctx) =>
    (await related(ctx, n.id, 'WINS', 'IN')).map((e) => ({
      node: e.other,
      year: e.relation.year,
      note: e.relation.note,
      sources: e.relation.sources,
    })),
};
