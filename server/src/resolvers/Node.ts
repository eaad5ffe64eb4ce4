import { KIND_TYPE_NAME } from '../domain/model.js';
import type { NodeResolvers } from '../generated/graphql.js';

/** The interface: which object type a node is. The fields every type shares are in nodeFields.ts. */
export const Node: NodeResolvers = {
  __resolveType: (n) => KIND_TYPE_NAME[n.kind] as never,
};
