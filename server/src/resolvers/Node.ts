import type { NodeKind } from '../domain/model.js';
import type { NodeResolvers } from '../generated/graphql.js';

const TYPE_OF_KIND: Record<NodeKind, string> = {
  MUNICIPALITY: 'Municipality',
  ORGANIZATION: 'Organization',
  NETWORK: 'Network',
  FUNDING_PROGRAM: 'FundingProgram',
  PROJECT: 'Project',
  PARTNERSHIP: 'Partnership',
  APPROACH: 'Approach',
  THEME: 'Theme',
  SDG: 'Sdg',
  COUNTRY: 'Country',
  SOURCE: 'Source',
  PERSON: 'Person',
  PLACE: 'Place',
  AWARD: 'Award',
};

/** The interface: which object type a node is. The fields every type shares are in nodeFields.ts. */
export const Node: NodeResolvers = {
  __resolveType: (n) => TYPE_OF_KIND[n.kind] as never,
};
