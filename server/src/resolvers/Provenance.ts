import type { ProvenanceResolvers } from '../generated/graphql.js';

export const Provenance: ProvenanceResolvers = {
  source: async (p, _args, { nodes }) => (await nodes.load(p.source))!,
  derived: (p) => p.derived === true,
};
