import type { RelationResolvers } from '../generated/graphql.js';
import { moneyOf } from './models.js';

export const Relation: RelationResolvers = {
  from: async (r, _args, { nodes }) => (await nodes.load(r.from))!,
  to: async (r, _args, { nodes }) => (await nodes.load(r.to))!,
  money: (r) => moneyOf(r),
};
