import type { MunicipalityResolvers } from '../generated/graphql.js';
import { locatedFields, nodeFields, partnershipsOf } from './nodeFields.js';

export const Municipality: MunicipalityResolvers = {
  ...nodeFields,
  ...locatedFields,
  countryCode: (n) => n.country ?? '',
  partnerships: partnershipsOf,
};
