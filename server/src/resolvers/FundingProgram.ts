import type { FundingProgramResolvers } from '../generated/graphql.js';
import { moneyOf } from './models.js';
import { nodeFields } from './nodeFields.js';

export const FundingProgram: FundingProgramResolvers = { ...nodeFields, money: (n) => moneyOf(n) };
