import type { FundingProgramResolvers } from '../generated/graphql.js';
import { durationOf, moneyOf } from './models.js';
import { activeIn, nodeFields, others } from './nodeFields.js';

export const FundingProgram: FundingProgramResolvers = {
  ...nodeFields,
  money: (n) => moneyOf(n),
  duration: (n) => durationOf(n),
  activeIn,
  fundingFor: (n, _args, ctx) => others(ctx, n.id, 'FUNDING_FOR', 'OUT'),
};
