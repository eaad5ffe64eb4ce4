import type { ProjectResolvers } from '../generated/graphql.js';
import { moneyOf } from './models.js';
import { locatedFields, nodeFields } from './nodeFields.js';

export const Project: ProjectResolvers = {
  ...nodeFields,
  ...locatedFields,
  money: (n) => moneyOf(n),
  status: (n) => (n.status ?? 'UNKNOWN') as never,
};
