import type { PartnershipResolvers } from '../generated/graphql.js';
import { nodeFields, related } from './nodeFields.js';

export const Partnership: PartnershipResolvers = {
  ...nodeFields,
  status: (n) => (n.status ?? 'UNKNOWN') as never,
  parties: async (n, _args, ctx) =>
    (await related(ctx, n.id, 'PARTY_TO', 'IN')).map((e) => ({ node: e.other, role: e.relation.role, sources: e.relation.sources })),
};
