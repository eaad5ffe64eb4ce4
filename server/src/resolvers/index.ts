import type { Resolvers } from '../generated/graphql.js';
import { analysisQueries } from './analysis.js';
import { nodeTypeResolvers } from './nodeTypes.js';
import { changeQueries, changeResolvers, Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { relationResolvers } from './Relation.js';

export const resolvers: Resolvers = { Query: { ...Query, ...analysisQueries, ...changeQueries }, Mutation, ...nodeTypeResolvers, ...relationResolvers, ...changeResolvers };
