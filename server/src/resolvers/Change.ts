import type { ChangeResolvers } from '../generated/graphql.js';

export const Change: ChangeResolvers = {
  source: async (c, _a, { nodes }) => (c.source ? ((await nodes.load(c.source)) ?? null) : null),
};
