import type { Resolvers } from '../generated/graphql.js';
import { nodeTypeResolvers } from './nodeTypes.js';
import { Query } from './Query.js';
import { relationResolvers } from './Relation.js';

export const resolvers: Resolvers = { Query, ...nodeTypeResolvers, ...relationResolvers };
